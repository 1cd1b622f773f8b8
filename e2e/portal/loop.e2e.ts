/**
 * The newsroom loop between two laptops and the real WordPress: a writer and an editor, each with
 * their own Redaksi (own host, own data folder, own browser), each keeping the story on screen.
 * Nobody navigates to see what the other did: a press of "Sinkronkan sekarang" is enough.
 * Runs against whichever WordPress credentials.env under WP_HOME describes (Debian's 6.1.9 or 7.1;
 * see docs/sync.md).
 */
import { clientFor } from '../../src/core/portal/portal-tests/site';
import { ensurePortalCategory, portalPostsWith, runToken } from '../../src/core/portal/portal-tests/portal-queries';
import { fromWpGmt } from '../../src/core/portal/wordpress-client';
import type { Article } from '../../src/shared/domain';
import { seedSampleArticle } from '../../test-support/sample-article';
import { expect, test, waitUntilReady } from '../fixtures';
import { callHost, openFromList, plainText, ui } from '../support/app';
import { connect, delivered, listTime, newestInQueue, panel, queueRow, shownTime, statusOf, syncNow, writerLaptop } from './two-laptops';

const WITA_OFFSET_MS = 8 * 60 * 60 * 1000;
const NOTE = 'Tambahkan keterangan kepala desa dan data BPBD Kukar.';
const ADDED = 'Kepala Desa Sukarame, Ahmad, membenarkan banjir itu.';
const WRITER_NAME = 'Siti Rahma';
const EDITOR_NAME = 'Budi Santoso';

const pad = (n: number): string => String(n).padStart(2, '0');

