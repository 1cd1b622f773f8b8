import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HandlerName } from '../../../shared/contract';
import type { Article } from '../../../shared/domain';
import type { AppErrorShape } from '../../../shared/errors';
import { emptyDocument } from '../../../shared/lexical-document';
import { ClientError, type ApiClient } from '../api/client';
import { ArticlesStore } from '../features/articles/articles-store';
import { initI18n } from '../i18n';
import { ToastStore } from '../ui/toasts';
import { Workspace } from './workspace';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const offline: AppErrorShape = { kind: 'network', code: 'network.offline', message: 'down', retryable: true };

function article(id: string, title: string, updatedAt: number): Article {
  return { id, title, excerpt: '', status: 'draft', wordCount: 0, createdAt: 0, updatedAt, trashedAt: null, featuredMediaId: null, author: '', categoryId: null, tags: [], publishAt: null, statusChangedAt: null, version: 1, body: emptyDocument() };
}

const NEW = '33333333-3333-4333-8333-333333333333';

/** The id of the article on screen. */
function shownId(workspace: Workspace): string {
  const id = workspace.openId();
  if (!id) throw new Error('no article open');
  return id;
}

/** An in-memory backend with a switch that makes it unreachable, and answers that can be held back. */
function fakeBackend() {
  const articles = new Map<string, Article>([
    [A, article(A, 'Banjir Tenggarong', 2)],
    [B, article(B, 'Pasar Tangga Arung', 1)],
  ]);
  const calls: HandlerName[] = [];
  let reachable = true;
  const held = new Map<HandlerName, Promise<void>>();
  const summary = (a: Article) => {
    const { body: _body, version: _version, ...rest } = a;
    return rest;
  };
  const handlers: Partial<Record<HandlerName, (args: Record<string, unknown>) => unknown>> = {
    'articles-list': ({ scope }) => [...articles.values()].filter((a) => (scope === 'trash') === (a.trashedAt !== null)).map(summary),
    'articles-get': ({ id }) => articles.get(id as string),
    'articles-create': ({ id }) => {
      const key = (id as string | undefined) ?? NEW;
      const created = articles.get(key) ?? article(key, '', 100);
      articles.set(key, created);
      return created;
    },
    'articles-discard-if-blank': ({ id }) => {
      const a = articles.get(id as string)!;
      const discarded = a.title === '' && a.version === 1;
      if (discarded) articles.delete(a.id);
      return { id, discarded };
    },
    'articles-save': ({ id, baseVersion, title }) => {
      const a = articles.get(id as string)!;
      if (a.version !== baseVersion) throw new ClientError({ kind: 'conflict', code: 'article.versionConflict', message: 'stale', retryable: false });
      Object.assign(a, { title, version: a.version + 1, updatedAt: a.updatedAt + 10 });
      return { id, version: a.version, updatedAt: a.updatedAt, wordCount: 0 };
    },
    'articles-trash': ({ id }) => {
      const a = articles.get(id as string)!;
      a.trashedAt = 99;
      return summary(a);
    },
    'articles-untrash': ({ id }) => {
      const a = articles.get(id as string)!;
      a.trashedAt = null;
      return summary(a);
    },
  };
  const client: ApiClient = {
    transport: 'web',
    invoke: (async (name: HandlerName, args: Record<string, unknown>) => {
      calls.push(name);
      if (!reachable) throw new ClientError(offline);
      await held.get(name);
      const handler = handlers[name];
      if (!handler) throw new Error(`unexpected ${name}`);
      return structuredClone(handler(args));
    }) as ApiClient['invoke'],
    on: () => () => undefined,
    connection: () => 'online',
    onConnection: () => () => undefined,
    mediaUrl: (variant, hash) => `/media/${variant}/${hash}`,
  };
  /** The next answers of `name` wait (the request itself is done at once) until the returned release is called. */
  const hold = (name: HandlerName): (() => Promise<void>) => {
    let release!: () => void;
    held.set(name, new Promise<void>((resolve) => (release = resolve)));
    return async () => {
      held.delete(name);
      release();
      await vi.advanceTimersByTimeAsync(0);
    };
  };
  return { client, articles, calls, hold, setReachable: (value: boolean) => (reachable = value) };
}

async function setup({ listLoaded = true } = {}) {
  const backend = fakeBackend();
  const i18n = await initI18n('id');
  const toasts = new ToastStore();
  const articles = new ArticlesStore(backend.client);
  if (listLoaded) await articles.refresh('active');
  const workspace = new Workspace(backend.client, articles, toasts, i18n);
  return { ...backend, toasts, store: articles, workspace, i18n };
}

