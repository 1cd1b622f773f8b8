import { registerHistory, createEmptyHistoryState } from '@lexical/history';
import { registerList } from '@lexical/list';
import { registerRichText } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot, createEditor, HISTORY_MERGE_TAG, UNDO_COMMAND, type LexicalEditor } from 'lexical';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HandlerInput, HandlerName } from '../../../../shared/contract';
import type { Article } from '../../../../shared/domain';
import { ClientError, type ApiClient } from '../../api/client';
import { $createImageNode, $isImageNode } from '../photos/image-node';
import { IMAGE_FIELD_TAG } from '../photos/tags';
import { ArticleSession } from './article-session';
import { EDITOR_NODES } from './nodes';

const ID = '0b5b2a54-7a3e-4c1e-9a55-1f0b8c1d2e3f';

const text = (t: string) => ({ type: 'text', version: 1, text: t, format: 0, detail: 0, mode: 'normal', style: '' });
const block = (type: string, children: unknown[], extra: object = {}) => ({ type, version: 1, direction: null, format: '', indent: 0, children, ...extra });

function article(overrides: Partial<Article> = {}): Article {
  return {
    id: ID,
    title: 'Banjir di Tenggarong',
    excerpt: '',
    status: 'draft',
    wordCount: 4,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    trashedAt: null,
    featuredMediaId: null,
    author: 'Rina',
    categoryId: null,
    tags: [],
    publishAt: null,
    statusChangedAt: null,
    version: 3,
    body: {
      root: block('root', [
        block('paragraph', [text('Sungai Mahakam meluap pagi ini.')], { textFormat: 0, textStyle: '' }),
        block('list', [block('listitem', [text('Tenggarong')], { value: 1 })], { listType: 'bullet', start: 1, tag: 'ul' }),
      ]) as Article['body']['root'],
    },
    ...overrides,
  };
}

/** A backend stand-in: records every call; answers are scripted per handler. */
function fakeClient(answers: Partial<{ [K in HandlerName]: (args: HandlerInput<K>) => unknown }>) {
  const calls: { name: HandlerName; args: unknown }[] = [];
  const client: ApiClient = {
    transport: 'web',
    invoke: (async (name: HandlerName, args: unknown) => {
      calls.push({ name, args });
      const answer = answers[name] as ((a: unknown) => unknown) | undefined;
      if (!answer) throw new Error(`unexpected call ${name}`);
      return answer(args);
    }) as ApiClient['invoke'],
    on: () => () => undefined,
    connection: () => 'online',
    onConnection: () => () => undefined,
    mediaUrl: (variant, hash) => `/media/${variant}/${hash}`,
  };
  return { client, calls };
}

function newEditor(): LexicalEditor {
  return createEditor({ namespace: 'test', nodes: [...EDITOR_NODES], onError: (e) => { throw e; } });
}

const plainText = (editor: LexicalEditor): string => editor.getEditorState().read(() => $getRoot().getTextContent());

