// @vitest-environment happy-dom
import { $createParagraphNode, $createTextNode, $getRoot, $getSelection, type SerializedEditorState } from 'lexical';
import { describe, expect, it } from 'vitest';
import googleDocs from '../../../../../../test-support/clipboard/google-docs.html?raw';
import webPage from '../../../../../../test-support/clipboard/web-page.html?raw';
import whatsapp from '../../../../../../test-support/clipboard/whatsapp.txt?raw';
import word from '../../../../../../test-support/clipboard/word.html?raw';
import { LexicalDocumentSchema, type LexicalNode } from '../../../../../shared/lexical-document';
import { $insertCleanHtml, cleanClipboardData, leftOutOfPaste } from './clipboard';
import { keepHappyDomOffline, newArticleEditor } from './testing';

keepHappyDomOffline();

function clipboard(data: Record<string, string>): Pick<DataTransfer, 'getData'> {
  return { getData: (type: string) => data[type] ?? '' };
}

/** Pastes into an empty article (or after `before`, in the same paragraph) the way the plugin does. */
function paste(data: Record<string, string>, before = ''): SerializedEditorState {
  const editor = newArticleEditor();
  editor.update(
    () => {
      const paragraph = $createParagraphNode();
      if (before) paragraph.append($createTextNode(before));
      $getRoot().clear().append(paragraph);
      paragraph.selectEnd();
      $insertCleanHtml(editor, cleanClipboardData(clipboard(data)), $getSelection()!);
    },
    { discrete: true },
  );
  return editor.getEditorState().toJSON();
}

type Node = LexicalNode & { tag?: string; listType?: string; url?: string; format?: number };

/** A compact outline of a body: block types with their tag or list type, text with its format bits. */
function outline(node: Node): unknown {
  if (node.type === 'text') return node.format ? `${node.text}#${node.format}` : node.text;
  if (node.type === 'linebreak') return '↵';
  const label = [node.type, node.listType ?? node.tag ?? node.url].filter(Boolean).join(' ');
  return { [label]: (node.children ?? []).map((child) => outline(child as Node)) };
}

const outlineOf = (state: SerializedEditorState) => (state.root.children as Node[]).map(outline);

const BOLD = 1;
const ITALIC = 2;
const STRIKE = 4;
const UNDERLINE = 8;
const CODE = 16;
const SUPERSCRIPT = 64;

