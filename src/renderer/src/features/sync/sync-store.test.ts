import { describe, expect, it, vi } from 'vitest';
import type { Article } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/errors';
import { emptyDocument } from '../../../../shared/lexical-document';
import type { PortalConnection, SyncStatus } from '../../../../shared/sync';
import { Workspace } from '../../app/workspace';
import { initI18n } from '../../i18n';
import { fakeClient, notAvailable } from '../../testing/fake-client';
import { portalState, syncStatus as status } from '../../testing/sync-fixtures';
import { ToastStore } from '../../ui/toasts';
import { ArticlesStore } from '../articles/articles-store';
import { effectiveRole, HOLD_RENEW_MS, SyncStore } from './sync-store';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

/** The articles this window asked the backend to hold, in order. */
type HoldCall = { articleId: string | null; window?: string };
const holdCalls = (client: ReturnType<typeof fakeClient>): HoldCall[] => client.callsOf('sync-hold') as HoldCall[];
const holds = (client: ReturnType<typeof fakeClient>): (string | null)[] => holdCalls(client).map((c) => c.articleId);

const flush = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};


function article(id: string): Article {
  return { id, title: id === A ? 'Banjir Tenggarong' : 'Pasar Tangga Arung', excerpt: '', status: 'draft', wordCount: 0, createdAt: 0, updatedAt: 1, trashedAt: null, featuredMediaId: null, author: '', categoryId: null, tags: [], publishAt: null, statusChangedAt: null, version: 1, body: emptyDocument() };
}


const connected: PortalConnection = {
  address: 'https://kabarkukar.id',
  username: 'rina',
  hasPassword: true,
  account: { name: 'Rina', username: 'rina', roles: ['editor'], newsroomRole: 'editor', canPublish: true, canUploadMedia: true, canCreateTags: true },
  siteTimeZone: 'Asia/Makassar',
  verifiedAt: 1,
};

async function withWorkspace() {
  const client = fakeClient();
  client.answer('articles-get', ({ id }) => article(id));
  client.answer('sync-hold', ({ articleId }) => ({ articleId }));
  client.answer('sync-article', () => portalState());
  const i18n = await initI18n('id');
  const articles = new ArticlesStore(client);
  const workspace = new Workspace(client, articles, new ToastStore(), i18n);
  const sync = new SyncStore(client);
  sync.follow(workspace.slot, () => workspace.openId());
  await flush();
  return { client, workspace, sync };
}