describe('ArticleSession', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('opening an article is not an edit, even when plugins re-mark its nodes', async () => {
    const { client, calls } = fakeClient({});
    const session = new ArticleSession(article(), client, { onSaved: () => undefined });
    const editor = newEditor();
    session.attach(editor);
    expect(plainText(editor)).toContain('Sungai Mahakam meluap');
    // Registering list handling marks the existing list nodes dirty in a history-merge update.
    registerList(editor);
    registerRichText(editor);
    await vi.advanceTimersByTimeAsync(3000);
    expect(calls).toEqual([]);
    expect(session.scheduler.getState().phase).toBe('saved');
  });

  it('gives title, excerpt and the body on screen as plain text to copy when the tab cannot save', () => {
    const { client } = fakeClient({});
    const session = new ArticleSession(article({ excerpt: 'Air naik satu meter.' }), client, { onSaved: () => undefined });
    const editor = newEditor();
    session.attach(editor);
    editor.update(
      () => {
        $getRoot().append($createParagraphNode().append($createTextNode('Warga mengungsi ke masjid.')));
      },
      { discrete: true },
    );
    session.setTitle('Banjir di Tenggarong Meluas');
    expect(session.textForCopy()).toBe(
      'Banjir di Tenggarong Meluas\n\nAir naik satu meter.\n\nSungai Mahakam meluap pagi ini.\nTenggarong\nWarga mengungsi ke masjid.',
    );
    session.setExcerpt('');
    expect(session.textForCopy()).not.toContain('\n\n\n');
  });

  it('saves an edit with the base version and adopts the new one', async () => {
    let version = 3;
    const saved: { baseVersion: number; text: string }[] = [];
    const { client } = fakeClient({
      'articles-save': (args) => {
        saved.push({ baseVersion: args.baseVersion, text: JSON.stringify(args.body) });
        version += 1;
        return { id: ID, version, updatedAt: 1_700_000_100_000 + version, wordCount: 7 };
      },
    });
    const onSaved = vi.fn();
    const session = new ArticleSession(article(), client, { onSaved });
    const editor = newEditor();
    session.attach(editor);
    editor.update(() => $getRoot().append($createParagraphNode().append($createTextNode('Warga mengungsi ke masjid.'))));
    await vi.advanceTimersByTimeAsync(350);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.baseVersion).toBe(3);
    expect(saved[0]!.text).toContain('Warga mengungsi ke masjid.');
    session.setTitle('Banjir Rendam Tenggarong');
    await vi.advanceTimersByTimeAsync(350);
    expect(saved).toHaveLength(2);
    expect(saved[1]!.baseVersion).toBe(4);
    expect(onSaved).toHaveBeenLastCalledWith(expect.objectContaining({ id: ID, title: 'Banjir Rendam Tenggarong', wordCount: 7 }));
    await vi.advanceTimersByTimeAsync(300);
    expect(session.stats.get().words).toBe(10); // 5 + 1 + 4
  });

  it('a restored version replaces the text as one undoable step', async () => {
    const { client, calls } = fakeClient({});
    const session = new ArticleSession(article(), client, { onSaved: () => undefined });
    const editor = newEditor();
    registerRichText(editor);
    registerHistory(editor, createEmptyHistoryState(), 0);
    session.attach(editor);
    const restored = article({
      version: 9,
      title: 'Versi lama',
      body: { root: block('root', [block('paragraph', [text('Teks dari revisi.')], { textFormat: 0, textStyle: '' })]) as Article['body']['root'] },
    });
    session.replaceWith(restored, { undoable: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(plainText(editor)).toBe('Teks dari revisi.');
    expect(session.version).toBe(9);
    expect(session.title).toBe('Versi lama');
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toEqual([]); // the backend already holds the restored text
    editor.dispatchCommand(UNDO_COMMAND, undefined);
    await vi.advanceTimersByTimeAsync(0);
    expect(plainText(editor)).toContain('Sungai Mahakam meluap');
    await vi.advanceTimersByTimeAsync(400);
    // Undoing a restore is an edit: the previous text is saved on top of the restored version.
    expect(calls.map((c) => c.name)).toEqual(['articles-save']);
    expect((calls[0]!.args as { baseVersion: number }).baseVersion).toBe(9);
  });

  it('on a version conflict it keeps the text, tells the person, and saves it as newest when asked', async () => {
    let conflict = true;
    const { client, calls } = fakeClient({
      'articles-save': (args) => {
        if (conflict) throw new ClientError({ kind: 'conflict', code: 'article.versionConflict', message: 'stale', retryable: false });
        return { id: ID, version: args.baseVersion + 1, updatedAt: 1, wordCount: 1 };
      },
      'articles-get': () => article({ version: 12 }),
    });
    const session = new ArticleSession(article(), client, { onSaved: () => undefined });
    const editor = newEditor();
    session.attach(editor);
    editor.update(() => $getRoot().append($createParagraphNode().append($createTextNode('Kalimat saya.'))));
    await vi.advanceTimersByTimeAsync(350);
    expect(session.notice.get()).toBe('conflict');
    expect(plainText(editor)).toContain('Kalimat saya.');
    conflict = false;
    const kept = session.keepMine();
    await vi.advanceTimersByTimeAsync(10);
    await kept;
    const lastSave = calls.filter((c) => c.name === 'articles-save').at(-1)!.args as { baseVersion: number; body: unknown };
    expect(lastSave.baseVersion).toBe(12);
    expect(JSON.stringify(lastSave.body)).toContain('Kalimat saya.');
    expect(session.notice.get()).toBe(null);
    expect(session.scheduler.getState().phase).toBe('saved');
  });

  it('typing a caption autosaves, and one undo takes back the whole burst', async () => {
    const saved: string[] = [];
    const { client } = fakeClient({
      'articles-save': (args) => {
        saved.push(JSON.stringify(args.body));
        return { id: ID, version: args.baseVersion + 1, updatedAt: 1_700_000_200_000, wordCount: 9 };
      },
    });
    const session = new ArticleSession(article(), client, { onSaved: () => undefined });
    const editor = newEditor();
    registerRichText(editor);
    registerHistory(editor, createEmptyHistoryState(), 1000);
    session.attach(editor);
    const mediaId = '3f1c2a9e-5b7d-4c1a-9e2f-8a6b4c3d2e1f';
    editor.update(() => $getRoot().append($createImageNode({ mediaId, altText: '', caption: '', credit: '' })), { discrete: true });
    await vi.advanceTimersByTimeAsync(400);
    expect(saved).toHaveLength(1);
    // Keystrokes as the figure's caption field sends them: the first opens an undo step, the rest merge into it.
    const typed = ['B', 'Ba', 'Banjir'];
    typed.forEach((caption, i) => {
      editor.update(
        () => {
          const node = $getRoot().getLastChild();
          if ($isImageNode(node)) node.setTextField('caption', caption);
        },
        { tag: i === 0 ? [IMAGE_FIELD_TAG] : [IMAGE_FIELD_TAG, HISTORY_MERGE_TAG], discrete: true },
      );
    });
    await vi.advanceTimersByTimeAsync(400);
    expect(saved).toHaveLength(2);
    expect(saved[1]).toContain('"caption":"Banjir"');
    editor.dispatchCommand(UNDO_COMMAND, undefined);
    await vi.advanceTimersByTimeAsync(400);
    expect(saved).toHaveLength(3);
    expect(saved[2]).toContain('"caption":""');
  });

  it('shows a featured image choice at once, keeps the version, and takes it back when refused', async () => {
    let refuse = false;
    const mediaId = '3f1c2a9e-5b7d-4c1a-9e2f-8a6b4c3d2e1f';
    const { client, calls } = fakeClient({
      'articles-set-featured-image': (args) => {
        if (refuse) throw new ClientError({ kind: 'validation', code: 'body.unknownMedia', message: 'unknown', retryable: false });
        return { ...article(), featuredMediaId: args.mediaId, updatedAt: 1_700_000_300_000 };
      },
      'articles-get': () => article({ featuredMediaId: mediaId, updatedAt: 1_700_000_300_000 }),
    });
    const onFeaturedChanged = vi.fn();
    const session = new ArticleSession(article(), client, { onSaved: () => undefined, onFeaturedChanged });
    session.attach(newEditor());
    const choosing = session.setFeaturedImage(mediaId);
    expect(session.featuredMediaId.get()).toBe(mediaId);
    await choosing;
    await vi.advanceTimersByTimeAsync(0);
    expect(session.version).toBe(3);
    expect(onFeaturedChanged).toHaveBeenCalledWith({ id: ID, featuredMediaId: mediaId, updatedAt: 1_700_000_300_000 });
    // The list refresh that follows is this window's own change, not someone else's save.
    expect(session.knowsChangeAt(1_700_000_300_000)).toBe(true);
    expect(session.notice.get()).toBe(null);
    expect(calls.some((c) => c.name === 'articles-save')).toBe(false);

    refuse = true;
    await expect(session.setFeaturedImage(null)).rejects.toBeInstanceOf(ClientError);
    expect(session.featuredMediaId.get()).toBe(mediaId);
  });
});