describe('pasted content as the article body', () => {
  it.each([
    ['Word', { 'text/html': word, 'text/plain': 'Banjir Rendam Tiga Kecamatan di Kutai Kartanegara' }],
    ['Google Docs', { 'text/html': googleDocs, 'text/plain': 'Erau Adat Kutai 2026 Resmi Dibuka di Tenggarong' }],
    ['a web page', { 'text/html': webPage, 'text/plain': 'Upaya Pemkab Kukar' }],
    ['WhatsApp', { 'text/plain': whatsapp }],
  ])('from %s passes the backend’s document check', (_source, data) => {
    const state = paste(data);
    expect(LexicalDocumentSchema.safeParse(state).error?.issues ?? []).toEqual([]);
  });

  it('with lists nested 200 deep still passes the document check (the nesting is bounded)', () => {
    const html = '<ul><li>Kukar'.repeat(200) + '</li></ul>'.repeat(200);
    expect(LexicalDocumentSchema.safeParse(paste({ 'text/html': html })).error?.issues ?? []).toEqual([]);
  });

  it('from Word becomes headings, real nested lists, formats and a link', () => {
    const body = outlineOf(paste({ 'text/html': word }));
    expect(body[0]).toEqual({ 'heading h2': ['Banjir Rendam Tiga Kecamatan di Kutai Kartanegara'] });
    expect(body[1]).toMatchObject({ paragraph: [`TENGGARONG#${BOLD}`, expect.stringContaining('Sungai Mahakam')] });
    expect(body[2]).toMatchObject({ paragraph: expect.arrayContaining([`Ahmad Rizal#${ITALIC}`, `sudah menyiagakan#${UNDERLINE}`]) });
    expect(body[4]).toEqual({
      'list bullet': [
        { listitem: ['Kecamatan Tenggarong'] },
        { listitem: [{ 'list bullet': [{ listitem: ['Kelurahan Timbau'] }, { listitem: ['Kelurahan Melayu'] }] }] },
        { listitem: ['Kecamatan Loa Kulu'] },
        { listitem: ['Kecamatan Tenggarong Seberang'] },
      ],
    });
    expect(body[6]).toMatchObject({ 'list number': [{ listitem: ['Matikan aliran listrik sebelum meninggalkan rumah.'] }, expect.anything(), expect.anything()] });
    expect(body[7]).toMatchObject({
      paragraph: expect.arrayContaining([`Stadion Rondong Demang#${STRIKE}`, { 'link https://bpbd.kukarkab.go.id/informasi/banjir-2026': ['BPBD Kukar'] }]),
    });
    expect(body).toHaveLength(8);
  });

  it('keeps the non-breaking space between a number and its unit', () => {
    const state = JSON.stringify(paste({ 'text/html': word }));
    expect(state).toContain('80\u00a0cm');
    expect(state).not.toMatch(/\u00a0\u00a0|\u00a0 | \u00a0/);
  });

  it('from WhatsApp becomes paragraphs with bold, italic, strikethrough and code', () => {
    expect(outlineOf(paste({ 'text/plain': whatsapp }))).toEqual([
      { paragraph: [`INFO BPBD KUKAR#${BOLD}`] },
      { paragraph: ['Senin, 24 November 2026 pukul 07.00 WITA, tinggi muka air Sungai Mahakam di Tenggarong berstatus ', `Siaga II#${ITALIC}`, '.'] },
      {
        paragraph: [
          'Warga Kelurahan Timbau dan Melayu diminta ',
          `menunggu#${STRIKE}`,
          ' segera mengungsi ke Gedung Serbaguna.',
          '↵',
          'Kontak posko: 0812-5555-0192 (Pak Hendra)',
        ],
      },
      { paragraph: ['Petugas dibagi dengan pola piket 5*3*2, laporan dikirim sebagai laporan_banjir_kukar.pdf dengan kode ', `BJR-KKR-2411#${CODE}`] },
    ]);
  });

  it('pasted in the middle of a paragraph, one line of text joins that paragraph', () => {
    expect(outlineOf(paste({ 'text/plain': 'di *Tenggarong*' }, 'Banjir '))).toEqual([{ paragraph: ['Banjir di ', `Tenggarong#${BOLD}`] }]);
  });

  it('keeps quotes, dividers, line breaks and superscript', () => {
    const html = '<blockquote><p>Air naik <b>cepat</b>.</p></blockquote><hr><p>Luas 76 km<sup>2</sup><br>di Tenggarong</p>';
    expect(outlineOf(paste({ 'text/html': html }))).toEqual([
      { quote: ['Air naik ', `cepat#${BOLD}`, '.'] },
      { horizontalrule: [] },
      { paragraph: ['Luas 76 km', `2#${SUPERSCRIPT}`, '↵', 'di Tenggarong'] },
    ]);
  });

  it('prefers the HTML, and falls back to the text when the HTML holds nothing for an article', () => {
    expect(outlineOf(paste({ 'text/html': '<p><b>Tebal</b></p>', 'text/plain': 'Tebal' }))).toEqual([{ paragraph: [`Tebal#${BOLD}`] }]);
    expect(outlineOf(paste({ 'text/html': '<img src="https://portal.example.id/foto.jpg">', 'text/plain': 'Foto banjir' }))).toEqual([{ paragraph: ['Foto banjir'] }]);
  });

  it('inserts nothing for an image pasted as HTML without text (photos come in through the photo import)', () => {
    expect(outlineOf(paste({ 'text/html': '<img src="https://portal.example.id/foto.jpg" alt="Banjir">' }))).toEqual([{ paragraph: [] }]);
  });
});

describe('leftOutOfPaste', () => {
  it('notices the pictures a paste had, so the person can be told (tables are kept)', () => {
    expect(leftOutOfPaste(clipboard({ 'text/html': '<p>Teks</p><img src="x.jpg"><table><tr><td>a</td></tr></table>' }))).toEqual({ images: true });
    expect(leftOutOfPaste(clipboard({ 'text/html': '<p>Teks <IMG/src=x></p>' }))).toEqual({ images: true });
    expect(leftOutOfPaste(clipboard({ 'text/html': '<p>Tabel dan gambar: kata saja, <imgx> bukan tag</p>', 'text/plain': '<table>' }))).toEqual({ images: false });
    expect(leftOutOfPaste(clipboard({ 'text/plain': 'Teks biasa' }))).toEqual({ images: false });
  });
});
