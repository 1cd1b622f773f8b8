/**
 * Which article is open, and the actions that change it (open, create, trash, put back, delete).
 *
 * Switching is synchronous: from the moment a person asks for another article, the one they leave
 * takes no more keys (its editor is gone) and a new article is on screen with the caret in its
 * title before any answer from the backend, so nothing typed right after "Naskah baru" can be lost
 * or land in the wrong article. The article left behind is saved in the background; if that fails it
 * is kept (with what was typed) and the person is told, with a way back to it. Only an article that
 * already cannot save (a conflict, an unreachable backend) must be saved before leaving it.
 */
import type { Article, ArticleSummary } from '../../../shared/domain';
import type { AppErrorShape } from '../../../shared/errors';
import { errorShapeOf, type ApiClient } from '../api';
import type { ArticlesStore } from '../features/articles/articles-store';
import { ArticleSession } from '../features/editor/article-session';
import { translateError } from '../i18n/errors';
import type { ToastStore } from '../ui/toasts';
import { Store } from './store';
import type { i18n as I18n } from 'i18next';

export type EditorSlot =
  | { status: 'empty' }
  | { status: 'loading'; id: string }
  | { status: 'ready'; session: ArticleSession }
  | { status: 'error'; id: string; error: AppErrorShape };

export class Workspace {
  readonly slot = new Store<EditorSlot>({ status: 'empty' });
  /** Counts open/create/close requests: only the latest one may change what is open. */
  private latestRequest = 0;
  /** The newest request that has finished, whatever its outcome. */
  private settledRequest = 0;
  /** Articles left while their last words were still being saved; opened again, they come back as they are. */
  private readonly leaving = new Map<string, ArticleSession>();

  constructor(
    private readonly client: ApiClient,
    private readonly articles: ArticlesStore,
    private readonly toasts: ToastStore,
    private readonly i18n: I18n,
    /** True while work for the article is still under way elsewhere (photos being prepared for it). */
    private readonly busyElsewhere: (articleId: string) => boolean = () => false,
  ) {
    // Back online: save what waited, without waiting for the next retry pause.
    client.onConnection((connection) => {
      const session = this.session();
      if (connection === 'online' && session?.scheduler.getState().phase === 'error') void session.flush();
    });
    // The list is refreshed whenever the backend reports changes. When it shows the open article
    // changed later than this window last saved it, someone else saved it: check and say so.
    articles.active.subscribe(() => {
      const session = this.session();
      const summary = session && articles.active.get().items?.find((a) => a.id === session.id);
      if (session && summary && !session.knowsChangeAt(summary.updatedAt)) {
        void session.checkForNewerVersion().catch(() => undefined);
      }
    });
  }

  session(): ArticleSession | null {
    const slot = this.slot.get();
    return slot.status === 'ready' ? slot.session : null;
  }

  openId(): string | null {
    const slot = this.slot.get();
    if (slot.status === 'ready') return slot.session.id;
    if (slot.status === 'loading' || slot.status === 'error') return slot.id;
    return null;
  }

  /** Saves the open article; false (with a notice) when that is not possible right now. */
  async leaveCurrent(): Promise<boolean> {
    const session = this.session();
    if (!session) return true;
    if (await session.flush()) return true;
    const state = session.scheduler.getState();
    const reason = state.phase === 'error' || state.phase === 'conflict' ? state.error : null;
    this.toasts.show({
      tone: 'error',
      text: (t) => (reason ? `${t('articles.unsavedBlocksSwitch')} ${translateError(this.i18n, reason)}` : t('articles.unsavedBlocksSwitch')),
      durationMs: 8000,
    });
    return false;
  }

  /**
   * Start where the person most likely left off: the most recently changed article. Only if they
   * have not opened or created one themselves in the meantime (or since this was asked).
   */
  async openNewest(): Promise<boolean> {
    const request = this.latestRequest;
    const chosenMeanwhile = (): boolean =>
      request !== this.latestRequest || this.settledRequest < request || this.slot.get().status !== 'empty';
    if (chosenMeanwhile()) return false;
    await this.articles.refresh('active');
    if (chosenMeanwhile()) return false;
    const newest = this.articles.active.get().items?.[0];
    return newest ? this.open(newest.id) : false;
  }

  /** Opens an article; a later open or create wins over this one, whichever answers first. */
  open(id: string): Promise<boolean> {
    const request = ++this.latestRequest;
    return this.settle(request, this.openAs(request, id));
  }

