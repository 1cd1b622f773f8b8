// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppErrorShape } from '../../../../shared/errors';
import type { SyncStatus } from '../../../../shared/sync';
import { fakeClient, type FakeClient } from '../../testing/fake-client';
import { allByRole, byRole, click, during, render, text, type Rendered } from '../../testing/render';
import { CONNECTED, syncItem, syncStatus } from '../../testing/sync-fixtures';
import { SyncStatusBar } from './SyncStatusBar';

let view: Rendered | null = null;
afterEach(async () => {
  await view?.unmount();
  view = null;
});

const LAST_SYNC = Date.UTC(2026, 10, 26, 0, 51); // 08:51 WITA

async function bar(client: FakeClient, status: SyncStatus | null, { language = 'id' as 'id' | 'en', onOpenSettings = () => undefined, onOpenArticle = (_id: string) => undefined } = {}) {
  if (status) client.answer('sync-status', () => status);
  client.answer('portal-get', () => CONNECTED);
  view = await render(<SyncStatusBar onOpenSettings={onOpenSettings} onOpenArticle={onOpenArticle} />, client, { language, prepare: (s) => s.sync.load() });
  return view;
}

const summary = (container: HTMLElement) => text(container.querySelector('[aria-live="polite"]')!);

describe('SyncStatusBar', () => {
  it('says the portal is not set up, with a way to Pengaturan instead of a sync button', async () => {
    const client = fakeClient();
    const onOpenSettings = vi.fn();
    const { container } = await bar(client, syncStatus({ connection: 'unconfigured' }), { onOpenSettings });
    expect(byRole(container, 'contentinfo', 'Sinkronisasi portal')).toBeTruthy();
    expect(summary(container)).toBe('Portal belum diatur');
    await click(byRole(container, 'link', 'Atur di Pengaturan'));
    expect(onOpenSettings).toHaveBeenCalledOnce();
    expect(allByRole(container, 'button', 'Sinkronkan sekarang')).toEqual([]);
  });

  it('shows what waits, what needs the person, the last sync in newsroom time and a clock warning', async () => {
    const client = fakeClient();
    const status = syncStatus({ pending: 3, parked: 1, conflicts: 2, lastSyncAt: LAST_SYNC, clockSkewMs: 300_000, clockWarning: true });
    const { container } = await bar(client, status);
    expect(summary(container)).toBe('Daring 3 menunggu dikirim 1 perlu tindakan 2 konflik Jam komputer Anda selisih 5 menit dengan portal');
    expect(text(container)).toContain('Terakhir sinkron 26 Nov 2026 08:51 WITA');
    expect(container.querySelector('time')!.getAttribute('dateTime')).toBe('2026-11-26T00:51:00.000Z');
  });

  it('counts in English with singular and plural', async () => {
    const client = fakeClient();
    const { container } = await bar(client, syncStatus({ pending: 1, parked: 1, conflicts: 1, lastSyncAt: LAST_SYNC }), { language: 'en' });
    expect(summary(container)).toBe('Online 1 waiting to sync 1 needs action 1 conflict');
    expect(text(container)).toContain('Last synced 26 Nov 2026 08:51 WITA');
  });

  it('follows pushed statuses: offline with its reason, then syncing with upload progress', async () => {
    const client = fakeClient();
    const { container } = await bar(client, syncStatus({ lastSyncAt: LAST_SYNC }));
    expect(summary(container)).toBe('Daring Semua terkirim');
    const captive: AppErrorShape = { kind: 'network', code: 'portal.captivePortal', message: 'x', retryable: true };
    await during(() => client.emit('sync-status', syncStatus({ connection: 'offline', pending: 2, lastError: captive })));
    expect(summary(container)).toMatch(/^Luring Jaringan menjawab dengan halaman lain, bukan portal .* 2 menunggu dikirim$/);

    const progress = { articleId: syncItem().articleId, title: 'Banjir', phase: 'media' as const, bytesSent: 1.2 * 1024 * 1024, bytesTotal: 3.4 * 1024 * 1024 };
    await during(() => client.emit('sync-status', syncStatus({ connection: 'syncing', pending: 2, progress })));
    expect(summary(container)).toMatch(/^Menyinkronkan…/);
    const progressBar = byRole(container, 'progressbar', 'Mengunggah foto 1,2 MB / 3,4 MB') as HTMLProgressElement;
    expect(progressBar.tagName).toBe('PROGRESS');
    expect(progressBar.max).toBeCloseTo(progress.bytesTotal);
    expect(progressBar.value).toBeCloseTo(progress.bytesSent);

    await during(() => client.emit('sync-status', syncStatus({ lastSyncAt: LAST_SYNC })));
    expect(allByRole(container, 'progressbar')).toEqual([]);
  });

  it('shows the photo batch being prepared, with a labelled progress bar', async () => {
    const client = fakeClient();
    const view = await bar(client, syncStatus({ lastSyncAt: LAST_SYNC }));
    await during(() => view.services.photoBatch.set({ total: 5, done: 1 }));
    expect(text(view.container)).toContain('2 dari 5');
    const progress = view.container.querySelector('progress[max="5"]')!;
    expect(progress.getAttribute('value')).toBe('1');
    expect(view.container.querySelector(`#${CSS.escape(progress.getAttribute('aria-labelledby')!)}`)).not.toBeNull();
    await during(() => view.services.photoBatch.set(null));
    expect(view.container.querySelector('progress[max="5"]')).toBeNull();
  });

  it('syncs on the button and on its shortcut, shown in the tooltip', async () => {
    const client = fakeClient();
    client.answer('sync-run', () => syncStatus({ lastSyncAt: LAST_SYNC + 60_000 }));
    const { container } = await bar(client, syncStatus({ lastSyncAt: LAST_SYNC }));
    const button = byRole(container, 'button', 'Sinkronkan sekarang');
    expect(button.dataset.tooltip).toBe('Sinkronkan sekarang (Ctrl+Alt+S)');
    expect(button.getAttribute('aria-keyshortcuts')).toBe('Control+Alt+S');
    await click(button);
    expect(client.callsOf('sync-run')).toHaveLength(1);
    expect(text(container)).toContain('26 Nov 2026 08:52 WITA');
    await during(() => window.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyS', key: 's', ctrlKey: true, altKey: true })));
    expect(client.callsOf('sync-run')).toHaveLength(2);
    // Ctrl+S alone is the habitual save, not a sync.
    await during(() => window.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyS', key: 's', ctrlKey: true })));
    expect(client.callsOf('sync-run')).toHaveLength(2);
  });

  it('says why a sync failed', async () => {
    const client = fakeClient();
    client.fail('sync-run', { kind: 'network', code: 'portal.unreachable', message: 'x', retryable: true, params: { host: 'kabarkukar.id' } });
    const { container, services } = await bar(client, syncStatus());
    await click(byRole(container, 'button', 'Sinkronkan sekarang'));
    const toast = services.toasts.items.get().at(-1)!;
    expect(toast.tone).toBe('error');
    expect(toast.text(services.i18n.t)).toBe('Portal tidak dapat dijangkau.');
  });

  it('stays usable when the backend has no sync yet', async () => {
    const client = fakeClient();
    const { container } = await bar(client, null);
    expect(summary(container)).toBe('Status sinkronisasi belum tersedia');
    expect(text(container)).toContain('Sinkronisasi ke portal belum tersedia di versi Redaksi ini.');
    byRole(container, 'button', 'Sinkronkan sekarang');
    byRole(container, 'button', 'Antrean kirim');
  });

  it('lists the outbox with states and reasons, and retries a held-back item', async () => {
    const client = fakeClient();
    const forbidden: AppErrorShape = { kind: 'auth', code: 'portal.forbidden', message: 'x', retryable: false };
    const parked = syncItem({ state: 'parked', attempts: 3, error: forbidden });
    const waiting = syncItem({ id: 2, articleId: '22222222-2222-4222-8222-222222222222', title: 'Pasar Tangga Arung', state: 'waiting', attempts: 1, nextAttemptAt: LAST_SYNC });
    client.answer('sync-items', () => [parked, waiting]);
    client.answer('sync-retry', () => [{ ...parked, state: 'pending', error: null }, waiting]);
    const onOpenArticle = vi.fn();
    const { container } = await bar(client, syncStatus({ pending: 1, parked: 1 }), { onOpenArticle });
    await click(byRole(container, 'button', 'Antrean kirim'));
    const dialog = byRole(document.body, 'dialog');
    const list = byRole(dialog, 'list', 'Naskah di antrean kirim');
    const rows = allByRole(list, 'listitem').map(text);
    expect(rows[0]).toContain('Banjir Tenggarong');
    expect(rows[0]).toContain('Tertahan · sudah dicoba 3 kali');
    expect(rows[0]).toContain('Sebab: Akun portal ini tidak boleh melakukan langkah ini.');
    expect(rows[1]).toContain('Menunggu dicoba lagi · sudah dicoba 1 kali · dicoba lagi 26 Nov 2026 08:51 WITA');

    await click(byRole(dialog, 'button', 'Coba lagi: Banjir Tenggarong'));
    expect(client.callsOf('sync-retry')).toEqual([{ articleId: parked.articleId }]);
    expect(allByRole(list, 'listitem').map(text)[0]).toContain('Menunggu dikirim');
    expect(allByRole(dialog, 'button', 'Coba lagi: Banjir Tenggarong')).toEqual([]);

    // The list follows the backend while open.
    client.answer('sync-items', () => []);
    await during(() => client.emit('sync-status', syncStatus({ lastSyncAt: LAST_SYNC })));
    expect(text(dialog)).toContain('Tidak ada naskah yang menunggu dikirim.');
  });

  it('opens an article from the outbox', async () => {
    const client = fakeClient();
    client.answer('sync-items', () => [syncItem()]);
    const onOpenArticle = vi.fn();
    const { container } = await bar(client, syncStatus({ pending: 1 }), { onOpenArticle });
    await click(byRole(container, 'button', 'Antrean kirim'));
    await click(byRole(document.body, 'button', 'Buka naskah Banjir Tenggarong'));
    expect(onOpenArticle).toHaveBeenCalledWith(syncItem().articleId);
    expect(allByRole(document.body, 'dialog')).toEqual([]);
  });
});
