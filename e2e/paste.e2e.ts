/**
 * Pasting from Word, Google Docs, WhatsApp and a web page into the real app: the structure comes
 * through (headings, real lists, bold, italic, links), the styling does not, and what was pasted is
 * saved and comes back after a reload. Hostile HTML leaves nothing that could run, in the page or in
 * the stored body. A photo copied from a web page still goes through the photo import.
 */
import { readFile } from 'node:fs/promises';
import { renderPortalHtml } from '../src/core/content';
import { imageMediaIds, type LexicalDocument } from '../src/shared/lexical-document';
import { XSS_VECTORS as SHARED_XSS_VECTORS } from '../test-support/xss-vectors';
import { xssFindings } from '../test-support/xss-check';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { Article } from '../src/shared/domain';
import { makePhonePhoto } from '../test-support/photos';
import { expect, test } from './fixtures';
import { expectSaved, openFromList, startArticle, storedArticle, ui } from './support/app';
import type { AppHost } from './support/host';
import { repoRoot } from './support/paths';

const fixture = (name: string): Promise<string> => readFile(path.join(repoRoot, 'test-support', 'clipboard', name), 'utf8');

/** What a paste looks like to the page: a ClipboardEvent whose DataTransfer holds these types (and files). */
async function paste(page: Page, data: Record<string, string>, file?: { name: string; type: string; bytes: Buffer }): Promise<void> {
  await ui.body(page).evaluate(
    (target, { data, file }) => {
      // Page-side classes, named through globalThis: this file is type-checked without the DOM library.
      const page = globalThis as unknown as {
        DataTransfer: new () => { setData(type: string, value: string): void; items: { add(file: File): void } };
        ClipboardEvent: new (type: string, init: { clipboardData: unknown; bubbles: boolean; cancelable: boolean }) => Event;
      };
      const transfer = new page.DataTransfer();
      for (const [type, value] of Object.entries(data)) transfer.setData(type, value);
      if (file) transfer.items.add(new File([Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))], file.name, { type: file.type }));
      target.dispatchEvent(new page.ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    },
    { data, file: file && { name: file.name, type: file.type, base64: file.bytes.toString('base64') } },
  );
}

/** Nothing of the source's styling is left: no style, font, colour, class-of-the-source or size attributes. */
async function expectNoStyling(body: Locator): Promise<void> {
  await expect(body.locator('[style], font, [color], [face], [size], [lang], [class*="Mso"], [id^="docs-internal"]')).toHaveCount(0);
  await expect(body.locator('span[style], b[style], o\\:p')).toHaveCount(0);
}

/** Every paragraph and list item holds text: no empty ones were pasted. */
async function expectNoEmptyBlocks(body: Locator): Promise<void> {
  const empty = await body.locator('p, li, h2, h3, h4').evaluateAll((elements) =>
    elements.filter((element) => element.children.length === 0 && (element.textContent ?? '').trim() === '').length,
  );
  expect(empty, 'empty paragraphs or items').toBe(0);
}

/** Types in the stored body, for the checks that it holds what the page shows. */
function bodyTypes(body: Article['body']): string[] {
  const types: string[] = [];
  const walk = (node: { type: string; children?: unknown[] }): void => {
    types.push(node.type);
    for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
  };
  walk(body.root);
  return types;
}

/**
 * Pastes into a new article, checks what the page shows, waits for the autosave, reloads and checks
 * again. Returns the body as the backend stored it.
 */
async function pasteSaveAndReload(
  page: Page,
  host: AppHost,
  options: { title: string; data: Record<string, string>; savedText: string; expectStructure: (body: Locator) => Promise<void> },
): Promise<Article['body']> {
  const { title, data, savedText, expectStructure } = options;
  await startArticle(page, title);
  await paste(page, data);
  const body = ui.body(page);
  await expectStructure(body);
  await expectSaved(page, host, title, savedText);
  const stored = await storedArticle(host, title);
  await page.reload();
  await openFromList(page, title);
  await expectStructure(body);
  return stored.body;
}

