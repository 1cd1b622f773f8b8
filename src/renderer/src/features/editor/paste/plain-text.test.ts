// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import whatsapp from '../../../../../../test-support/clipboard/whatsapp.txt?raw';
import { plainTextToHtml } from './plain-text';

describe('plain text from WhatsApp', () => {
  it('turns paired markers into formats, blank lines into paragraphs and leaves lookalikes as typed', () => {
    expect(plainTextToHtml(whatsapp).split(/(?<=<\/p>)/)).toEqual([
      '<p><strong>INFO BPBD KUKAR</strong></p>',
      '<p>Senin, 24 November 2026 pukul 07.00 WITA, tinggi muka air Sungai Mahakam di Tenggarong berstatus <em>Siaga II</em>.</p>',
      '<p>Warga Kelurahan Timbau dan Melayu diminta <s>menunggu</s> segera mengungsi ke Gedung Serbaguna.<br>Kontak posko: 0812-5555-0192 (Pak Hendra)</p>',
      '<p>Petugas dibagi dengan pola piket 5*3*2, laporan dikirim sebagai laporan_banjir_kukar.pdf dengan kode <code>BJR-KKR-2411</code></p>',
    ]);
  });

  it.each([
    ['5*3*2', '5*3*2'],
    ['nama_file_baru.docx', 'nama_file_baru.docx'],
    ['2 * 3 * 4', '2 * 3 * 4'],
    ['* poin pertama', '* poin pertama'],
    ['**tebal markdown**', '**tebal markdown**'],
    ['*belum ditutup', '*belum ditutup'],
    ['*tebal*nya', '*tebal*nya'],
    ['~ 5 km ~', '~ 5 km ~'],
    ['https://kukarkab.go.id/berita_utama_hari_ini', 'https://kukarkab.go.id/berita_utama_hari_ini'],
  ])('leaves %j as typed', (text, expected) => {
    expect(plainTextToHtml(text)).toBe(`<p>${expected}</p>`);
  });

  it.each([
    ['*Tenggarong*', '<strong>Tenggarong</strong>'],
    ['(_siaga II_)', '(<em>siaga II</em>)'],
    ['*Catatan:* harga naik', '<strong>Catatan:</strong> harga naik'],
    ['*_tebal miring_*', '<strong><em>tebal miring</em></strong>'],
    ['~Senin~ Selasa', '<s>Senin</s> Selasa'],
    ['kode ```*bukan_tebal*```', 'kode <code>*bukan_tebal*</code>'],
  ])('formats %j', (text, expected) => {
    expect(plainTextToHtml(text)).toBe(`<p>${expected}</p>`);
  });

  it('does not pair markers across lines', () => {
    expect(plainTextToHtml('*awal\nakhir*')).toBe('<p>*awal</p><p>akhir*</p>');
  });
});

describe('plain text', () => {
  it('without blank lines: one paragraph per line, as Lexical pastes plain text', () => {
    expect(plainTextToHtml('Satu\nDua\r\nTiga')).toBe('<p>Satu</p><p>Dua</p><p>Tiga</p>');
  });

  it('with blank lines: they separate paragraphs, single newlines stay line breaks', () => {
    expect(plainTextToHtml('Judul rilis\nBagian Humas\n\n\n  \nIsi rilis.\n')).toBe('<p>Judul rilis<br>Bagian Humas</p><p>Isi rilis.</p>');
  });

  it('escapes what looks like HTML: it is text', () => {
    expect(plainTextToHtml('<script>alert("x")</script> & <b>')).toBe('<p>&lt;script&gt;alert("x")&lt;/script&gt; &amp; &lt;b&gt;</p>');
  });

  it('collapses runs of spaces and tabs and leaves dates and numbers alone', () => {
    expect(plainTextToHtml('Senin\u00a0\u00a0(24/11/2026)\t\tpukul 07.00 WITA,\u00a0Rp\u00a05.000')).toBe('<p>Senin (24/11/2026) pukul 07.00 WITA,&nbsp;Rp&nbsp;5.000</p>');
  });

  it('is empty for whitespace only', () => {
    expect(plainTextToHtml(' \n\u00a0\n')).toBe('');
  });
});
