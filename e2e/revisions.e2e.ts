import { expect, test } from './fixtures';
import { expectSaved, openFromList, startArticle, ui } from './support/app';

const REVISION_INTERVAL_MS = 1_000;
test.use({ hostEnv: { REDAKSI_REVISION_INTERVAL_MS: String(REVISION_INTERVAL_MS) } });

const TITLE = 'Bersiap Menggelar Kukar Bershalawat Jilid II';
const OLDER = 'Persiapan acara sudah mencapai delapan puluh persen, kata panitia di Tenggarong.';
const NEWER = 'Acara ditunda sepekan karena cuaca buruk di Tenggarong.';

test('an older revision can be restored and stays restored after a reload', async ({ page, openApp, host }) => {
  await openApp();
  await startArticle(page, TITLE);
  await expectSaved(page, host, TITLE, /^$/);

  // A save more than one interval after the previous snapshot takes a new one.
  await page.waitForTimeout(REVISION_INTERVAL_MS + 300);
  await page.keyboard.insertText(OLDER);
  await expectSaved(page, host, TITLE, OLDER);

  await page.waitForTimeout(REVISION_INTERVAL_MS + 300);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(NEWER);
  await expectSaved(page, host, TITLE, new RegExp(`^${NEWER}$`));

  await page.getByRole('button', { name: 'Riwayat revisi', exact: true }).click();
  const revisions = page.getByRole('list', { name: 'Daftar revisi', exact: true }).getByRole('button');
  await expect(revisions.first()).toBeVisible();
  const preview = page.getByRole('region', { name: 'Pratinjau revisi', exact: true });
  let found = false;
  for (let i = 0; i < (await revisions.count()) && !found; i++) {
    await revisions.nth(i).click();
    // The preview loads the chosen revision: read it once it is there, not what was shown before.
    await expect(revisions.nth(i)).toHaveAttribute('aria-current', 'true');
    await expect(preview.getByRole('button', { name: 'Pulihkan', exact: true })).toBeVisible();
    found = ((await preview.textContent()) ?? '').includes(OLDER);
  }
  expect(found, 'a revision holds the older text').toBe(true);
  await page.getByRole('button', { name: 'Pulihkan', exact: true }).click();

  await expect(ui.body(page)).toHaveText(OLDER);
  await expectSaved(page, host, TITLE, new RegExp(`^${OLDER}$`));

  await page.reload();
  await openFromList(page, TITLE);
  await expect(ui.body(page)).toHaveText(OLDER);
});
