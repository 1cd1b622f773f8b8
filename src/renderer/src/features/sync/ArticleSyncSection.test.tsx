// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { Article } from '../../../../shared/domain';
import type { LexicalDocument, LexicalNode } from '../../../../shared/lexical-document';
import type { ArticlePortalState, SyncConflict } from '../../../../shared/sync';
import { ArticlePanel } from '../article-panel/ArticlePanel';
import { fakeClient, type FakeClient } from '../../testing/fake-client';
import { allByRole, byLabel, byRole, click, during, render, TEST_SETTINGS, text, type, type Rendered } from '../../testing/render';
import { CONNECTED, NOT_CONNECTED, portalState, syncItem, syncStatus } from '../../testing/sync-fixtures';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

const p = (value: string): LexicalNode => ({ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: value }] });
const doc = (...paragraphs: string[]): LexicalDocument => ({ root: { type: 'root', version: 1, children: paragraphs.map(p) } });

function article(id: string, patch: Partial<Article> = {}): Article {
  return {
    id, title: 'Banjir Tenggarong', excerpt: 'Air naik.', status: 'draft', wordCount: 3, createdAt: 0, updatedAt: 1, trashedAt: null, featuredMediaId: null,
    author: 'Rina', categoryId: null, tags: [], publishAt: null, statusChangedAt: null, version: 1, body: doc('Hujan deras sejak pagi.'), ...patch,
  };
}

const conflict: SyncConflict = {
  articleId: A,
  detectedAt: 5,
  local: { title: 'Banjir Tenggarong', excerpt: 'Air naik.', body: doc('Hujan deras sejak pagi.', 'Warga mengungsi.'), text: '', category: 'Daerah', tags: ['banjir'], changedAt: Date.UTC(2026, 10, 26, 0, 40) },
  remote: { title: 'Banjir Rendam Tenggarong', excerpt: 'Air naik.', body: doc('Hujan deras sejak pagi.', 'BPBD menyiapkan perahu.'), text: '', category: 'Daerah', tags: ['banjir'], changedAt: Date.UTC(2026, 10, 26, 0, 45) },
};

let view: Rendered | null = null;
afterEach(async () => {
  await view?.unmount();
  view = null;
  document.body.innerHTML = '';
});

async function panel(client: FakeClient, state: (id: string) => ArticlePortalState, { portal = CONNECTED, role = 'writer' as 'writer' | 'editor', current = article(A) } = {}) {
  const articles = new Map([[A, current], [B, article(B, { title: 'Pasar Tangga Arung' })]]);
  client.answer('articles-get', ({ id }) => articles.get(id)!);
  client.answer('articles-list', () => []);
  client.answer('sync-hold', ({ articleId }) => ({ articleId }));
  client.answer('sync-article', ({ id }) => state(id));
  client.answer('sync-status', () => syncStatus());
  client.answer('portal-get', () => ({ ...portal, account: portal.account && { ...portal.account, newsroomRole: role } }));
  client.answer('settings-update', (patch) => ({ ...TEST_SETTINGS, ...patch }));
  view = await render(<div />, client, {
    prepare: async (services) => {
      await services.sync.load();
      await services.workspace.open(A);
    },
  });
  const Panel = () => {
    const session = view!.services.workspace.session();
    return session ? <ArticlePanel key={session.key} session={session} /> : null;
  };
  await view.rerender(<Panel />);
  return { ...view, Panel };
}

const section = (container: HTMLElement) => byRole(container, 'region', 'Portal');