  private async openAs(request: number, id: string): Promise<boolean> {
    const slot = this.slot.get();
    if (slot.status === 'ready' && slot.session.id === id) {
      // Shown again (e.g. from the queue): text the sync brought in while another screen was up is loaded now.
      await slot.session.reloadIfNewer().catch(() => undefined);
      return true;
    }
    if (this.mustSaveBeforeLeaving() && !(await this.saveBeforeLeaving(request))) return false;
    const kept = this.leaving.get(id);
    if (kept) {
      // Still saving in the background: the same session, with whatever it has not saved yet.
      this.leaving.delete(id);
      this.show({ status: 'ready', session: kept });
      return true;
    }
    this.show({ status: 'loading', id });
    try {
      const article = await this.client.invoke('articles-get', { id });
      if (request !== this.latestRequest) return false;
      this.show(this.sessionSlot(article));
      return true;
    } catch (err) {
      if (request === this.latestRequest) this.slot.set({ status: 'error', id, error: errorShapeOf(err) });
      return false;
    }
  }

  /** Creates an article and opens it with the caret in its title, unless a later request came first. */
  create(): Promise<boolean> {
    const request = ++this.latestRequest;
    return this.settle(request, this.createAs(request));
  }

  private async createAs(request: number): Promise<boolean> {
    // No await on the way when the open article can be left as it is: the new one is on screen,
    // caret in its title, before the next key arrives.
    if (this.mustSaveBeforeLeaving() && !(await this.saveBeforeLeaving(request))) return false;
    const session = ArticleSession.startNew(crypto.randomUUID(), this.client, this.callbacks());
    session.requestTitleFocus();
    this.articles.insert(session.summary.get());
    this.show({ status: 'ready', session });
    // Made at once (the list and a reload show it); if this fails, its first save asks again.
    session.ensureCreated().catch(() => undefined);
    return true;
  }

  /**
   * An open article that already cannot save (a conflict, an unreachable backend) is not left
   * behind: it must be saved first, and if that fails it stays open, with a notice. Any other is
   * left at once (checked without waiting, so that nothing is typed in between).
   */
  private mustSaveBeforeLeaving(): boolean {
    const phase = this.session()?.scheduler.getState().phase;
    return phase === 'error' || phase === 'conflict';
  }

  private async saveBeforeLeaving(request: number): Promise<boolean> {
    return (await this.leaveCurrent()) && request === this.latestRequest;
  }

  /** Puts `next` on screen at once; the article it replaces is saved (and closed) in the background. */
  private show(next: EditorSlot): void {
    const left = this.session();
    this.slot.set(next);
    if (left && !(next.status === 'ready' && next.session === left)) void this.leaveInBackground(left);
  }

  private async leaveInBackground(left: ArticleSession): Promise<void> {
    this.leaving.set(left.id, left);
    if (!(await left.flush())) {
      this.keepUnsaved(left);
      return;
    }
    if (this.leaving.get(left.id) !== left) return; // opened again meanwhile
    this.leaving.delete(left.id);
    left.dispose();
    await this.discardIfBlank(left);
  }

  /**
   * The article left behind could not be saved: it stays in memory with its text, saving goes on
   * (retries, or the conflict awaiting a choice), and the person can go back to it.
   */
  private keepUnsaved(left: ArticleSession): void {
    const state = left.scheduler.getState();
    const reason = state.phase === 'error' || state.phase === 'conflict' ? state.error : null;
    const title = left.title;
    this.toasts.show({
      tone: 'error',
      text: (t) => {
        const head = t('articles.leftUnsaved', { title: title.trim() || t('articles.untitled') });
        return reason ? `${head} ${translateError(this.i18n, reason)}` : head;
      },
      action: { label: (t) => t('articles.openAgain'), run: () => void this.open(left.id) },
      durationMs: 15000,
    });
    const unsubscribe = left.scheduler.subscribe(() => {
      if (this.leaving.get(left.id) !== left) return unsubscribe();
      if (left.scheduler.hasUnsavedChanges() || left.scheduler.getState().phase !== 'saved') return;
      // A retry went through after all.
      unsubscribe();
      this.leaving.delete(left.id);
      left.dispose();
    });
  }

  /**
   * An article left as "Naskah baru" made it (nothing typed, chosen or kept) is deleted, so that
   * empty articles do not pile up in the list. The backend decides; it keeps anything with content.
   */
  private async discardIfBlank(left: ArticleSession): Promise<void> {
    if (!left.isBlank() || this.busyElsewhere(left.id)) return;
    try {
      await left.ensureCreated();
    } catch {
      // Never made (the backend could not be reached), and nothing to keep.
      if (!left.isCreated()) this.articles.remove(left.id);
      return;
    }
    try {
      const { discarded } = await this.client.invoke('articles-discard-if-blank', { id: left.id });
      if (discarded) this.articles.remove(left.id);
    } catch {
      // Kept, then: nothing is lost by an empty article staying in the list.
    }
  }

