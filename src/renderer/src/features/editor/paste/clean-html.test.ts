// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import googleDocs from '../../../../../../test-support/clipboard/google-docs.html?raw';
import webPage from '../../../../../../test-support/clipboard/web-page.html?raw';
import word from '../../../../../../test-support/clipboard/word.html?raw';
import { cleanPastedHtml } from './clean-html';
import { keepHappyDomOffline } from './testing';

keepHappyDomOffline();

/** The clean HTML as its top-level blocks, for readable expectations. */
function blocks(html: string): string[] {
  const parts = cleanPastedHtml(html).split(/(?<=<\/(?:p|h2|h3|h4|blockquote|ul|ol)>|<hr>)(?=<)/);
  const out: string[] = [];
  let depth = 0; // of lists: a nested list's end is not a block's end
  for (const part of parts) {
    if (depth > 0) out[out.length - 1] += part;
    else out.push(part);
    depth += (part.match(/<(ul|ol)\b/g) ?? []).length - (part.match(/<\/(ul|ol)>/g) ?? []).length;
  }
  return out;
}

describe('paste from Microsoft Word', () => {
  const cleaned = cleanPastedHtml(word);

  it('keeps headings, formats, the link and turns the fake lists into real, nested lists', () => {
    expect(blocks(word)).toEqual([
      '<h2>Banjir Rendam Tiga Kecamatan di Kutai Kartanegara</h2>',
      '<p><strong>TENGGARONG</strong> – Hujan deras yang mengguyur sejak Minggu (23/11/2026) malam membuat Sungai Mahakam meluap dan merendam permukiman di tiga kecamatan di Kabupaten Kutai Kartanegara (Kukar). Ratusan rumah warga tergenang.</p>',
      '<p>Kepala Pelaksana BPBD Kukar, <em>Ahmad Rizal</em>, mengatakan ketinggian air mencapai 80&nbsp;cm di beberapa titik pada Senin (24/11/2026) pukul 06.30 WITA. “Kami <u>sudah menyiagakan</u> perahu karet di setiap kelurahan,” ujarnya.</p>',
      '<h2>Wilayah Terdampak</h2>',
      '<ul><li>Kecamatan Tenggarong<ul><li>Kelurahan Timbau</li><li>Kelurahan Melayu</li></ul></li><li>Kecamatan Loa Kulu</li><li>Kecamatan Tenggarong Seberang</li></ul>',
      '<p>Warga diminta melakukan langkah berikut:</p>',
      '<ol><li>Matikan aliran listrik sebelum meninggalkan rumah.</li><li>Simpan dokumen penting di tempat yang <strong>tinggi dan kering</strong>.</li><li>Hubungi posko di nomor 0541-661234.</li></ol>',
      '<p>Posko pengungsian dipindahkan dari <s>Stadion Rondong Demang</s> ke Gedung Serbaguna Tenggarong. Informasi terkini dapat dipantau melalui laman resmi <a href="https://bpbd.kukarkab.go.id/informasi/banjir-2026">BPBD Kukar</a>.</p>',
    ]);
  });

  it('leaves nothing of Word’s markup: no mso styles, classes, <o:p>, bookmarks, conditional comments or list markers', () => {
    expect(cleaned).not.toMatch(/mso|class=|style=|<o:p|<span|<!--|<!\[|name=|·|Symbol/i);
  });
});

describe('paste from Google Docs', () => {
  it('drops the docs-internal-guid wrapper (it is not bold) and reads formats from the spans’ styles', () => {
    expect(blocks(googleDocs)).toEqual([
      '<h2>Erau Adat Kutai 2026 Resmi Dibuka di Tenggarong</h2>',
      '<p><strong>TENGGARONG</strong> – Festival <em>Erau Adat Pelas Benua</em> Kesultanan Kutai Kartanegara Ing Martadipura dibuka Sabtu (20/9/2026) di halaman Museum Mulawarman, Tenggarong. Ribuan warga memadati Jalan Diponegoro sejak pukul 07.00 WITA.</p>',
      '<p>Bupati Kukar menyebut rangkaian acara berlangsung delapan hari. Jadwal <s>Beseprah</s> digeser ke hari kelima, sedangkan <u>Belimbur</u> tetap menjadi penutup.</p>',
      '<h2>Rangkaian Acara</h2>',
      '<ul><li>Mendirikan Ayu<ul><li>di Keraton Kutai</li></ul></li><li><strong>Beseprah</strong> di Jalan Diponegoro</li></ul>',
      '<ol><li>Parkir di Stadion Rondong Demang</li><li>Naik angkutan gratis ke Museum Mulawarman</li></ol>',
      // The link's underline is how Docs draws links, not a format.
      '<p>Jadwal lengkap ada di <a href="https://kukarkab.go.id/erau-2026">laman Pemkab Kukar</a>.</p>',
    ]);
  });

  it('keeps no guid, style, dir, role or aria attribute', () => {
    expect(cleanPastedHtml(googleDocs)).not.toMatch(/docs-internal-guid|style=|dir=|role=|aria-|<b\b|<span/);
  });
});

describe('paste from a web page', () => {
  const cleaned = cleanPastedHtml(webPage);

  it('keeps the article’s words and safe links only', () => {
    expect(blocks(webPage)).toEqual([
      '<h2>Upaya Pemkab Kukar Kembalikan Pulau Kumala Sebagai Objek Wisata Andalan</h2>',
      '<p>19 Oktober 2023 - 02:41 WITA</p>',
      '<p>Bagikan</p>',
      '<p>Pulau Kumala di tengah Sungai Mahakam, Tenggarong.</p>',
      '<p><strong>TENGGARONG</strong> – Pemerintah Kabupaten Kutai Kartanegara (Kukar) berupaya mengembalikan Pulau Kumala sebagai objek wisata andalan. Kawasan seluas 76 hektare itu <em>sempat terbengkalai</em> sejak 2018.</p>',
      '<p>Menurut Kepala Dinas Pariwisata, revitalisasi dimulai dengan perbaikan jembatan penghubung.</p>',
      '<p>Baca juga: <a href="https://portal.example.id/2023/10/26/kukar-bershalawat-jilid-ii/">Bersiap Menggelar Kukar Bershalawat Jilid II</a></p>',
    ]);
  });

  it('drops scripts, styles, event handlers, javascript: links, images, iframes, buttons and hidden text', () => {
    expect(cleaned).not.toMatch(/<script|<style|<img|<iframe|<button|<noscript|\bon\w+=|javascript:|dataLayer|Salin tautan|Iklan tersembunyi|tracker/i);
  });
});

describe('clean-up rules', () => {
  it('collapses runs of non-breaking spaces to one normal space and keeps a single one between words', () => {
    expect(cleanPastedHtml('<p>&nbsp;&nbsp;Harga Rp&nbsp;15.000 per kilo.&nbsp;&nbsp; Naik&nbsp;&nbsp;&nbsp;lagi&nbsp;</p>')).toBe(
      '<p>Harga Rp&nbsp;15.000 per kilo. Naik lagi</p>',
    );
  });

  it('never leaves a non-breaking space at the start of a line', () => {
    expect(cleanPastedHtml('<p>Kontak:<br>&nbsp;0812-5555-0192</p>')).toBe('<p>Kontak:<br>0812-5555-0192</p>');
  });

  it('drops empty paragraphs, including ones holding only spaces, <br> or Word filler', () => {
    expect(cleanPastedHtml('<p>Satu</p><p>&nbsp;</p><p><br></p><p class=MsoNormal><o:p>&nbsp;</o:p></p><div> </div><br><p>Dua</p>')).toBe('<p>Satu</p><p>Dua</p>');
  });

  it('splits a paragraph at an empty line (two line breaks) and keeps a single line break', () => {
    expect(cleanPastedHtml('<div>Baris satu<br>baris dua<br><br>Paragraf baru<br></div>')).toBe('<p>Baris satu<br>baris dua</p><p>Paragraf baru</p>');
  });

  it('maps H1 to H2 and H5/H6 to H4 (the headline is the title field)', () => {
    expect(cleanPastedHtml('<h1>A</h1><h3>B</h3><h5>C</h5><h6>D</h6>')).toBe('<h2>A</h2><h3>B</h3><h4>C</h4><h4>D</h4>');
  });

  it('keeps http(s) and mailto links and leaves only the text of any other', () => {
    const html = [
      '<a href="https://kukarkab.go.id">a</a>',
      '<a href="mailto:redaksi@kukar.example">b</a>',
      '<a href="javascript:alert(1)">c</a>',
      '<a href=" JaVaScRiPt:alert(1)">d</a>',
      '<a href="data:text/html,x">e</a>',
      '<a href="/tag/kukar">f</a>',
      '<a name="_Toc1">g</a>',
    ].join(' ');
    expect(cleanPastedHtml(`<p>${html}</p>`)).toBe('<p><a href="https://kukarkab.go.id">a</a> <a href="mailto:redaksi@kukar.example">b</a> c d e f g</p>');
  });

  it('escapes text and attribute values it writes back', () => {
    expect(cleanPastedHtml('<p>1 &lt; 2 &amp; <a href="https://x.example/?a=1&amp;b=&quot;2&quot;">q</a></p>')).toBe(
      '<p>1 &lt; 2 &amp; <a href="https://x.example/?a=1&amp;b=&quot;2&quot;">q</a></p>',
    );
  });

  it('reads bold, italic, underline and strikethrough from tags and styles, and font-weight:normal undoes <b>', () => {
    expect(
      cleanPastedHtml(
        '<p><b>a</b> <strong style="font-weight:400">b</strong> <span style="font-weight:bold">c</span> <i>d</i> <span style="font-style:italic">e</span> <u>f</u> <del>g</del> <span style="text-decoration: underline line-through">h</span></p>',
      ),
    ).toBe('<p><strong>a</strong> b <strong>c</strong> <em>d</em> <em>e</em> <u>f</u> <s>g</s> <u><s>h</s></u></p>');
  });

  it('keeps a nested list Google Docs puts straight into its parent list, and a list’s start number', () => {
    expect(cleanPastedHtml('<ol start="4"><li>Empat</li><ol><li>Anak</li></ol><li>Lima</li></ol>')).toBe('<ol start="4"><li>Empat<ol><li>Anak</li></ol></li><li>Lima</li></ol>');
  });

  it('nests lists at most six deep: deeper items join the deepest list', () => {
    const nested = (depth: number): string => (depth === 0 ? '' : `<ul><li>Tingkat ${9 - depth}${nested(depth - 1)}</li></ul>`);
    const deepest = '<ul><li>Tingkat 6</li><li>Tingkat 7</li><li>Tingkat 8</li></ul>';
    expect(cleanPastedHtml(nested(8))).toBe('<ul><li>Tingkat 1<ul><li>Tingkat 2<ul><li>Tingkat 3<ul><li>Tingkat 4<ul><li>Tingkat 5' + deepest + '</li></ul></li></ul></li></ul></li></ul></li></ul>');
  });

  it('turns paragraphs inside a list item into lines of that item', () => {
    expect(cleanPastedHtml('<ul><li><p>Baris satu</p><p>Baris dua</p></li><li></li></ul>')).toBe('<ul><li>Baris satu<br>Baris dua</li></ul>');
  });

  it('keeps tables: header cells, inline formatting and links; a cell\'s paragraphs and list items as lines; no styling', () => {
    expect(cleanPastedHtml('<table><tr><td>Loa Kulu</td><td>120 KK</td></tr></table>')).toBe('<table><tr><td>Loa Kulu</td><td>120 KK</td></tr></table>');
    // Word: a styled grid with paragraphs in cells and a bold header row.
    expect(
      cleanPastedHtml(
        '<table class="MsoTableGrid" border="1" style="border-collapse:collapse"><thead><tr><th style="background:#ccc"><p class="MsoNormal"><b>Kecamatan</b></p></th><th>KK</th></tr></thead>' +
          '<tbody><tr><td><p>Loa Kulu</p><p>Desa Jembayan</p></td><td><span style="font-weight:bold">120</span></td></tr>' +
          '<tr style="display:none"><td>tersembunyi</td></tr><tr><td><a href="https://bpbd.test/data" onclick="x()">Sumber</a></td><td><ul><li>a</li><li>b</li></ul></td></tr></tbody></table>',
      ),
    ).toBe('<table><tr><th><strong>Kecamatan</strong></th><th>KK</th></tr><tr><td>Loa Kulu<br>Desa Jembayan</td><td><strong>120</strong></td></tr><tr><td><a href="https://bpbd.test/data">Sumber</a></td><td>a<br>b</td></tr></table>');
    expect(cleanPastedHtml('<table><tr></tr></table><p>sesudah</p>')).toBe('<p>sesudah</p>');
  });

  it('keeps the line breaks of preformatted text', () => {
    expect(cleanPastedHtml('<pre>Pukul 07.00  apel\nPukul 08.00  berangkat</pre>')).toBe('<p>Pukul 07.00 apel<br>Pukul 08.00 berangkat</p>');
  });

  it('starts a new Word list when numbers follow bullets at the same level, and keeps Word’s start number', () => {
    const item = (level: number, marker: string, text: string) =>
      `<p class=MsoListParagraph style='mso-list:l0 level${level} lfo1'><![if !supportLists]><span style='mso-list:Ignore'>${marker}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>${text}<o:p></o:p></p>`;
    expect(cleanPastedHtml(item(1, '·', 'Satu') + item(1, '3.', 'Tiga') + item(1, '4.', 'Empat'))).toBe('<ul><li>Satu</li></ul><ol start="3"><li>Tiga</li><li>Empat</li></ol>');
  });

  it('keeps two Word lists apart when a paragraph stands between them', () => {
    const item = (list: number, text: string) =>
      `<p class=MsoListParagraph style='mso-list:l${list} level1 lfo${list + 1}'><span style='mso-list:Ignore'>1.</span>${text}</p>`;
    expect(cleanPastedHtml(item(0, 'A') + '<p class=MsoNormal>Di antara</p>' + item(1, 'B'))).toBe('<ol><li>A</li></ol><p>Di antara</p><ol><li>B</li></ol>');
  });

  it('drops hidden text however it is hidden', () => {
    const hidden = ['<span style="display:none !important">a</span>', '<span style="visibility: hidden">b</span>', "<span style='mso-hide:all'>c</span>", '<span hidden>d</span>'];
    expect(cleanPastedHtml(`<p>Terlihat${hidden.join('')}</p>`)).toBe('<p>Terlihat</p>');
  });

  it('returns nothing for a paste that holds only an image or scripts', () => {
    expect(cleanPastedHtml('<img src="https://portal.example.id/foto.jpg" alt="Banjir">')).toBe('');
    expect(cleanPastedHtml('<script>alert(1)</script><style>p{}</style>')).toBe('');
  });
});