describe('the article panel: Portal', () => {
  it('shows the portal status and a link to the published post that leaves the app', async () => {
    const client = fakeClient();
    const { container } = await panel(client, () => portalState({ postId: 7, remoteStatus: 'publish', link: 'https://kabarkukar.id/banjir-tenggarong/' }));
    expect(text(section(container))).toContain('Tayang di portal');
    const link = byRole(section(container), 'link', 'Lihat di portal');
    expect(link.getAttribute('href')).toBe('https://kabarkukar.id/banjir-tenggarong/');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('says why the item is held back, and tries again', async () => {
    const client = fakeClient();
    const item = syncItem({ state: 'parked', attempts: 2, error: { kind: 'portal', code: 'portal.rejected', message: 'x', retryable: false } });
    client.answer('sync-retry', () => [{ ...item, state: 'pending', error: null }]);
    const { container } = await panel(client, () => portalState({ item }));
    expect(text(section(container))).toContain('Belum dikirim ke portal');
    expect(text(section(container))).toContain('Tertahan · sudah dicoba 2 kali');
    expect(text(section(container))).toContain('Sebab: Portal menolak permintaan ini.');
    await click(byRole(section(container), 'button', 'Coba lagi'));
    expect(client.callsOf('sync-retry')).toEqual([{ articleId: A }]);
  });

  it('stays out of the way without a portal, or on a backend without sync', async () => {
    const client = fakeClient();
    const { container } = await panel(client, () => portalState(), { portal: NOT_CONNECTED });
    expect(allByRole(container, 'region', 'Portal')).toEqual([]);
    const bare = fakeClient();
    await view!.unmount();
    view = null;
    bare.answer('articles-get', () => article(A));
    view = await render(<div />, bare, { prepare: (s) => s.workspace.open(A) });
    const session = view.services.workspace.session()!;
    await view.rerender(<ArticlePanel session={session} />);
    expect(allByRole(view.container, 'region', 'Portal')).toEqual([]);
    expect(allByRole(view.container, 'alert')).toEqual([]);
  });

  it('marks a missed schedule beside the existing Terbitkan sekarang for editors', async () => {
    const client = fakeClient();
    const scheduled = article(A, { status: 'scheduled', publishAt: Date.UTC(2026, 10, 26, 1, 0) });
    const { container } = await panel(client, () => portalState({ postId: 7, remoteStatus: 'future', missedSchedule: true }), { role: 'editor', current: scheduled });
    const notice = [...container.querySelectorAll('.workflow-missed')];
    expect(notice).toHaveLength(1);
    expect(text(notice[0]!)).toMatch(/^Terlambat tayang.* Tekan Terbitkan sekarang untuk menayangkannya\.$/);
    const publishNow = byRole(container, 'button', 'Terbitkan sekarang');
    expect(publishNow.getAttribute('aria-describedby')).toBe(notice[0]!.id);
    expect(text(section(container))).toContain('Terjadwal di portal');
  });

  it('marks a schedule past its time as late in the panel, with or without a portal', async () => {
    const client = fakeClient();
    const late = article(A, { status: 'scheduled', publishAt: Date.now() - 60_000 });
    const { container } = await panel(client, () => portalState(), { portal: NOT_CONNECTED, role: 'editor', current: late });
    expect([...container.querySelectorAll('.overdue-flag')].map(text)).toEqual(['Terlambat']);
    await view!.unmount();
    view = null;
    const onTime = article(A, { status: 'scheduled', publishAt: Date.now() + 3_600_000 });
    const later = await panel(fakeClient(), () => portalState(), { portal: NOT_CONNECTED, role: 'editor', current: onTime });
    expect(later.container.querySelectorAll('.overdue-flag')).toHaveLength(0);
  });

  it('holds each article the editor opens', async () => {
    const client = fakeClient();
    const { services, rerender, Panel } = await panel(client, () => portalState());
    await during(() => services.workspace.open(B));
    await rerender(<Panel />);
    expect((client.callsOf('sync-hold') as { articleId: string | null }[]).map((c) => c.articleId)).toEqual([null, A, B]);
    expect(client.callsOf('sync-article').at(-1)).toEqual({ id: B });
  });
});

describe('the conflict view', () => {
  async function openConflict(client: FakeClient) {
    client.answer('sync-conflict-get', () => conflict);
    const rendered = await panel(client, () => portalState({ postId: 7, remoteStatus: 'pending', conflict: true }));
    expect(text(section(rendered.container))).toContain('Konflik');
    await click(byRole(section(rendered.container), 'button', 'Selesaikan konflik'));
    return { ...rendered, dialog: byRole(document.body, 'dialog') };
  }

  it('shows both versions side by side with the differences named', async () => {
    const client = fakeClient();
    const { dialog } = await openConflict(client);
    expect(text(dialog.querySelector('h2')!)).toBe('Konflik: Banjir Tenggarong');
    const [local, remote] = allByRole(dialog, 'region');
    expect(text(local!.querySelector('h3')!)).toBe('Versi di komputer ini');
    expect(text(remote!.querySelector('h3')!)).toBe('Versi di portal');
    expect(text(local!)).toContain('Diubah 26 Nov 2026 08:40 WITA');
    expect(text(remote!)).toContain('JudulBanjir Rendam Tenggarong berbeda');
    const marked = (side: HTMLElement) => [...side.querySelectorAll('.conflict-block.is-different')].map(text);
    expect(marked(local!)).toEqual(['Warga mengungsi. berbeda']);
    expect(marked(remote!)).toEqual(['BPBD menyiapkan perahu. berbeda']);
    expect(allByRole(dialog, 'button', 'Pakai versi ini')).toHaveLength(2);
  });

  it('keeps the portal version when asked, and shows it in the editor', async () => {
    const client = fakeClient();
    const resolved = article(A, { title: 'Banjir Rendam Tenggarong', version: 3, body: conflict.remote.body });
    client.answer('sync-conflict-resolve', () => resolved);
    const { dialog, services } = await openConflict(client);
    const useRemote = allByRole(dialog, 'button', 'Pakai versi ini')[1]!;
    await click(useRemote);
    expect(client.callsOf('sync-conflict-resolve')).toEqual([{ articleId: A, choice: 'remote' }]);
    expect(services.workspace.session()!.title).toBe('Banjir Rendam Tenggarong');
    expect(services.workspace.session()!.version).toBe(3);
    expect(allByRole(document.body, 'dialog')).toEqual([]);
    expect(services.toasts.items.get().at(-1)!.text(services.i18n.t)).toBe('Versi di portal dipakai.');
  });

  it('saves a merge that starts from the local version, with a paragraph copied from the portal', async () => {
    const client = fakeClient();
    client.answer('sync-conflict-resolve', ({ merged }) => article(A, { title: merged!.title, body: merged!.body as LexicalDocument, version: 4 }));
    const { dialog } = await openConflict(client);
    await click(byRole(dialog, 'button', 'Gabungkan'));
    const title = byLabel(dialog, 'Judul gabungan');
    expect(document.activeElement).toBe(title);
    expect(title.value).toBe('Banjir Tenggarong');
    expect(text(dialog)).toContain('Di portal: Banjir Rendam Tenggarong');
    await type(title, 'Banjir Rendam Tenggarong, Warga Mengungsi');
    await click(byRole(dialog, 'button', 'Salin paragraf 2 dari portal'));
    expect(text(dialog.querySelector('[aria-live="polite"]')!)).toBe('Paragraf 2 disalin ke versi gabungan.');
    await click(byRole(dialog, 'button', 'Simpan versi gabungan'));

    const [call] = client.callsOf('sync-conflict-resolve') as { articleId: string; choice: string; merged: { title: string; excerpt: string; body: LexicalDocument } }[];
    expect(call!.choice).toBe('merged');
    expect(call!.merged.title).toBe('Banjir Rendam Tenggarong, Warga Mengungsi');
    expect(call!.merged.excerpt).toBe('Air naik.');
    const paragraphs = call!.merged.body.root.children.map((c) => (c.children ?? []).map((x) => x.text).join(''));
    expect(paragraphs).toEqual(['Hujan deras sejak pagi.', 'Warga mengungsi.', 'BPBD menyiapkan perahu.']);
  });

  it('goes back from the merge to the comparison with the focus on Gabungkan', async () => {
    const client = fakeClient();
    const { dialog } = await openConflict(client);
    await click(byRole(dialog, 'button', 'Gabungkan'));
    await click(byRole(dialog, 'button', 'Kembali ke perbandingan'));
    expect(document.activeElement).toBe(byRole(dialog, 'button', 'Gabungkan'));
    expect(allByRole(dialog, 'button', 'Pakai versi ini')).toHaveLength(2);
  });

  it('says so when the backend refuses, and leaves the dialog open', async () => {
    const client = fakeClient();
    client.fail('sync-conflict-resolve', { kind: 'network', code: 'portal.unreachable', message: 'x', retryable: true });
    const { dialog } = await openConflict(client);
    await click(allByRole(dialog, 'button', 'Pakai versi ini')[0]!);
    expect(client.callsOf('sync-conflict-resolve')).toEqual([{ articleId: A, choice: 'local' }]);
    expect(text(byRole(dialog, 'alert'))).toBe('Portal tidak dapat dijangkau.');
    expect(allByRole(document.body, 'dialog')).toHaveLength(1);
  });
});