  async trash(id: string): Promise<void> {
    const wasOpen = this.openId() === id;
    const request = this.latestRequest;
    if (wasOpen && !(await this.leaveCurrent())) return;
    const neighbour = wasOpen ? this.neighbourOf(id) : null;
    let summary: ArticleSummary;
    try {
      summary = await this.client.invoke('articles-trash', { id });
    } catch (err) {
      this.showError(err);
      return;
    }
    this.articles.remove(id);
    this.articles.scheduleRefresh();
    // Opening another article meanwhile was the person's choice: keep it.
    if (wasOpen && request === this.latestRequest) {
      if (neighbour) await this.open(neighbour);
      else this.close();
    }
    const title = summary.title;
    // A published story stays on the portal: say so, since "delete" might suggest otherwise.
    const key = summary.status === 'published' ? 'articles.movedToTrashPublished' : 'articles.movedToTrash';
    this.toasts.show({
      text: (t) => t(key, { title: title || t('articles.untitled') }),
      action: {
        label: (t) => t('articles.undo'),
        run: () => void this.putBack(id, { open: true, quiet: true }),
      },
      durationMs: 8000,
    });
  }

  async putBack(id: string, { open = false, quiet = false }: { open?: boolean; quiet?: boolean } = {}): Promise<void> {
    let summary: ArticleSummary;
    try {
      summary = await this.client.invoke('articles-untrash', { id });
    } catch (err) {
      this.showError(err);
      return;
    }
    this.articles.remove(id);
    this.articles.insert(summary);
    this.articles.scheduleRefresh();
    if (!quiet) {
      const title = summary.title;
      this.toasts.show({ text: (t) => t('articles.putBackDone', { title: title || t('articles.untitled') }) });
    }
    if (open) await this.open(id);
  }

  async deleteForever(id: string): Promise<void> {
    try {
      await this.client.invoke('articles-delete-forever', { id });
    } catch (err) {
      this.showError(err);
      return;
    }
    this.articles.remove(id);
    this.articles.scheduleRefresh();
    if (this.openId() === id) this.close();
    this.toasts.show({ text: (t) => t('articles.deletedForever') });
  }

  /** The restored article replaces the editor content as one undoable step. */
  async restoreRevision(revisionId: string): Promise<boolean> {
    const session = this.session();
    if (!session) return false;
    if (!(await session.flush())) {
      const state = session.scheduler.getState();
      if (state.phase === 'error' || state.phase === 'conflict') this.showError(state.error);
      return false;
    }
    let article: Article;
    try {
      article = await this.client.invoke('revisions-restore', { articleId: session.id, revisionId, baseVersion: session.version });
    } catch (err) {
      this.showError(err);
      return false;
    }
    if (this.session() !== session) return false;
    session.replaceWith(article, { undoable: true });
    const { id, title, excerpt, updatedAt, wordCount } = article;
    this.articles.patch({ id, title, excerpt, updatedAt, wordCount });
    this.toasts.show({ text: (t) => t('revisions.restored'), durationMs: 8000 });
    return true;
  }

  showError(err: unknown): void {
    const shape = errorShapeOf(err);
    this.toasts.show({ tone: 'error', text: () => translateError(this.i18n, shape), durationMs: 8000 });
  }

  private async settle(request: number, outcome: Promise<boolean>): Promise<boolean> {
    try {
      return await outcome;
    } finally {
      this.settledRequest = Math.max(this.settledRequest, request);
    }
  }

  private callbacks(): ConstructorParameters<typeof ArticleSession>[2] {
    return {
      onSaved: (patch) => this.articles.patch(patch),
      onFeaturedChanged: (patch) => this.articles.patch(patch),
      // Listed again if a refresh that left it out (the backend did not have it yet) came in between.
      onCreated: (summary) => this.articles.insert(summary),
    };
  }

  private sessionSlot(article: Article): EditorSlot {
    return { status: 'ready', session: new ArticleSession(article, this.client, this.callbacks()) };
  }

  /** Nothing open; called once the open article was saved (or needs no saving), e.g. after trashing it. */
  private close(): void {
    this.settledRequest = ++this.latestRequest;
    this.session()?.dispose();
    this.slot.set({ status: 'empty' });
  }

  private neighbourOf(id: string): string | null {
    const items = this.articles.active.get().items ?? [];
    const index = items.findIndex((a) => a.id === id);
    if (index < 0) return null;
    return items[index + 1]?.id ?? items[index - 1]?.id ?? null;
  }
}
