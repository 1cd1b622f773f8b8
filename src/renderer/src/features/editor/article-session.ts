/**
 * One open article: the link between the Lexical editor, the title/excerpt fields, autosave and the
 * backend. Lives outside React state so that typing never re-renders the app.
 */
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isDecoratorNode,
  $isElementNode,
  $parseSerializedNode,
  HISTORY_MERGE_TAG,
  HISTORY_PUSH_TAG,
  type LexicalEditor,
  type LexicalNode,
  type SerializedLexicalNode,
} from 'lexical';
import type { Article, ArticleSummary } from '../../../../shared/domain';
import { countWords, emptyDocument, lexicalToPlainText, readingMinutes, type LexicalDocument, type LexicalNode as DocNode } from '../../../../shared/lexical-document';
import type { ApiClient } from '../../api';
import { Store } from '../../app/store';
import { AutosaveScheduler } from '../autosave/autosave-scheduler';
import { IMAGE_FIELD_TAG } from '../photos/tags';
import { LOAD_TAG } from './tags';

export interface TextStats {
  words: number;
  minutes: number;
}

/** What the banner above the editor says: nothing, a save conflict, or a newer saved version. */
export type SessionNotice = null | 'conflict' | 'stale';

interface SessionCallbacks {
  /** A save went through: the list shows the new title, time and word count. */
  onSaved(patch: Pick<ArticleSummary, 'id' | 'title' | 'excerpt' | 'updatedAt' | 'wordCount'>): void;
  /** The featured image was chosen or cleared. */
  onFeaturedChanged?(patch: Pick<ArticleSummary, 'id' | 'featuredMediaId' | 'updatedAt'>): void;
  /** The backend made the article this session was started for (see ArticleSession.startNew). */
  onCreated?(summary: ArticleSummary): void;
}

const STATS_DELAY_MS = 250;

let nextKey = 1;

export class ArticleSession {
  /** Unique per opened session: remounts the editor (and clears its undo history) on every open. */
  readonly key = nextKey++;
  readonly id: string;
  version: number;
  title: string;
  excerpt: string;
  readonly scheduler: AutosaveScheduler;
  readonly stats: Store<TextStats>;
  readonly notice = new Store<SessionNotice>(null);
  readonly updatedAt: Store<number>;
  /** The photo the portal shows with the article; kept apart from the body and its versions. */
  readonly featuredMediaId: Store<string | null>;
  private featuredRequest = 0;
  private featuredPending = 0;
  /** Status, category, tags, publish time…: what the workflow and the side panel show. */
  readonly summary: Store<ArticleSummary>;
  private titleFocusRequested = false;
  private latestSeenAt = 0;
  private acknowledgedAt = 0;

  private editor: LexicalEditor | null = null;
  /** The body as the backend last had it; tells real edits from re-normalisation. Serialised lazily. */
  private savedBody: unknown = null;
  private savedJson: string | null = null;
  private body: LexicalDocument;
  private statsTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly fieldListeners = new Set<(title: string, excerpt: string) => void>();
  private disposed = false;
  /** False until the backend has made an article started here (startNew); its saves wait for that. */
  private exists: boolean;
  private creating: Promise<void> | null = null;

  /**
   * A new article, on screen at once: the window chooses its id, so the person can type into it
   * while the backend makes it. Every save first makes sure it exists (retried like a save).
   */
  static startNew(id: string, client: ApiClient, callbacks: SessionCallbacks, now = Date.now()): ArticleSession {
    const article: Article = {
      id,
      title: '',
      excerpt: '',
      status: 'draft',
      wordCount: 0,
      createdAt: now,
      updatedAt: now,
      trashedAt: null,
      featuredMediaId: null,
      author: '',
      categoryId: null,
      tags: [],
      publishAt: null,
      statusChangedAt: null,
      version: 1,
      body: emptyDocument(),
    };
    return new ArticleSession(article, client, callbacks, { exists: false });
  }