/** 09:00 WITA tomorrow on the newsroom's calendar, from UTC alone. */
function tomorrowAtNineWita(now: number): { instant: number; input: string } {
  const wita = new Date(now + WITA_OFFSET_MS);
  const day = new Date(Date.UTC(wita.getUTCFullYear(), wita.getUTCMonth(), wita.getUTCDate() + 1));
  const input = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}T09:00`;
  return { instant: Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 1, 0), input };
}

test('writer and editor close the loop through the portal, each keeping the story on screen', async ({ browser, page, host, openApp }) => {
  test.setTimeout(240_000);
  const token = runToken();
  await ensurePortalCategory('Politik');
  const writer = await writerLaptop(browser);
  let postId: number | undefined;
  let categoryId: number | undefined;
  try {
    // Two people, two laptops, one portal: an author writes, an editor edits.
    await connect(writer.host, 'AUTHOR', WRITER_NAME);
    await connect(host, 'EDITOR', EDITOR_NAME);
    const invoke = <T>(name: string, args: unknown) => callHost<T>(writer.host, name, args);
    const title = `Banjir Rendam Tiga Desa di Tenggarong Seberang ${token}`;
    await seedSampleArticle(invoke, {
      article: { title, paragraphs: ['TENGGARONG – Banjir merendam tiga desa di Tenggarong Seberang sejak Senin malam.', 'Warga mengungsi ke balai desa.'] },
    });

    // The writer opens the story and keeps it open from here on.
    await writer.page.goto(writer.host.url);
    await waitUntilReady(writer.page);
    await openFromList(writer.page, title);
    // The editor waits in Antrean Terbit.
    await openApp();
    await page.getByRole('button', { name: 'Antrean Terbit', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Antrean Terbit', exact: true })).toBeVisible();
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Dikirim' });

    // 0. A category the administrator adds on the portal now reaches the open article's Kategori list after a sync.
    const newCategory = `Lingkungan ${token}`;
    categoryId = await ensurePortalCategory(newCategory);
    await syncNow(writer.page, writer.host);
    await expect(panel(writer.page).getByLabel('Kategori', { exact: true }).locator('option', { hasText: newCategory })).toHaveCount(1);

    // 1. Submit: it reaches the portal, and the editor's queue after a sync, without navigating.
    await panel(writer.page).getByRole('button', { name: 'Kirim ke redaktur', exact: true }).click();
    await expect(statusOf(writer.page)).toHaveText('Dikirim');
    // The toast says what happened: taken here, and on its way to the portal (not yet "sent").
    await expect(writer.page.getByText('Naskah dikirim ke redaktur. Sedang dikirim ke portal.')).toBeVisible();
    postId = (await delivered(writer.host, title)).postId ?? undefined;
    expect(postId).toBeGreaterThan(0);
    // Not on the editor's computer until it syncs.
    expect((await callHost<{ title: string }[]>(host, 'queue-list', {})).some((q) => q.title === title)).toBe(false);
    await syncNow(page, host);
    await expect(await newestInQueue(page, title)).toContainText('Dikirim');
    // The writer's own name (Nama Anda) came with the story, not the portal account's display name.
    await expect(queueRow(page, title)).toContainText(WRITER_NAME);

    // 2. The editor opens it and rejects it with a note.
    await queueRow(page, title).click();
    await expect(ui.title(page)).toHaveValue(title);
    await panel(page).getByRole('button', { name: 'Tolak', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Tolak naskah', exact: true });
    await dialog.getByLabel('Catatan untuk penulis', { exact: true }).fill(NOTE);
    await dialog.getByRole('button', { name: 'Tolak naskah', exact: true }).click();
    await expect(statusOf(page)).toHaveText('Ditolak');
    await delivered(host, title);

    // 3. The writer, still on the story: "Ditolak" and the note after a sync.
    await syncNow(writer.page, writer.host);
    await expect(statusOf(writer.page)).toHaveText('Ditolak');
    const notice = writer.page.getByRole('region', { name: 'Naskah ditolak redaktur', exact: true });
    await expect(notice).toContainText(NOTE);
    await expect(notice).toContainText(`Catatan dari ${EDITOR_NAME}`);

    // 4. The editor goes back to the queue to wait; the writer fixes the story and sends it again.
    await page.getByRole('button', { name: 'Antrean Terbit', exact: true }).click();
    await expect(ui.title(writer.page)).toBeEditable();
    await ui.body(writer.page).click();
    await writer.page.keyboard.press('Control+End');
    await writer.page.keyboard.type(` ${ADDED}`);
    await panel(writer.page).getByRole('button', { name: 'Kirim ke redaktur', exact: true }).click();
    await expect(statusOf(writer.page)).toHaveText('Dikirim');
    await delivered(writer.host, title);

    // 5. The editor sees the resubmission in the queue after a sync, opens it (the new text is
    // there), approves and schedules it for 09:00 WITA tomorrow, and keeps it open.
    await syncNow(page, host);
    await expect(await newestInQueue(page, title)).toContainText('Dikirim');
    await queueRow(page, title).click();
    await expect(ui.title(page)).toHaveValue(title);
    await expect(ui.body(page)).toContainText(ADDED);
    await panel(page).getByRole('button', { name: 'Setujui', exact: true }).click();
    await expect(statusOf(page)).toHaveText('Disetujui');
    const nine = tomorrowAtNineWita(Date.now());
    await panel(page).getByLabel('Waktu terbit (WITA)', { exact: true }).fill(nine.input);
    await panel(page).getByRole('button', { name: 'Jadwalkan', exact: true }).click();
    await expect(statusOf(page)).toHaveText('Terjadwal');
    await expect(shownTime(page, nine.instant)).toContainText('09:00 WITA');
    await delivered(host, title);
    const scheduled = await clientFor('EDITOR').getPost(postId!);
    expect(scheduled.status).toBe('future');
    expect(fromWpGmt(scheduled.dateGmt)).toBe(nine.instant);

    // 6. The writer, still on the story: "Terjadwal" with that time.
    await syncNow(writer.page, writer.host);
    await expect(statusOf(writer.page)).toHaveText('Terjadwal');
    await expect(shownTime(writer.page, nine.instant)).toContainText('09:00 WITA');
    // The writer's list shows when it goes out, not when it last changed.
    await expect(listTime(writer.page, title, nine.instant)).toContainText('terbit');

    // 7. Someone moves the time on the portal itself (REST, as wp-admin would): 10:30 WITA.
    const moved = nine.instant + 90 * 60_000;
    await clientFor('EDITOR').updatePost(postId!, { status: 'future', publishAt: moved });
    await syncNow(page, host);
    await syncNow(writer.page, writer.host);
    for (const screen of [page, writer.page]) {
      await expect(shownTime(screen, moved)).toContainText('10:30 WITA');
      await expect(statusOf(screen)).toHaveText('Terjadwal');
    }
    await expect(listTime(writer.page, title, moved)).toBeVisible();

    // The editor's history names the writer by the name she gave, and every step since.
    await panel(page).getByRole('button', { name: 'Riwayat naskah', exact: true }).click();
    const history = page.getByRole('dialog', { name: 'Riwayat naskah', exact: true }).getByRole('listitem');
    await expect(history.filter({ hasText: 'Dikirim ke redaktur' }).first()).toContainText(`oleh ${WRITER_NAME}`);
    await expect(history.filter({ hasText: 'Ditolak' })).toContainText(NOTE);
    await page.keyboard.press('Escape');

    // Both computers agree with the portal; exactly one post carries the story.
    for (const computer of [host, writer.host]) {
      const stored = (await callHost<Article[]>(computer, 'articles-list', {})).find((a) => a.title === title);
      expect(stored).toMatchObject({ status: 'scheduled', publishAt: moved });
    }
    const editorCopy = (await callHost<Article[]>(host, 'articles-list', {})).find((a) => a.title === title)!;
    expect(plainText((await callHost<Article>(host, 'articles-get', { id: editorCopy.id })).body)).toContain(ADDED);
    expect(await portalPostsWith(token)).toHaveLength(1);
  } finally {
    await writer.close();
    // The portal is shared by every run: leave no story of this one waiting in an editor's queue.
    if (categoryId) await clientFor('ADMIN').request(`/wp/v2/categories/${categoryId}`, { method: 'DELETE', query: { force: 'true' } }).catch(() => undefined);
    if (postId) await clientFor('ADMIN').request(`/wp/v2/posts/${postId}`, { method: 'DELETE', query: { force: 'true' } }).catch(() => undefined);
  }
});