async function expectWordStructure(body: Locator): Promise<void> {
  await expect(body.locator('h2')).toHaveText(['Banjir Rendam Tiga Kecamatan di Kutai Kartanegara', 'Wilayah Terdampak']);
  await expect(body.locator('p').first()).toHaveText(
    'TENGGARONG – Hujan deras yang mengguyur sejak Minggu (23/11/2026) malam membuat Sungai Mahakam meluap dan merendam permukiman di tiga kecamatan di Kabupaten Kutai Kartanegara (Kukar). Ratusan rumah warga tergenang.',
  );
  await expect(body.locator('strong')).toHaveText(['TENGGARONG', 'tinggi dan kering']);
  await expect(body.locator('em')).toHaveText(['Ahmad Rizal']);
  await expect(body.locator('u, .ed-underline')).toHaveText(['sudah menyiagakan']);
  await expect(body.locator('s, .ed-strike')).toHaveText(['Stadion Rondong Demang']);
  // Word's fake lists are real lists, the second level nested in the first.
  await expect(body.locator(':scope > ul > li:not(:has(ul))')).toHaveText(['Kecamatan Tenggarong', 'Kecamatan Loa Kulu', 'Kecamatan Tenggarong Seberang']);
  await expect(body.locator(':scope > ul > li > ul > li')).toHaveText(['Kelurahan Timbau', 'Kelurahan Melayu']);
  await expect(body.locator(':scope > ol > li')).toHaveText([
    'Matikan aliran listrik sebelum meninggalkan rumah.',
    'Simpan dokumen penting di tempat yang tinggi dan kering.',
    'Hubungi posko di nomor 0541-661234.',
  ]);
  await expect(body.locator('li').filter({ hasText: /^[·o§]/ })).toHaveCount(0);
  await expect(body.locator('a[href]')).toHaveAttribute('href', 'https://bpbd.kukarkab.go.id/informasi/banjir-2026');
  await expect(body.locator('a[href]')).toHaveText('BPBD Kukar');
  await expectNoStyling(body);
  await expectNoEmptyBlocks(body);
}

test('a Word document keeps headings, formats, lists and the link, loses Word’s markup, and survives a reload', async ({ page, openApp, host }) => {
  await openApp();
  const stored = await pasteSaveAndReload(page, host, {
    title: 'Banjir Rendam Tiga Kecamatan di Kukar',
    data: { 'text/html': await fixture('word.html'), 'text/plain': 'Banjir Rendam Tiga Kecamatan di Kutai Kartanegara' },
    savedText: 'Hubungi posko di nomor 0541-661234.',
    expectStructure: expectWordStructure,
  });
  expect(JSON.stringify(stored)).not.toMatch(/mso|font-family|color:/i);
  expect(bodyTypes(stored)).toEqual(expect.arrayContaining(['heading', 'list', 'listitem', 'link']));
});

async function expectGoogleDocsStructure(body: Locator): Promise<void> {
  await expect(body.locator('h2')).toHaveText(['Erau Adat Kutai 2026 Resmi Dibuka di Tenggarong', 'Rangkaian Acara']);
  // The whole paste sat inside Docs' <b style="font-weight:normal">: it is not bold.
  await expect(body.locator('strong')).toHaveText(['TENGGARONG', 'Beseprah']);
  await expect(body.locator('em')).toHaveText(['Erau Adat Pelas Benua']);
  await expect(body.locator(':scope > ul > li:not(:has(ul))')).toHaveText(['Mendirikan Ayu', 'Beseprah di Jalan Diponegoro']);
  await expect(body.locator(':scope > ul > li > ul > li')).toHaveText(['di Keraton Kutai']);
  await expect(body.locator(':scope > ol > li')).toHaveText(['Parkir di Stadion Rondong Demang', 'Naik angkutan gratis ke Museum Mulawarman']);
  await expect(body.locator('a[href]')).toHaveAttribute('href', 'https://kukarkab.go.id/erau-2026');
  // A link's underline in Docs is how it looks, not a format; the underlined word is.
  await expect(body.locator('u, .ed-underline')).toHaveText(['Belimbur']);
  await expect(body).toContainText('di halaman Museum Mulawarman, Tenggarong. Ribuan warga');
  await expectNoStyling(body);
  await expectNoEmptyBlocks(body);
}