  constructor(
    article: Article,
    private readonly client: ApiClient,
    private readonly callbacks: SessionCallbacks,
    { exists = true }: { exists?: boolean } = {},
  ) {
    this.exists = exists;
    this.id = article.id;
    this.version = article.version;
    this.title = article.title;
    this.excerpt = article.excerpt;
    this.body = article.body;
    this.updatedAt = new Store(article.updatedAt);
    this.featuredMediaId = new Store<string | null>(article.featuredMediaId ?? null);
    this.summary = new Store(summaryOf(article));
    const words = countWords(lexicalToPlainText(article.body));
    this.stats = new Store<TextStats>({ words, minutes: readingMinutes(words) });
    this.scheduler = new AutosaveScheduler({ save: () => this.save() });
    this.scheduler.subscribe(() => {
      const state = this.scheduler.getState();
      if (state.phase === 'conflict') this.notice.set('conflict');
    });
  }

  /** Connects the editor: fills it with the article (not undoable) and starts listening to edits. */
  attach(editor: LexicalEditor): () => void {
    this.editor = editor;
    const body = this.body;
    editor.update(() => $replaceBody(body), { tag: [LOAD_TAG, HISTORY_MERGE_TAG], discrete: true });
    this.rememberSaved(editor.getEditorState().toJSON());
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags, editorState }) => {
      if (tags.has(LOAD_TAG)) {
        this.rememberSaved(editorState.toJSON());
        return;
      }
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return; // selection only
      // Plugins that register node transforms re-mark existing nodes in a history-merge update;
      // that is not an edit unless the content actually changed (e.g. a heading was normalised).
      // Typing in a photo's caption is merged the same way, and is always an edit.
      if (tags.has(HISTORY_MERGE_TAG) && !tags.has(IMAGE_FIELD_TAG) && JSON.stringify(editorState.toJSON()) === this.savedSerialised()) return;
      this.scheduler.markDirty();
      this.scheduleStats();
    });
    return () => {
      unregister();
      if (this.editor === editor) {
        this.body = editor.getEditorState().toJSON() as unknown as LexicalDocument;
        this.editor = null;
      }
    };
  }

  /** A new article: its title field takes the focus once it is on screen. */
  requestTitleFocus(): void {
    this.titleFocusRequested = true;
  }

  takeTitleFocusRequest(): boolean {
    const requested = this.titleFocusRequested;
    this.titleFocusRequested = false;
    return requested;
  }

  setTitle(title: string): void {
    this.title = title;
    this.scheduler.markDirty();
  }

  setExcerpt(excerpt: string): void {
    this.excerpt = excerpt;
    this.scheduler.markDirty();
  }

  /** The title and excerpt fields follow content that came from the backend. */
  onFieldsReplaced(listener: (title: string, excerpt: string) => void): () => void {
    this.fieldListeners.add(listener);
    return () => {
      this.fieldListeners.delete(listener);
    };
  }

  currentBody(): LexicalDocument {
    return this.editor ? (this.editor.getEditorState().toJSON() as unknown as LexicalDocument) : this.body;
  }

  /**
   * Title, excerpt and body as plain text, for copying out when this tab can no longer save (browser
   * mode whose host came back on another address or with another token).
   */
  textForCopy(): string {
    return [this.title, this.excerpt, lexicalToPlainText(this.currentBody())].filter((part) => part.trim() !== '').join('\n\n');
  }

  flush(): Promise<boolean> {
    return this.scheduler.flush();
  }

  /** Resolves once the backend has this article (at once for one that was opened); rejects if asking failed. */
  ensureCreated(): Promise<void> {
    if (this.exists) return Promise.resolve();
    this.creating ??= this.client.invoke('articles-create', { id: this.id }).then(
      (article) => {
        this.exists = true;
        this.adoptCreated(article);
      },
      (err: unknown) => {
        this.creating = null; // the next save asks again
        throw err;
      },
    );
    return this.creating;
  }

  /** Whether the backend is known to have this article. */
  isCreated(): boolean {
    return this.exists;
  }

  /** Nothing typed, chosen or kept in it. */
  isBlank(): boolean {
    return this.title.trim() === '' && this.excerpt.trim() === '' && this.stats.get().words === 0 && this.featuredMediaId.get() === null;
  }

  /** What the backend made (author, times) joins what is on screen; the text typed meanwhile stays. */
  private adoptCreated(article: Article): void {
    if (this.disposed) return;
    this.version = article.version;
    this.updatedAt.set(article.updatedAt);
    const summary = { ...summaryOf(article), title: this.title, excerpt: this.excerpt };
    this.summary.set(summary);
    this.callbacks.onCreated?.(summary);
  }

  /** Conflict: the person keeps what is on screen; it becomes the newest version. */
  async keepMine(): Promise<void> {
    const latest = await this.client.invoke('articles-get', { id: this.id });
    this.version = latest.version;
    this.notice.set(null);
    await this.scheduler.resume();
  }

  /** Conflict or stale: load the saved version as one undoable step, so Ctrl+Z brings the own text back. */
  async loadSaved(): Promise<void> {
    const latest = await this.client.invoke('articles-get', { id: this.id });
    this.replaceWith(latest, { undoable: true });
  }

  /** Content the backend now holds (a restore, a reload); undoable steps keep the previous text in history. */
  replaceWith(article: Article, { undoable }: { undoable: boolean }): void {
    this.version = article.version;
    this.title = article.title;
    this.excerpt = article.excerpt;
    this.body = article.body;
    this.updatedAt.set(article.updatedAt);
    this.summary.set(summaryOf(article));
    this.editor?.update(() => $replaceBody(article.body), { tag: [LOAD_TAG, undoable ? HISTORY_PUSH_TAG : HISTORY_MERGE_TAG] });
    for (const l of [...this.fieldListeners]) l(article.title, article.excerpt);
    this.scheduler.markSaved();
    this.notice.set(null);
    const words = countWords(lexicalToPlainText(article.body));
    this.stats.set({ words, minutes: readingMinutes(words) });
  }

  /**
   * Chooses (or with null clears) the featured image. Shown at once; if the backend refuses, the
   * previous choice comes back and the error is rethrown. Not a content change: the version stays.
   */
  async setFeaturedImage(mediaId: string | null): Promise<void> {
    const request = ++this.featuredRequest;
    const before = this.featuredMediaId.get();
    this.featuredMediaId.set(mediaId);
    this.featuredPending++;
    try {
      const summary = await this.client.invoke('articles-set-featured-image', { id: this.id, mediaId });
      if (request !== this.featuredRequest) return;
      this.featuredMediaId.set(summary.featuredMediaId);
      // Our own change: the list refresh that follows must not look like someone else's save. A save
      // from elsewhere just before it would then go unnoticed, so compare versions once here.
      this.acknowledgedAt = Math.max(this.acknowledgedAt, summary.updatedAt);
      this.callbacks.onFeaturedChanged?.({ id: this.id, featuredMediaId: summary.featuredMediaId, updatedAt: summary.updatedAt });
      void this.checkForNewerVersion().catch(() => undefined);
    } catch (err) {
      if (request === this.featuredRequest) this.featuredMediaId.set(before);
      throw err;
    } finally {
      this.featuredPending--;
    }
  }

  /** Another window saved this article: say so when nothing here is waiting to be saved. */
  async checkForNewerVersion(): Promise<void> {
    if (this.scheduler.hasUnsavedChanges() || this.notice.get() !== null) return;
    const latest = await this.client.invoke('articles-get', { id: this.id });
    if (this.disposed) return;
    // The featured image is not part of the text: follow another window's choice right away.
    if (this.featuredPending === 0) this.featuredMediaId.set(latest.featuredMediaId ?? null);
    if (this.scheduler.hasUnsavedChanges()) return;
    this.latestSeenAt = Math.max(this.latestSeenAt, latest.updatedAt);
    if (latest.version > this.version) this.notice.set('stale');
  }

  /**
   * The article is shown again after another screen (the sync could change its text meanwhile: the
   * hold covers only what is on screen). A newer saved version is loaded as one undoable step,
   * unless something typed here still waits to be saved (then the save meets the conflict as usual).
   */
  async reloadIfNewer(): Promise<void> {
    if (this.scheduler.hasUnsavedChanges() || this.notice.get() === 'conflict') return;
    const latest = await this.client.invoke('articles-get', { id: this.id });
    if (this.disposed || this.scheduler.hasUnsavedChanges() || latest.version <= this.version) return;
    this.replaceWith(latest, { undoable: true });
  }

  /** True when a change stamped `updatedAt` is this window's own save or one the person already saw. */
  knowsChangeAt(updatedAt: number): boolean {
    return updatedAt <= Math.max(this.updatedAt.get(), this.acknowledgedAt);
  }

  dismissNotice(): void {
    // "Abaikan": do not raise the same newer version again (a save will still meet the conflict).
    this.acknowledgedAt = Math.max(this.acknowledgedAt, this.latestSeenAt);
    this.notice.set(null);
  }

  dispose(): void {
    this.disposed = true;
    if (this.statsTimer) clearTimeout(this.statsTimer);
    this.scheduler.dispose();
  }

  private async save(): Promise<void> {
    await this.ensureCreated();
    const title = this.title;
    const excerpt = this.excerpt;
    const body = this.currentBody();
    const result = await this.client.invoke('articles-save', { id: this.id, baseVersion: this.version, title, excerpt, body });
    this.rememberSaved(body);
    this.version = result.version;
    this.updatedAt.set(result.updatedAt);
    this.callbacks.onSaved({ id: this.id, title, excerpt, updatedAt: result.updatedAt, wordCount: result.wordCount });
  }

  private rememberSaved(body: unknown): void {
    this.savedBody = body;
    this.savedJson = null;
  }

  private savedSerialised(): string {
    this.savedJson ??= JSON.stringify(this.savedBody);
    return this.savedJson;
  }

  /** Counting words walks the whole text: done after a short pause, never on each keystroke. */
  private scheduleStats(): void {
    if (this.statsTimer) clearTimeout(this.statsTimer);
    this.statsTimer = setTimeout(() => {
      this.statsTimer = null;
      const editor = this.editor;
      if (!editor || this.disposed) return;
      const text = editor.getEditorState().read(() => $getRoot().getTextContent());
      const words = countWords(text);
      const current = this.stats.get();
      if (current.words !== words) this.stats.set({ words, minutes: readingMinutes(words) });
    }, STATS_DELAY_MS);
  }
}

function summaryOf(article: Article): ArticleSummary {
  const { body: _body, version: _version, ...summary } = article;
  return summary;
}

/** Replaces the editor's content with a stored document. Must run inside editor.update. */
export function $replaceBody(doc: LexicalDocument): void {
  const root = $getRoot();
  root.clear();
  const blocks: LexicalNode[] = [];
  for (const child of doc.root.children) {
    let node: LexicalNode;
    try {
      node = $parseSerializedNode(child as unknown as SerializedLexicalNode);
    } catch {
      // A node this version cannot show (e.g. from a newer app) keeps at least its text.
      node = $paragraphOf(lexicalToPlainText({ root: { type: 'root', children: [child as DocNode] } }));
    }
    if (($isElementNode(node) || $isDecoratorNode(node)) && !node.isInline()) {
      blocks.push(node);
    } else {
      const paragraph = $createParagraphNode();
      paragraph.append(node);
      blocks.push(paragraph);
    }
  }
  if (blocks.length === 0) blocks.push($createParagraphNode());
  root.append(...blocks);
}

function $paragraphOf(text: string): LexicalNode {
  const paragraph = $createParagraphNode();
  if (text) paragraph.append($createTextNode(text));
  return paragraph;
}