describe('SyncStore', () => {
  it('holds the article open in the editor, and each new one when the person switches', async () => {
    const { client, workspace } = await withWorkspace();
    expect(holds(client)).toEqual([null]);
    await workspace.open(A);
    await flush();
    await workspace.open(B);
    await flush();
    // Loading and then showing the same article is one change, not two.
    expect(holds(client)).toEqual([null, A, B]);
    // Every call names this window, so that two tabs on one backend each hold their own article.
    const windows = new Set(holdCalls(client).map((c) => c.window));
    expect(windows.size).toBe(1);
    expect([...windows][0]).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });

  it('lets go of the article while another screen takes the editor\'s place, and holds it again when it comes back', async () => {
    const { client, workspace, sync } = await withWorkspace();
    await workspace.open(A);
    await flush();
    sync.showEditor(false); // Antrean Terbit or Pengaturan
    await flush();
    // The side panel still knows the article; only the hold is gone.
    expect(sync.openArticle.get()?.articleId).toBe(A);
    sync.showEditor(true);
    await flush();
    expect(holds(client)).toEqual([null, A, null, A]);
  });

  it('says again which article it holds while the editor shows it, and stops when it does not', async () => {
    vi.useFakeTimers();
    try {
      const client = fakeClient();
      client.answer('sync-hold', ({ articleId }) => ({ articleId }));
      client.answer('sync-article', () => portalState());
      const sync = new SyncStore(client);
      sync.hold(A);
      await vi.advanceTimersByTimeAsync(HOLD_RENEW_MS * 2 + 10);
      expect(holds(client)).toEqual([A, A, A]);
      sync.showEditor(false);
      await vi.advanceTimersByTimeAsync(HOLD_RENEW_MS * 3);
      expect(holds(client)).toEqual([A, A, A, null]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks for the portal state of the article that is open, and forgets it when none is', async () => {
    const { client, workspace, sync } = await withWorkspace();
    client.answer('sync-article', ({ id }) => portalState({ remoteStatus: id === A ? 'publish' : 'pending' }));
    await workspace.open(A);
    await flush();
    expect(sync.openArticle.get()).toMatchObject({ articleId: A, value: { remoteStatus: 'publish' } });
    sync.hold(null);
    expect(sync.openArticle.get()).toBeNull();
  });

  it('tells the backend again when the connection comes back after a failed hold', async () => {
    const client = fakeClient();
    const sync = new SyncStore(client);
    client.fail('sync-hold', { kind: 'network', code: 'network.offline', message: 'down', retryable: true });
    client.answer('sync-article', () => portalState());
    sync.hold(A);
    await flush();
    client.answer('sync-hold', ({ articleId }) => ({ articleId }));
    client.setConnection('online');
    await flush();
    expect(holds(client)).toEqual([A, A]);
    client.setConnection('online');
    await flush();
    expect(client.callsOf('sync-hold')).toHaveLength(2); // confirmed now: nothing more to say
  });

  it('catches up with the status when the backend is reachable again (pushes may have been missed)', async () => {
    const client = fakeClient();
    client.answer('sync-status', () => status({ pending: 1 }));
    const sync = new SyncStore(client);
    client.setConnection('online'); // before the first load: nothing to catch up with
    expect(client.callsOf('sync-status')).toHaveLength(0);
    await sync.load();
    client.answer('sync-status', () => status({ pending: 4 }));
    client.setConnection('offline');
    client.setConnection('online');
    await flush();
    expect(sync.status.get().value?.pending).toBe(4);
  });

  it('takes pushed statuses, and refreshes the open article only when something besides upload bytes changed', async () => {
    const client = fakeClient();
    client.answer('sync-hold', ({ articleId }) => ({ articleId }));
    client.answer('sync-article', () => portalState());
    const sync = new SyncStore(client);
    sync.hold(A);
    await flush();
    const progress = { articleId: A, title: 'Banjir', phase: 'media' as const, bytesSent: 10, bytesTotal: 100 };
    client.emit('sync-status', status({ connection: 'syncing', pending: 1, progress }));
    await flush();
    client.emit('sync-status', status({ connection: 'syncing', pending: 1, progress: { ...progress, bytesSent: 60 } }));
    await flush();
    expect(sync.status.get().value?.progress?.bytesSent).toBe(60);
    expect(client.callsOf('sync-article')).toHaveLength(2); // on hold, then on the first status
    client.emit('sync-status', status({ pending: 0, lastSyncAt: 5 }));
    await flush();
    expect(client.callsOf('sync-article')).toHaveLength(3);
  });

  it('keeps the UI usable on a backend without sync: errors are kept beside the last values', async () => {
    const client = fakeClient();
    const sync = new SyncStore(client);
    await sync.load();
    expect(sync.status.get()).toEqual({ value: null, error: notAvailable });
    expect(sync.portal.get()).toEqual({ value: null, error: notAvailable });
    expect(await sync.run()).toEqual(notAvailable);
    expect(sync.running.get()).toBe(false);
    expect(await sync.retry(A)).toEqual(notAvailable);
  });

  it('runs a sync once at a time and takes its final status', async () => {
    const client = fakeClient();
    let finish!: (s: SyncStatus) => void;
    client.answer('sync-run', () => new Promise<SyncStatus>((resolve) => (finish = resolve)));
    const sync = new SyncStore(client);
    const first = sync.run();
    expect(sync.running.get()).toBe(true);
    expect(await sync.run()).toBeNull(); // pressed again while running: not a second run
    finish(status({ lastSyncAt: 99 }));
    expect(await first).toBeNull();
    expect(sync.running.get()).toBe(false);
    expect(sync.status.get().value?.lastSyncAt).toBe(99);
    expect(client.callsOf('sync-run')).toHaveLength(1);
  });

  it('lets the connected account decide the role', async () => {
    const client = fakeClient();
    const roles: string[] = [];
    client.answer('portal-get', () => connected);
    client.answer('sync-status', () => status());
    const sync = new SyncStore(client, { onAccountRole: (role) => roles.push(role) });
    await sync.load();
    expect(roles).toEqual(['editor']);
    expect(effectiveRole('writer', sync.portal.get().value)).toBe('editor');
    expect(effectiveRole('writer', { ...connected, address: '', account: null })).toBe('writer');
    expect(effectiveRole('editor', { ...connected, account: null })).toBe('editor');
  });

  it('updates the outbox list from a retry, and rethrows nothing', async () => {
    const client = fakeClient();
    const item = { id: 1, articleId: A, title: 'Banjir', trashed: false, state: 'pending' as const, attempts: 2, nextAttemptAt: null, error: null, queuedAt: 1 };
    client.answer('sync-retry', () => [item]);
    const sync = new SyncStore(client);
    expect(await sync.retry(A)).toBeNull();
    expect(sync.items.get().value).toEqual([item]);
    const refused: AppErrorShape = { kind: 'not-found', code: 'notFound.article', message: 'x', retryable: false };
    client.fail('sync-retry', refused);
    expect(await sync.retry(A)).toEqual(refused);
    expect(sync.items.get().value).toEqual([item]);
  });
});
