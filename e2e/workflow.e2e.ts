/**
 * The editorial workflow end to end, with the host and the browser both in New York time: the
 * newsroom works in WITA whatever the computers say, so 09:00 WITA must be stored as 01:00 UTC.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import type { Settings } from '../src/shared/domain';
import { expect, test } from './fixtures';
import { callHost, plainText, startArticle, storedArticle, ui } from './support/app';
import type { AppHost } from './support/host';

const OS_ZONE = 'America/New_York';
test.use({ timezoneId: OS_ZONE, hostEnv: { TZ: OS_ZONE } });

const TITLE = 'Banjir Rendam Tiga Desa di Tenggarong Seberang';
const NOTE = 'Tambahkan keterangan kepala desa dan data BPBD Kukar.';
const MONTHS_ID = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
const WITA_OFFSET_MS = 8 * 60 * 60 * 1000; // Asia/Makassar has been UTC+8 without daylight saving since 1932

/** Tomorrow on the newsroom's calendar, worked out from UTC alone (not from the OS zone or the app's helpers). */
function tomorrowInWita(now: number): { year: number; month: number; day: number } {
  const wita = new Date(now + WITA_OFFSET_MS);
  const tomorrow = new Date(Date.UTC(wita.getUTCFullYear(), wita.getUTCMonth(), wita.getUTCDate() + 1));
  return { year: tomorrow.getUTCFullYear(), month: tomorrow.getUTCMonth() + 1, day: tomorrow.getUTCDate() };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Pengaturan: choose the local role and the name the audit trail records. */
async function actAs(page: Page, host: AppHost, role: 'Penulis' | 'Redaktur', name: string): Promise<void> {
  await page.getByRole('button', { name: 'Pengaturan', exact: true }).click();
  await page.getByLabel('Peran', { exact: true }).selectOption({ label: role });
  const nameField = page.getByLabel('Nama Anda', { exact: true });
  await nameField.fill(name);
  await nameField.press('Enter');
  await expect
    .poll(() => callHost<Settings>(host, 'settings-get').then((s) => `${s.role}/${s.displayName}`))
    .toBe(`${role === 'Penulis' ? 'writer' : 'editor'}/${name}`);
}

const panel = (page: Page) => page.getByRole('complementary', { name: 'Panel naskah', exact: true });
const statusOf = (page: Page) => panel(page).locator('.workflow-status .status-badge');
const queueList = (page: Page) => page.getByRole('list', { name: 'Naskah di antrean', exact: true });

async function openFromQueue(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Antrean Terbit', exact: true }).click();
  await queueList(page).getByRole('button').filter({ hasText: title }).click();
  await expect(ui.title(page)).toHaveValue(title);
}

test('a writer submits, the editor rejects with a note, the writer resubmits and the editor schedules 09:00 WITA', async ({ page, host, openApp }) => {
  await openApp();
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone), 'the page runs in New York time').toBe(OS_ZONE);

  // The writer: name first, so the article and its history carry it.
  await actAs(page, host, 'Penulis', 'Siti Rahma');
  await expect(page.getByRole('button', { name: 'Antrean Terbit', exact: true }), 'writers have no publish queue').toHaveCount(0);
  await page.getByRole('button', { name: 'Naskah', exact: true }).click();
  await startArticle(page, TITLE);
  await page.keyboard.type('Tenggarong Seberang – Banjir merendam tiga desa sejak Senin malam.');

  // Sent at once after typing: the pending autosave goes first, so only the category is missing.
  await panel(page).getByRole('button', { name: 'Kirim ke redaktur', exact: true }).click();
  const missing = panel(page).getByRole('alert');
  await expect(missing).toContainText('Kategori belum dipilih.');
  await expect(missing).not.toContainText('Isi berita masih kosong.');
  await expect(missing).not.toContainText('Judul belum diisi.');
  await expect(statusOf(page)).toHaveText('Draf');

  await panel(page).getByRole('button', { name: 'Kategori baru', exact: true }).click();
  await panel(page).getByLabel('Nama kategori baru', { exact: true }).fill('Daerah');
  await panel(page).getByRole('button', { name: 'Tambah', exact: true }).click();
  await expect(panel(page).getByLabel('Kategori', { exact: true }).locator('option:checked')).toHaveText('Daerah');
  await panel(page).getByRole('button', { name: 'Kirim ke redaktur', exact: true }).click();
  await expect(statusOf(page)).toHaveText('Dikirim');
  await expect(page.getByText('Naskah sedang ditinjau redaktur. Tarik kembali untuk mengubahnya.', { exact: true })).toBeVisible();
  await expect(ui.title(page)).not.toBeEditable();
  await expect(ui.body(page)).toHaveAttribute('contenteditable', 'false');

  // The editor finds it in the queue and rejects it with a note.
  await actAs(page, host, 'Redaktur', 'Budi Santoso');
  await page.getByRole('button', { name: 'Antrean Terbit', exact: true }).click();
  const row = queueList(page).getByRole('button').filter({ hasText: TITLE });
  await expect(row).toContainText('Dikirim');
  await expect(row).toContainText('Siti Rahma');
  await expect(row).toContainText('Daerah');
  await openFromQueue(page, TITLE);
  await panel(page).getByRole('button', { name: 'Tolak', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Tolak naskah', exact: true });
  await dialog.getByLabel('Catatan untuk penulis', { exact: true }).fill(NOTE);
  await dialog.getByRole('button', { name: 'Tolak naskah', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(statusOf(page)).toHaveText('Ditolak');

  // Back as the writer: the note is right above the article; fix and send again.
  await actAs(page, host, 'Penulis', 'Siti Rahma');
  await page.getByRole('button', { name: 'Naskah', exact: true }).click();
  await expect(ui.title(page)).toHaveValue(TITLE);
  const notice = page.getByRole('region', { name: 'Naskah ditolak redaktur', exact: true });
  await expect(notice).toContainText(NOTE);
  await expect(notice).toContainText('Catatan dari Budi Santoso');
  await expect(ui.title(page)).toBeEditable();
  await ui.body(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Kepala Desa Sukarame, Ahmad, membenarkan.');
  await panel(page).getByRole('button', { name: 'Kirim ke redaktur', exact: true }).click();
  await expect(statusOf(page)).toHaveText('Dikirim');
  expect(plainText((await storedArticle(host, TITLE)).body)).toContain('Kepala Desa Sukarame, Ahmad, membenarkan.');

  // The editor schedules it for 09:00 WITA tomorrow (tomorrow in WITA, not in New York).
  await actAs(page, host, 'Redaktur', 'Budi Santoso');
  await openFromQueue(page, TITLE);
  const { year, month, day } = tomorrowInWita(Date.now());
  await panel(page).getByLabel('Waktu terbit (WITA)', { exact: true }).fill(`${year}-${pad(month)}-${pad(day)}T09:00`);
  await panel(page).getByRole('button', { name: 'Jadwalkan', exact: true }).click();
  await expect(statusOf(page)).toHaveText('Terjadwal');

  const { id } = await storedArticle(host, TITLE);
  const db = new Database(path.join(host.dataDir, 'redaksi.sqlite3'), { readonly: true, fileMustExist: true });
  try {
    const stored = db.prepare('SELECT status, publish_at FROM articles WHERE id = ?').get(id) as { status: string; publish_at: number };
    expect(stored.status).toBe('scheduled');
    expect(new Date(stored.publish_at).toISOString()).toBe(`${year}-${pad(month)}-${pad(day)}T01:00:00.000Z`);
    expect(stored.publish_at).toBe(Date.UTC(year, month - 1, day, 1, 0));
  } finally {
    db.close();
  }

  const witaLabel = `${day} ${MONTHS_ID[month - 1]} ${year} 09:00 WITA`;
  await page.getByRole('button', { name: 'Antrean Terbit', exact: true }).click();
  const scheduled = queueList(page).getByRole('button').filter({ hasText: TITLE });
  await expect(scheduled).toContainText('Terjadwal');
  await expect(scheduled).toContainText(witaLabel);
  await expect(scheduled).not.toContainText('Terlambat');

  // The history names every step, who took it, and the note.
  await openFromQueue(page, TITLE);
  await panel(page).getByRole('button', { name: 'Riwayat naskah', exact: true }).click();
  const history = page.getByRole('dialog', { name: 'Riwayat naskah', exact: true }).getByRole('listitem');
  await expect(history).toHaveCount(4);
  await expect(history.nth(0)).toContainText('Dijadwalkan');
  await expect(history.nth(0)).toContainText('oleh Budi Santoso (Redaktur)');
  await expect(history.nth(0)).toContainText('09:00 WITA');
  await expect(history.nth(2)).toContainText('Ditolak');
  await expect(history.nth(2)).toContainText(NOTE);
  await expect(history.nth(3)).toContainText('oleh Siti Rahma (Penulis)');
});

test('the publish queue stays a small window of rows with 5,000 articles waiting', async ({ page, host, openApp }, testInfo) => {
  await openApp();
  await callHost(host, 'settings-update', { role: 'editor', displayName: 'Budi Santoso' });
  const category = await callHost<{ id: string }>(host, 'terms-create', { taxonomy: 'category', name: 'Daerah' });

  // Written straight into the database: 5,000 articles through the API would take minutes on two cores.
  const COUNT = 5000;
  const now = Date.now();
  const db = new Database(path.join(host.dataDir, 'redaksi.sqlite3'), { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const insert = db.prepare(
      `INSERT INTO articles (id, status, created_at, updated_at, title, body_json, author, category_id, publish_at, status_changed_at)
       VALUES (?, ?, ?, ?, ?, '{"root":{"type":"root","children":[]}}', ?, ?, ?, ?)`,
    );
    db.transaction(() => {
      for (let i = 0; i < COUNT; i++) {
        const status = (['submitted', 'approved', 'scheduled'] as const)[i % 3];
        const at = now - (COUNT - i) * 60_000;
        // Scheduled ones spread around now: the earlier half is overdue.
        const publishAt = status === 'scheduled' ? now + (i - COUNT / 2) * 60_000 : null;
        insert.run(crypto.randomUUID(), status, at, at, `Berita antrean nomor ${i + 1}`, `Wartawan ${(i % 12) + 1}`, category.id, publishAt, at);
      }
    })();
  } finally {
    db.close();
  }

  const started = Date.now();
  await page.getByRole('button', { name: 'Antrean Terbit', exact: true }).click();
  await expect(page.getByText(/^5\.000 naskah di antrean/)).toBeVisible();
  await expect(queueList(page).getByRole('listitem').first()).toBeVisible();
  testInfo.annotations.push({ type: 'queue open (5,000 items, fetch + first paint)', description: `${Date.now() - started} ms` });

  const rendered = await queueList(page).getByRole('listitem').count();
  expect(rendered, 'only the rows in view (plus a few) are in the page').toBeLessThan(40);
  await expect(page.getByText(/^\d[\d.]* terlambat$/)).toBeVisible();

  // Keyboard: End reaches the very last article (rendered on demand) and keeps the focus on it.
  await queueList(page).getByRole('button').first().focus();
  await page.keyboard.press('End');
  const focusedRow = page.locator('li:focus-within');
  await expect(focusedRow).toHaveAttribute('aria-posinset', String(COUNT));
  await expect(focusedRow).toHaveAttribute('aria-setsize', String(COUNT));
  await expect(queueList(page).getByRole('listitem')).toHaveCount(rendered);

  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Terjadwal' });
  await expect(page.getByText(/^1\.666 dari 5\.000 naskah/)).toBeVisible();
  await expect(queueList(page).getByRole('button').first()).toContainText('Terjadwal');
});

test('started before the person had a name: the missing list follows the text, the name arrives, and once sent it can neither be deleted nor restored', async ({ page, host, openApp }) => {
  await openApp();
  await startArticle(page, '');
  await page.keyboard.type('Samarinda – Harga beras naik dua kali dalam sepekan.');
  await panel(page).getByRole('button', { name: 'Kirim ke redaktur', exact: true }).click();
  const missing = panel(page).getByRole('alert');
  await expect(missing).toContainText('Judul belum diisi.');
  await expect(missing).toContainText('Kategori belum dipilih.');

  // Each item goes as it is fixed, without pressing again.
  await ui.title(page).fill('Harga Beras Naik di Samarinda');
  await expect(missing).not.toContainText('Judul belum diisi.');
  await expect(missing).toContainText('Kategori belum dipilih.');
  await panel(page).getByRole('button', { name: 'Kategori baru', exact: true }).click();
  await panel(page).getByLabel('Nama kategori baru', { exact: true }).fill('Ekonomi');
  await panel(page).getByRole('button', { name: 'Tambah', exact: true }).click();
  await expect(missing).toHaveCount(0);

  // The name set afterwards becomes the article's author.
  await actAs(page, host, 'Penulis', 'Siti Rahma');
  await page.getByRole('button', { name: 'Naskah', exact: true }).click();
  await expect(ui.title(page)).toHaveValue('Harga Beras Naik di Samarinda');
  await expect(panel(page).locator('.workflow-facts')).toContainText('Siti Rahma');
  await panel(page).getByRole('button', { name: 'Kirim ke redaktur', exact: true }).click();
  await expect(statusOf(page)).toHaveText('Dikirim');

  // Deleting is offered as unavailable, with the reason, and pressing it only says why.
  const trash = page.getByRole('button', { name: 'Hapus naskah', exact: true });
  await expect(trash).toHaveAttribute('aria-disabled', 'true');
  await expect(trash).toHaveAccessibleDescription(/Tarik kembali dulu/);
  await trash.press('Enter'); // aria-disabled: focusable, and pressing it says why
  await expect(page.getByText(/menunggu redaktur, jadi belum bisa dihapus/).first()).toBeVisible();
  const [article] = await callHost<{ id: string; trashedAt: number | null; author: string }[]>(host, 'articles-list', { scope: 'active', limit: 10 });
  expect(article).toMatchObject({ trashedAt: null, author: 'Siti Rahma' });

  // Restoring a revision of the read-only article is not offered either.
  await page.getByRole('button', { name: 'Riwayat revisi', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Riwayat revisi', exact: true });
  const restore = dialog.getByRole('button', { name: 'Pulihkan', exact: true });
  await expect(restore).toBeDisabled();
  await expect(restore).toHaveAccessibleDescription(/versi lama tidak bisa dipulihkan/);
  await expect(dialog).not.toContainText('belum tersimpan');
});