test('a Google Docs document keeps its structure without the guid wrapper’s styles, and survives a reload', async ({ page, openApp, host }) => {
  await openApp();
  const stored = await pasteSaveAndReload(page, host, {
    title: 'Erau Adat Kutai 2026 Dibuka',
    data: { 'text/html': await fixture('google-docs.html'), 'text/plain': 'Erau Adat Kutai 2026 Resmi Dibuka di Tenggarong' },
    savedText: 'Jadwal lengkap ada di laman Pemkab Kukar.',
    expectStructure: expectGoogleDocsStructure,
  });
  expect(JSON.stringify(stored)).not.toMatch(/docs-internal-guid|font-size|#1155cc/i);
});

async function expectWhatsAppStructure(body: Locator): Promise<void> {
  await expect(body.locator(':scope > p')).toHaveCount(4);
  await expect(body.locator('strong')).toHaveText(['INFO BPBD KUKAR']);
  await expect(body.locator('em')).toHaveText(['Siaga II']);
  await expect(body.locator('s, .ed-strike')).toHaveText(['menunggu']);
  await expect(body.locator('code')).toHaveText(['BJR-KKR-2411']);
  await expect(body.locator(':scope > p').nth(2).locator('br')).toHaveCount(1);
  await expect(body).toContainText('pola piket 5*3*2, laporan dikirim sebagai laporan_banjir_kukar.pdf');
  await expect(body).not.toContainText('*INFO');
  await expectNoEmptyBlocks(body);
}

test('a WhatsApp message pasted as plain text gets its bold, italic, strikethrough and monospace, and survives a reload', async ({
  page,
  openApp,
  host,
}) => {
  await openApp();
  await pasteSaveAndReload(page, host, {
    title: 'Sungai Mahakam Siaga II',
    data: { 'text/plain': await fixture('whatsapp.txt') },
    savedText: 'Kontak posko: 0812-5555-0192 (Pak Hendra)',
    expectStructure: expectWhatsAppStructure,
  });
});

async function expectWebPageStructure(body: Locator): Promise<void> {
  await expect(body.locator('h2')).toHaveText(['Upaya Pemkab Kukar Kembalikan Pulau Kumala Sebagai Objek Wisata Andalan']);
  await expect(body.locator('a[href]')).toHaveCount(1);
  await expect(body.locator('a[href]')).toHaveAttribute('href', 'https://portal.example.id/2023/10/26/kukar-bershalawat-jilid-ii/');
  await expect(body.locator('img, iframe, script, button')).toHaveCount(0);
  await expect(body).not.toContainText('Iklan tersembunyi');
  await expect(body).toContainText('Kawasan seluas 76 hektare itu sempat terbengkalai sejak 2018.');
  await expectNoStyling(body);
  await expectNoEmptyBlocks(body);
}

test('a web page snippet keeps its words and safe link, and none of its scripts, handlers, images or styles', async ({ page, openApp, host }) => {
  await openApp();
  const stored = await pasteSaveAndReload(page, host, {
    title: 'Pulau Kumala Kembali Jadi Andalan',
    data: { 'text/html': await fixture('web-page.html'), 'text/plain': 'Upaya Pemkab Kukar Kembalikan Pulau Kumala' },
    savedText: 'perbaikan jembatan penghubung.',
    expectStructure: expectWebPageStructure,
  });
  expect(JSON.stringify(stored)).not.toMatch(/javascript:|onerror|onclick|<script|youtube|tracker/i);
});

test('a photo copied from a web page (file plus <img> HTML) goes through the photo import, not in as a remote image', async ({ page, openApp }) => {
  await openApp();
  await startArticle(page, 'Jembatan Kutai Kartanegara');
  await page.keyboard.insertText('Jembatan Kutai Kartanegara di Tenggarong.');
  const photo = await makePhonePhoto({ width: 800, height: 600, orientation: 1, seed: 3 });
  await paste(page, { 'text/html': '<meta charset="utf-8"><img src="https://portal.example.id/wp-content/uploads/jembatan.jpg" alt="Jembatan">' }, {
    name: 'image.jpg',
    type: 'image/jpeg',
    bytes: photo,
  });
  const figures = ui.body(page).getByRole('figure');
  await expect(figures).toHaveCount(1, { timeout: 20_000 });
  await expect(ui.body(page).locator('img[src^="http"]:not([src*="127.0.0.1"])')).toHaveCount(0);
});

/**
 * Hostile clipboard HTML: script elements, event handlers, javascript:/data:/vbscript: addresses in
 * every spelling, frames and plugins, and mutation-XSS shapes that rely on a parser reading markup
 * twice; then the shared list the portal renderer is tested with (test-support/xss-vectors.ts).
 */
const PASTE_VECTORS = [
  '<script>window.__pwned = 1</script><p>skrip</p>',
  '<img src=x onerror="window.__pwned = 1">',
  '<svg onload="window.__pwned = 1"><text>svg</text></svg>',
  '<svg><script>window.__pwned = 1</script></svg>',
  '<iframe src="javascript:window.__pwned = 1"></iframe><p>bingkai</p>',
  '<iframe srcdoc="<script>parent.__pwned = 1</script>"></iframe>',
  '<a href="javascript:window.__pwned = 1">tautan 1</a>',
  '<a href="JaVaScRiPt:window.__pwned = 1">tautan 2</a>',
  '<a href="&#106;avascript:window.__pwned = 1">tautan 3</a>',
  '<a href="java&#9;script:window.__pwned = 1">tautan 4</a>',
  '<a href="  javascript:window.__pwned = 1">tautan 5</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">tautan 6</a>',
  '<a href="vbscript:msgbox(1)">tautan 7</a>',
  '<p onclick="window.__pwned = 1" onmouseover="window.__pwned = 1">paragraf dengan penangan</p>',
  '<div style="background:url(javascript:window.__pwned=1)">latar</div>',
  '<body onload="window.__pwned = 1"><p>badan</p></body>',
  '<object data="javascript:window.__pwned = 1"></object><embed src="javascript:window.__pwned = 1">',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned = 1">',
  '<noscript><p title="</noscript><img src=x onerror=window.__pwned=1>"></noscript>',
  '<form action="javascript:window.__pwned = 1"><button formaction="javascript:window.__pwned = 1">kirim</button></form>',
  '<details open ontoggle="window.__pwned = 1"><summary>rincian</summary></details>',
  '<a href="https://kukarkab.go.id/" onclick="window.__pwned = 1" style="color:red">tautan aman</a>',
  '<input autofocus onfocus="window.__pwned = 1"><meta http-equiv="refresh" content="0;url=javascript:window.__pwned=1">',
  '<!--<img src="--><img src=x onerror="window.__pwned = 1">',
  '<template><script>window.__pwned = 1</script></template><p>templat</p>',
];
const XSS_VECTORS = [...PASTE_VECTORS, ...SHARED_XSS_VECTORS.map((v) => v.html)];

test('hostile HTML pasted into the body leaves nothing that could run, in the page or in the saved body', async ({ page, openApp, host }) => {
  // Dozens of vectors, each pasted and checked: about 15 s here.
  test.setTimeout(60_000);
  const title = 'Uji Tempel Berbahaya';
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await openApp();
  await startArticle(page, title);
  for (const [index, vector] of XSS_VECTORS.entries()) {
    await paste(page, { 'text/html': vector, 'text/plain': `vektor ${index + 1}` });
  }
  await page.keyboard.insertText('Akhir uji.');
  const body = ui.body(page);
  await expect(body).toContainText('tautan aman');
  await expect(body.locator('script, iframe, object, embed, svg, math, img, form, input, button, meta, style, template, details')).toHaveCount(0);
  // Page-side shapes, spelled out: this file is type-checked without the DOM library.
  type PageElement = { tagName: string; attributes: ArrayLike<{ name: string; value: string }> };
  const unsafe = await body.locator('*').evaluateAll((elements) =>
    (elements as unknown as PageElement[]).flatMap((element) =>
      Array.from(element.attributes)
        .filter((attribute) => /^on/i.test(attribute.name) || /^\s*(javascript|data|vbscript):/i.test(attribute.value) || attribute.name === 'style')
        .map((attribute) => `${element.tagName} ${attribute.name}="${attribute.value}"`),
    ),
  );
  expect(unsafe).toEqual([]);
  const hrefs = await body.locator('a[href]').evaluateAll((links) => links.map((a) => (a as unknown as { getAttribute(n: string): string }).getAttribute('href')));
  expect(hrefs).toContain('https://kukarkab.go.id/');
  expect(hrefs.filter((href) => !/^(https?:|mailto:)/i.test(href))).toEqual([]);

  await expectSaved(page, host, title, 'Akhir uji.');
  // Markup may survive as words (a pasted "<script>" is text a reporter can quote); what must not
  // survive is anything that acts: only safe links in the stored body, and only known node types.
  const stored = (await storedArticle(host, title)).body as LexicalDocument;
  const urls: string[] = [];
  const types = new Set<string>();
  const walk = (node: { type: string; url?: unknown; children?: unknown[] }) => {
    types.add(node.type);
    if (typeof node.url === 'string') urls.push(node.url);
    (node.children as (typeof node)[] | undefined)?.forEach(walk);
  };
  walk(stored.root as never);
  expect(urls.filter((url) => !/^(https?:|mailto:)/i.test(url))).toEqual([]);
  expect([...types].filter((type) => !['root', 'paragraph', 'text', 'link', 'list', 'listitem', 'heading', 'quote', 'linebreak', 'table', 'tablerow', 'tablecell'].includes(type))).toEqual([]);
  // And what would go to the portal: paste -> editor -> stored body -> portal HTML.
  expect(imageMediaIds(stored)).toEqual([]);
  const portalHtml = renderPortalHtml(stored, () => undefined);
  expect(portalHtml).toContain('tautan aman');
  expect(xssFindings(portalHtml)).toEqual([]);
  expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test('a pasted table is kept as a table, and a pasted picture is not dropped without a word', async ({ page, openApp }) => {
  await openApp();
  await startArticle(page, 'Jadwal Kapal Feri Samarinda');
  await paste(page, {
    'text/html': '<p>Jadwal terbaru:</p><table><tr><td>Senin</td><td>08.00 WITA</td></tr></table><img src="https://contoh.id/kapal.jpg" alt="Kapal">',
    'text/plain': 'Jadwal terbaru: Senin 08.00 WITA',
  });
  await expect(ui.body(page)).toContainText('08.00 WITA');
  await expect(page.getByText('Gambar dari yang ditempel tidak ikut.', { exact: false })).toBeVisible();
  await expect(ui.body(page).getByRole('table')).toBeVisible();
  await expect(ui.body(page).getByRole('cell', { name: '08.00 WITA', exact: true })).toBeVisible();
  await expect(ui.body(page).locator('img')).toHaveCount(0);
});

test('Lexical data a web page put on the clipboard is cleaned like HTML: no overlay style, no _top link, no photo', async ({ page, openApp, host }) => {
  const title = 'Uji Data Lexical Asing';
  const overlay = 'position:fixed;inset:0;z-index:2147483647;background:#fff';
  const text = (value: string, style = '') => ({ type: 'text', version: 1, text: value, detail: 0, format: 0, mode: 'normal', style });
  // What any page's copy handler can write: Lexical's format, in this editor's namespace.
  const forged = JSON.stringify({
    namespace: 'redaksi-article',
    nodes: [
      {
        type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '',
        children: [
          text('Klik ', overlay),
          { type: 'link', version: 1, url: 'https://phish.example/', rel: null, target: '_top', title: null, direction: null, format: '', indent: 0, children: [text('masuk')] },
        ],
      },
      { type: 'image', version: 1, mediaId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', altText: '', caption: '', credit: '' },
    ],
  });
  await openApp();
  await startArticle(page, title);
  await paste(page, { 'application/x-lexical-editor': forged, 'text/html': '<p>Klik <a href="https://phish.example/" target="_top">masuk</a></p>', 'text/plain': 'Klik masuk' });
  await page.keyboard.insertText(' Akhir uji.');
  const body = ui.body(page);
  await expect(body).toContainText('Klik masuk');
  await expect(body.getByRole('link', { name: 'masuk', exact: true })).toHaveAttribute('href', 'https://phish.example/');
  await expect(body.locator('[style], a[target], figure, img')).toHaveCount(0);
  await expectSaved(page, host, title, 'Akhir uji.');
  const stored = (await storedArticle(host, title)).body as LexicalDocument;
  expect(JSON.stringify(stored)).not.toMatch(/position:fixed|_top/);
  expect(imageMediaIds(stored)).toEqual([]);
});

test('a copy made in the article, photo included, pastes back with its photo and structure (Lexical’s own format)', async ({ page, openApp, host, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(host.url).origin });
  const title = 'Uji Salin Foto Dalam Naskah';
  await openApp();
  await startArticle(page, title);
  const body = ui.body(page);
  await page.keyboard.type('## ');
  await expect(body.locator('h2')).toHaveCount(1);
  await page.keyboard.insertText('Jembatan Kartanegara');
  const photo = await makePhonePhoto({ width: 800, height: 600, orientation: 1, seed: 5 });
  await paste(page, {}, { name: 'jembatan.jpg', type: 'image/jpeg', bytes: photo });
  const figures = body.getByRole('figure');
  await expect(figures).toHaveCount(1, { timeout: 20_000 });
  const stored = async () => imageMediaIds((await storedArticle(host, title)).body as LexicalDocument);
  // Copied once the photo is prepared and in the article, as a person copies what they see: under load
  // a copy made while it was still being prepared held no photo yet.
  await expect(figures.locator('img')).toBeVisible({ timeout: 20_000 });
  await expect.poll(async () => (await stored()).length, { timeout: 20_000 }).toBe(1);
  await body.locator('h2').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+C');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ControlOrMeta+V');
  // Lexical's own data: the photo comes back as a figure (the HTML cleaner would leave it out).
  await expect(figures).toHaveCount(2);
  await expect(body.locator('h2')).toHaveCount(2);
  await expect(page.getByText('Gambar dari yang ditempel tidak ikut.', { exact: false })).toHaveCount(0);
  await expect.poll(async () => (await stored()).length).toBe(2);
});