describe('Workspace', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('leaves the open article at once and saves it in the background', async () => {
    const { workspace, articles, hold } = await setup();
    await workspace.open(A);
    const left = workspace.session()!;
    left.setTitle('Banjir Rendam Tenggarong');
    const releaseGet = hold('articles-get');
    const opening = workspace.open(B); // before the autosave pause is over
    // The article left takes no more keys: the editor shows B loading, not A.
    expect(workspace.slot.get()).toEqual({ status: 'loading', id: B });
    await vi.advanceTimersByTimeAsync(0);
    expect(articles.get(A)!.title).toBe('Banjir Rendam Tenggarong');
    await releaseGet();
    expect(await opening).toBe(true);
    expect(workspace.openId()).toBe(B);
  });

  it('opening the article already open (from the queue) loads what the sync brought in meanwhile, never over unsaved typing', async () => {
    const { workspace, articles } = await setup();
    await workspace.open(A);
    const session = workspace.session()!;
    // While the queue was on screen, the sync took the writer's resubmitted text in.
    Object.assign(articles.get(A)!, { title: 'Banjir Tenggarong meluas', version: 2, updatedAt: 50 });
    expect(await workspace.open(A)).toBe(true);
    expect(workspace.session()).toBe(session);
    expect(session.title).toBe('Banjir Tenggarong meluas');
    expect(session.version).toBe(2);
    // Typed but not yet saved: the person's text stays, the save meets the newer version as usual.
    session.setTitle('Judul yang sedang diketik');
    Object.assign(articles.get(A)!, { title: 'Versi lain', version: 3, updatedAt: 60 });
    await workspace.open(A);
    expect(session.title).toBe('Judul yang sedang diketik');
  });

  it('keeps an article left unsaved, with its text, and offers the way back to it', async () => {
    const { workspace, setReachable, toasts, i18n, articles } = await setup();
    await workspace.open(A);
    const session = workspace.session()!;
    session.setTitle('Judul yang belum tersimpan');
    setReachable(false);
    expect(await workspace.open(B)).toBe(false); // B could not be read either
    await vi.advanceTimersByTimeAsync(0);
    const notice = toasts.items.get().find((n) => n.action)!;
    expect(notice.tone).toBe('error');
    expect(notice.text(i18n.t)).toContain('«Judul yang belum tersimpan» yang baru Anda tinggalkan belum tersimpan');
    expect(notice.action!.label(i18n.t)).toBe('Buka lagi');
    setReachable(true);
    notice.action!.run();
    await vi.advanceTimersByTimeAsync(0);
    expect(workspace.session()).toBe(session); // the same session, text and all
    expect(session.title).toBe('Judul yang belum tersimpan');
    expect(await session.flush()).toBe(true);
    expect(articles.get(A)!.title).toBe('Judul yang belum tersimpan');
  });

  it('keeps an article open that already cannot save, and says why', async () => {
    const { workspace, setReachable, toasts, i18n } = await setup();
    await workspace.open(A);
    const session = workspace.session()!;
    session.setTitle('Judul yang belum tersimpan');
    setReachable(false);
    expect(await session.flush()).toBe(false);
    expect(session.scheduler.getState().phase).toBe('error');
    expect(await workspace.open(B)).toBe(false);
    expect(await workspace.create()).toBe(false);
    expect(workspace.session()).toBe(session);
    expect(session.title).toBe('Judul yang belum tersimpan');
    const notice = toasts.items.get().at(-1)!;
    expect(notice.tone).toBe('error');
    expect(notice.text(i18n.t)).toContain('belum tersimpan');
  });

  it('moves an article to the trash with an undo that brings it back and reopens it', async () => {
    const { workspace, articles, store, toasts, i18n } = await setup();
    await workspace.open(A);
    await workspace.trash(A);
    expect(articles.get(A)!.trashedAt).not.toBeNull();
    expect(workspace.openId()).toBe(B); // the neighbour opens
    expect(store.active.get().items!.map((a) => a.id)).toEqual([B]);
    const notice = toasts.items.get().at(-1)!;
    expect(notice.text(i18n.t)).toBe('“Banjir Tenggarong” dipindahkan ke sampah.');
    expect(notice.action!.label(i18n.t)).toBe('Urungkan');
    notice.action!.run();
    await vi.advanceTimersByTimeAsync(10);
    expect(articles.get(A)!.trashedAt).toBeNull();
    expect(workspace.openId()).toBe(A);
    expect(store.active.get().items!.map((a) => a.id)).toContain(A);
  });

  it('says when another window saved the open article, once', async () => {
    const { workspace, articles, store } = await setup();
    await workspace.open(A);
    const session = workspace.session()!;
    Object.assign(articles.get(A)!, { version: 5, updatedAt: 500, title: 'Diubah di tab lain' });
    await store.refresh('active');
    await vi.advanceTimersByTimeAsync(10);
    expect(session.notice.get()).toBe('stale');
    session.dismissNotice();
    await store.refresh('active');
    await vi.advanceTimersByTimeAsync(10);
    expect(session.notice.get()).toBe(null);
    await session.loadSaved();
    expect(session.title).toBe('Diubah di tab lain');
    expect(session.version).toBe(5);
  });

  describe('when the person acts while the newest article opens by itself', () => {
    it('keeps the new article when it is made while the list of articles arrives', async () => {
      const { workspace, articles, store, hold } = await setup({ listLoaded: false });
      const opening = workspace.openNewest();
      const releaseCreate = hold('articles-create');
      const creating = workspace.create();
      expect(await opening).toBe(false); // the list answered while the new article was still being made
      await releaseCreate();
      expect(await creating).toBe(true);
      const id = shownId(workspace);
      expect(workspace.session()!.takeTitleFocusRequest()).toBe(true);
      workspace.session()!.setTitle('Harga Sembako Naik');
      expect(await workspace.session()!.flush()).toBe(true);
      expect(articles.get(id)!.title).toBe('Harga Sembako Naik');
      expect(articles.get(A)!.title).toBe('Banjir Tenggarong');
      expect(store.active.get().items!.map((a) => a.id)).toEqual([id, A, B]);
    });

    it('keeps the new article and its typed title when the list arrives afterwards', async () => {
      const { workspace, articles, hold, calls } = await setup({ listLoaded: false });
      const releaseList = hold('articles-list');
      const opening = workspace.openNewest();
      expect(await workspace.create()).toBe(true);
      workspace.session()!.setTitle('Harga Sembako Naik');
      await releaseList();
      expect(await opening).toBe(false);
      const id = shownId(workspace);
      expect(workspace.session()!.title).toBe('Harga Sembako Naik');
      expect(calls).not.toContain('articles-get');
      await vi.advanceTimersByTimeAsync(5000); // well past the autosave pause
      expect(articles.get(id)!.title).toBe('Harga Sembako Naik');
    });
  });

  it('puts what is typed right after "Naskah baru" into the new article, before the backend has made it', async () => {
    const { workspace, articles, hold, store } = await setup();
    await workspace.open(A);
    const left = workspace.session()!;
    const releaseCreate = hold('articles-create');
    const creating = workspace.create();
    // On screen at once, in the list too, caret in its title; nothing asked of the backend has answered.
    const session = workspace.session()!;
    expect(session).not.toBe(left);
    expect(session.takeTitleFocusRequest()).toBe(true);
    expect(store.active.get().items!.map((a) => a.id)).toContain(session.id);
    session.setTitle('Judul cepat 1');
    await vi.advanceTimersByTimeAsync(2000); // past the autosave pause: the save waits for the article
    expect(articles.has(session.id)).toBe(false);
    await releaseCreate();
    expect(await creating).toBe(true);
    await vi.advanceTimersByTimeAsync(2000);
    expect(articles.get(session.id)!.title).toBe('Judul cepat 1');
    expect(articles.get(A)!.title).toBe('Banjir Tenggarong');
  });

  it('makes the new article on the next save when the backend could not be reached at first', async () => {
    const { workspace, articles, setReachable } = await setup();
    setReachable(false);
    expect(await workspace.create()).toBe(true);
    const session = workspace.session()!;
    session.setTitle('Judul saat host mati');
    await vi.advanceTimersByTimeAsync(500);
    expect(session.scheduler.getState().phase).toBe('error');
    setReachable(true);
    await vi.advanceTimersByTimeAsync(5000); // the scheduler's retry
    expect(articles.get(session.id)!.title).toBe('Judul saat host mati');
  });

  it('opens what was asked for last, and does not keep a new article left before anything was typed in it', async () => {
    const { workspace, store, hold, articles } = await setup();
    const releaseCreate = hold('articles-create');
    const creating = workspace.create();
    const made = shownId(workspace);
    const opening = workspace.open(B);
    await releaseCreate();
    expect(await creating).toBe(true);
    expect(await opening).toBe(true);
    expect(workspace.openId()).toBe(B);
    await vi.advanceTimersByTimeAsync(0);
    expect(articles.has(made)).toBe(false);
    expect(store.active.get().items!.map((a) => a.id)).not.toContain(made);
  });

  it('keeps a new article on screen when an older open answers late', async () => {
    const { workspace, hold } = await setup();
    const releaseGet = hold('articles-get');
    const opening = workspace.open(A);
    await vi.advanceTimersByTimeAsync(0);
    expect(await workspace.create()).toBe(true);
    const made = shownId(workspace);
    await releaseGet();
    expect(await opening).toBe(false);
    expect(workspace.openId()).toBe(made);
  });
});
