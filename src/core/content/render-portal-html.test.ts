import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../shared/errors';
import type { LexicalDocument, LexicalNode } from '../../shared/lexical-document';
import { rejectionOf } from '../../../test-support/errors';
import { BOLD, ITALIC, PHOTO_BANJIR, PHOTO_RAPAT, STRIKETHROUGH, UNDERLINE, portalMedia, sampleArticle } from '../../../test-support/portal-article';
import { printedCredit, canonicalCredit, splitCaptionText } from './credit';
import {
  documentOf,
  headingNode,
  horizontalRuleNode,
  imageNode,
  linebreakNode,
  linkNode,
  listItemNode,
  listNode,
  paragraphNode,
  quoteNode,
  textNode as t,
} from './lexical-nodes';
import { sanitizePortalHtml } from './portal-sanitizer';
import { renderPortalHtml, type PortalMedia } from './render-portal-html';

// The real sanitiser, recorded: what the renderer hands it is compared with what comes out.
vi.mock('./portal-sanitizer', async (importOriginal) => {
  const real = await importOriginal<typeof import('./portal-sanitizer')>();
  return { ...real, sanitizePortalHtml: vi.fn(real.sanitizePortalHtml) };
});

/** The AppError a synchronous call throws (through the shared helper for promises). */
const thrown = (run: () => unknown): Promise<AppError> => rejectionOf(new Promise((resolve) => resolve(run())));

const SITE = { siteUrl: 'https://kukarnews.test/' };
const p = (...children: LexicalNode[]): LexicalNode => paragraphNode(children);
/** The HTML inside the block delimiters, blocks run together: what most tests here are about. */
const inner = (html: string): string => html.replace(/\n?<!-- \/?wp:[^>]*?-->\n?/g, '');
const render = (...blocks: LexicalNode[]): string => inner(renderPortalHtml(documentOf(blocks), portalMedia, SITE));

function photo(caption: string, credit: string, altText = 'Warga di tepi sungai'): LexicalNode {
  return imageNode({ mediaId: PHOTO_BANJIR, altText, caption, credit });
}

const SAMPLE_HTML = [
  '<!-- wp:paragraph -->',
  '<p><strong>TENGGARONG –</strong> Pemerintah Republik Indonesia melalui Surat Keputusan Bersama (SKB) Nomor 2 Tahun 2022 mengatur netralitas Aparatur Sipil Negara (ASN) dalam <em>Pemilu 2024</em>.</p>',
  '<!-- /wp:paragraph -->',
  '',
  '<!-- wp:image {"id":812,"sizeSlug":"large","linkDestination":"none"} -->',
  '<figure class="wp-block-image size-large"><img src="https://kukarnews.test/wp-content/uploads/2025/11/banjir-tenggarong-redaksi-3f1c2a9e5b7d4c1a9e2f8a6b.jpg" alt="Warga menyeberangi Jalan Mulawarman yang tergenang banjir" class="wp-image-812" /><figcaption class="wp-element-caption">Banjir di Tenggarong, Senin (3/11/2025). <span class="credit">(Foto: Andi/Redaksi)</span></figcaption></figure>',
  '<!-- /wp:image -->',
  '',
  '<!-- wp:paragraph -->',
  '<p>SKB ditandatangani 5 pimpinan kementerian/lembaga yakni Kemendagri, Bawaslu, Kemenpan RB, KASN dan BKN. Salah satu poin pentingnya adalah larangan memberikan “like” di unggahan peserta <a href="https://kukarnews.test/tag/pemilu-2024/">Pemilu 2024</a>, baik capres maupun caleg.</p>',
  '<!-- /wp:paragraph -->',
  '',
  '<!-- wp:quote -->',
  '<blockquote class="wp-block-quote"><!-- wp:paragraph -->',
  '<p>“Ya betul (ASN dilarang like hingga comment di medsos peserta Pemilu 2024),”<br />tegas Kepala Biro Data, Komunikasi dan Informasi Publik Kemenpan RB, M Averrouce, Senin (25/09/2023).</p>',
  '<!-- /wp:paragraph --></blockquote>',
  '<!-- /wp:quote -->',
  '',
  '<!-- wp:heading -->',
  '<h2 class="wp-block-heading">Larangan bagi ASN</h2>',
  '<!-- /wp:heading -->',
  '',
  '<!-- wp:paragraph -->',
  '<p>(Larangan) Mengunggah pada media sosial/media lain yang dapat diakses publik, foto bersama dengan:</p>',
  '<!-- /wp:paragraph -->',
  '',
  '<!-- wp:list -->',
  '<ul class="wp-block-list"><!-- wp:list-item -->',
  '<li>Bakal Calon Presiden/Wakil Presiden/DPR/DPD/DPRD/Gubernur/Wakil Gubernur/Bupati/Wakil Bupati.</li>',
  '<!-- /wp:list-item -->',
  '',
  '<!-- wp:list-item -->',
  '<li>Tim sukses dengan menunjukkan <strong><u>simbol keberpihakan</u></strong> atau memakai atribut partai politik.<!-- wp:list -->',
  '<ul class="wp-block-list"><!-- wp:list-item -->',
  '<li>termasuk latar belakang foto (gambar) partai politik</li>',
  '<!-- /wp:list-item --></ul>',
  '<!-- /wp:list --></li>',
  '<!-- /wp:list-item -->',
  '',
  '<!-- wp:list-item -->',
  '<li>Aturan lama <s>tidak berlaku lagi</s>.</li>',
  '<!-- /wp:list-item --></ul>',
  '<!-- /wp:list -->',
  '',
  '<!-- wp:heading {"level":3} -->',
  '<h3 class="wp-block-heading">Langkah berikutnya</h3>',
  '<!-- /wp:heading -->',
  '',
  '<!-- wp:list {"ordered":true} -->',
  '<ol class="wp-block-list"><!-- wp:list-item -->',
  '<li>Sosialisasi ke seluruh OPD.</li>',
  '<!-- /wp:list-item -->',
  '',
  '<!-- wp:list-item -->',
  '<li>Pengawasan oleh Bawaslu Kukar.</li>',
  '<!-- /wp:list-item --></ol>',
  '<!-- /wp:list -->',
  '',
  '<!-- wp:image {"id":813,"sizeSlug":"large","linkDestination":"none"} -->',
  '<figure class="wp-block-image size-large"><img src="https://kukarnews.test/wp-content/uploads/2025/11/rapat-asn-redaksi-7a0d6c3b2e4f4a1b8c9d0e1f.jpg" alt="Rapat koordinasi netralitas ASN" class="wp-image-813" /><figcaption class="wp-element-caption"><span class="credit">(Dok. Humas Kukar)</span></figcaption></figure>',
  '<!-- /wp:image -->',
  '',
  '<!-- wp:paragraph -->',
  '<p>Pertanyaan dapat dikirim ke <a href="mailto:redaksi@kukarnews.test">redaksi@kukarnews.test</a>. <em>(ads/rdk)</em></p>',
  '<!-- /wp:paragraph -->',
  '',
  '<!-- wp:separator -->',
  '<hr class="wp-block-separator has-alpha-channel-opacity" />',
  '<!-- /wp:separator -->',
  '',
  '<!-- wp:heading {"level":4} -->',
  '<h4 class="wp-block-heading">Baca Lainnya</h4>',
  '<!-- /wp:heading -->',
  '',
  '<!-- wp:list -->',
  '<ul class="wp-block-list"><!-- wp:list-item -->',
  '<li><a href="https://kukarnews.test/dukung-festival-kesenian-gandrung/">Dukung Kegiatan Festival Kesenian Gandrung, Rendi Solihin Ingin Kebudayaan Nusantara di Kukar Terus Terbangun</a></li>',
  '<!-- /wp:list-item -->',
  '',
  '<!-- wp:list-item -->',
  '<li><a href="https://samarindapos.test/lowongan-direksi-perumdam/" rel="noopener">Pemkot Samarinda Buka Lowongan Dua Jabatan Direksi dan Dewas Perumdam Tirta Kencana</a></li>',
  '<!-- /wp:list-item -->',
  '',
  '<!-- wp:list-item -->',
  '<li><a href="https://kukarnews.test/bmkg-cuaca-ekstrem-pancaroba/">Potensi Cuaca Ekstrem Pada Masa Pancaroba, BMKG Minta Masyarakat Waspada</a></li>',
  '<!-- /wp:list-item --></ul>',
  '<!-- /wp:list -->',
].join('\n');

describe('renderPortalHtml: the sample article', () => {
  it('renders dateline, photos with caption and credit, quote, lists and "Baca Lainnya" as the block editor saves them', () => {
    expect(renderPortalHtml(sampleArticle(), portalMedia, SITE)).toBe(SAMPLE_HTML);
  });

  it('is deterministic: same body, same bytes, whatever the key order of the JSON', () => {
    const reordered = JSON.parse(JSON.stringify(sampleArticle()), (_key, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).reverse()) : value,
    ) as LexicalDocument;
    expect(renderPortalHtml(sampleArticle(), portalMedia, SITE)).toBe(renderPortalHtml(sampleArticle(), portalMedia, SITE));
    expect(renderPortalHtml(reordered, portalMedia, SITE)).toBe(SAMPLE_HTML);
  });

  it('emits only what the sanitiser allows: the second wall changes nothing in correct output', () => {
    const spy = vi.mocked(sanitizePortalHtml);
    spy.mockClear();
    const html = renderPortalHtml(sampleArticle(), portalMedia, SITE);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.results[0]!.value).toBe(spy.mock.calls[0]![0]);
    expect(html).not.toContain('redaksi-mark');
  });
});

describe('renderPortalHtml: text', () => {
  it('maps every kept format bit to its tag in a fixed order and drops the others (code, sub, highlight)', () => {
    expect(render(p(t('a', BOLD), t('b', ITALIC), t('c', UNDERLINE), t('d', STRIKETHROUGH)))).toBe('<p><strong>a</strong><em>b</em><u>c</u><s>d</s></p>');
    expect(render(p(t('semua', BOLD | ITALIC | UNDERLINE | STRIKETHROUGH)))).toBe('<p><strong><em><u><s>semua</s></u></em></strong></p>');
    expect(render(p(t('kode', 16), t(' m', 0), t('2', 64), t(' stabilo', 128 | BOLD)))).toBe('<p>kode m2<strong> stabilo</strong></p>');
  });

  it('escapes markup characters in text and keeps entities literal', () => {
    expect(render(p(t('<script>alert("x")</script> & &amp; \'kutip\' > <')))).toBe(
      '<p>&lt;script&gt;alert("x")&lt;/script&gt; &amp; &amp;amp; \'kutip\' &gt; &lt;</p>',
    );
  });

  it('collapses whitespace as a browser shows it, keeps non-breaking spaces, removes control characters', () => {
    expect(render(p(t('  Rabu,\n\n(5/11)\t pukul '), t(' 10.00', BOLD), t(' WITA  ')))).toBe('<p>Rabu, (5/11) pukul <strong>10.00</strong> WITA</p>');
    expect(render(p(t('Rp\u00a05.000\u0000\u0007')))).toBe('<p>Rp\u00a05.000</p>');
  });

  it('renders line breaks and tabs, but not at the edges of a paragraph', () => {
    expect(render(p(linebreakNode(), t('baris satu '), linebreakNode(), t(' baris dua'), { type: 'tab', version: 1, text: '\t' }, t('x'), linebreakNode()))).toBe(
      '<p>baris satu<br />baris dua x</p>',
    );
  });

  it('drops empty paragraphs (Lexical keeps them for spacing; the portal does its own)', () => {
    expect(render(p(), p(t('   ')), p(linebreakNode()), p(t('isi')))).toBe('<p>isi</p>');
  });
});

describe('renderPortalHtml: blocks', () => {
  it('renders headings h2-h4; h1 becomes h2 (the title is the page h1), h5 and h6 become h4', () => {
    const heading = (tag: string): LexicalNode => ({ ...headingNode('h2', [t(tag)]), tag });
    expect(render(...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map(heading))).toBe(['h2>h1', 'h2>h2', 'h3>h3', 'h4>h4', 'h4>h5', 'h4>h6'].map((h) => `<${h.replace('>', ' class="wp-block-heading">')}</${h.slice(0, 2)}>`).join(''));
  });

  it('renders a quote as a blockquote with a paragraph, and drops an empty one', () => {
    expect(render(quoteNode([t('kata dia')]), quoteNode([]))).toBe('<blockquote class="wp-block-quote"><p>kata dia</p></blockquote>');
  });

  it('renders ordered lists with their start, check lists as bullets, and skips empty items', () => {
    const items = [listItemNode([t('satu')], 1), listItemNode([], 2), listItemNode([t('dua')], 3)];
    expect(render(listNode('number', items, 4))).toBe('<ol start="4" class="wp-block-list"><li>satu</li><li>dua</li></ol>');
    expect(render({ ...listNode('bullet', items), listType: 'check' })).toBe('<ul class="wp-block-list"><li>satu</li><li>dua</li></ul>');
    expect(render(listNode('bullet', [listItemNode([], 1)]))).toBe('');
  });

  it('folds Lexical nested lists into the parent item, at any depth, also when the first item is nested', () => {
    const nested = (depth: number): LexicalNode =>
      listNode('bullet', [listItemNode([t(`level ${depth}`)], 1), ...(depth < 3 ? [listItemNode([nested(depth + 1)], 2)] : [])]);
    expect(render(nested(1))).toBe('<ul class="wp-block-list"><li>level 1<ul class="wp-block-list"><li>level 2<ul class="wp-block-list"><li>level 3</li></ul></li></ul></li></ul>');
    expect(render(listNode('number', [listItemNode([listNode('bullet', [listItemNode([t('dalam')], 1)])], 1), listItemNode([t('luar')], 1)]))).toBe(
      '<ol class="wp-block-list"><li><ul class="wp-block-list"><li>dalam</li></ul></li><li>luar</li></ol>',
    );
  });

  it('renders a horizontal rule', () => {
    expect(render(p(t('a')), horizontalRuleNode(), p(t('b')))).toBe('<p>a</p><hr class="wp-block-separator has-alpha-channel-opacity" /><p>b</p>');
  });

  it('splits a paragraph around a block inside it instead of nesting a figure in a <p>', () => {
    expect(render(p(t('sebelum'), photo('', ''), t('sesudah')))).toBe(
      `<p>sebelum</p><figure class="wp-block-image size-large"><img src="${portalMedia(PHOTO_BANJIR)!.url}" alt="Warga di tepi sungai" class="wp-image-812" /></figure><p>sesudah</p>`,
    );
  });
});

describe('renderPortalHtml: links', () => {
  it('keeps http(s) and mailto links; external ones get rel="noopener", the portal\'s own do not', () => {
    expect(
      render(
        p(
          linkNode('https://kukarnews.test/a', [t('dalam')]),
          t(' '),
          linkNode('https://www.kukarnews.test/b', [t('www')]),
          t(' '),
          linkNode('http://kaltim.test/c', [t('luar')]),
          t(' '),
          linkNode('mailto:redaksi@kukarnews.test', [t('surel')]),
        ),
      ),
    ).toBe('<p><a href="https://kukarnews.test/a">dalam</a> <a href="https://www.kukarnews.test/b">www</a> <a href="http://kaltim.test/c" rel="noopener">luar</a> <a href="mailto:redaksi@kukarnews.test">surel</a></p>');
  });

  it('treats every http(s) link as external when the portal address is not given', () => {
    expect(inner(renderPortalHtml(documentOf([p(linkNode('https://kukarnews.test/a', [t('a')]))]), portalMedia))).toBe('<p><a href="https://kukarnews.test/a" rel="noopener">a</a></p>');
  });

  it('escapes and normalises the URL, and keeps formatting and line breaks inside the link', () => {
    expect(render(p(linkNode('https://kaltim.test/cari?q="a b"&x=<1>', [t('cari', BOLD), linebreakNode(), t('lagi')])))).toBe(
      '<p><a href="https://kaltim.test/cari?q=%22a%20b%22&amp;x=%3C1%3E" rel="noopener"><strong>cari</strong><br />lagi</a></p>',
    );
  });

  it('keeps the outer link of nested links (HTML cannot nest them) and autolinks like links', () => {
    expect(render(p(linkNode('https://a.test/', [t('a '), linkNode('https://b.test/', [t('b')])]), t(' '), { ...linkNode('https://c.test/', [t('c')]), type: 'autolink' }))).toBe(
      '<p><a href="https://a.test/" rel="noopener">a b</a> <a href="https://c.test/" rel="noopener">c</a></p>',
    );
  });

  it('refuses a body with a javascript: link (the body check), never renders it', async () => {
    const err = await thrown(() => render(p(linkNode('javascript:alert(1)', [t('klik')]))));
    expect(err).toMatchObject({ kind: 'validation', code: 'content.invalidBody' });
  });
});

describe('renderPortalHtml: photos', () => {
  const figure = (figcaption: string): string =>
    `<figure class="wp-block-image size-large"><img src="${portalMedia(PHOTO_BANJIR)!.url}" alt="Warga di tepi sungai" class="wp-image-812" />${figcaption}</figure>`;

  it('prints caption and credit in one figcaption, the credit labelled and in parentheses', () => {
    expect(render(photo('Banjir di Tenggarong, Senin (3/11/2025).', 'Andi/Redaksi'))).toBe(
      figure('<figcaption class="wp-element-caption">Banjir di Tenggarong, Senin (3/11/2025). <span class="credit">(Foto: Andi/Redaksi)</span></figcaption>'),
    );
  });

  it('has a figcaption with only the caption, or only the credit, and none when both are empty', () => {
    expect(render(photo('Banjir.', ''))).toBe(figure('<figcaption class="wp-element-caption">Banjir.</figcaption>'));
    expect(render(photo('', 'Andi'))).toBe(figure('<figcaption class="wp-element-caption"><span class="credit">(Foto: Andi)</span></figcaption>'));
    expect(render(photo('  ', ' \n '))).toBe(figure(''));
  });

  it('writes the core/image block as the block editor saves it: attachment id and size, no width or height', () => {
    const media = (): PortalMedia => ({ remoteId: 9, url: 'https://kukarnews.test/a.jpg', width: 800, height: 600 });
    expect(renderPortalHtml(documentOf([photo('', '', '')]), media)).toBe(
      '<!-- wp:image {"id":9,"sizeSlug":"large","linkDestination":"none"} -->\n<figure class="wp-block-image size-large"><img src="https://kukarnews.test/a.jpg" alt="" class="wp-image-9" /></figure>\n<!-- /wp:image -->',
    );
  });

  it('escapes quotes and markup in alt, caption and credit', () => {
    expect(render(photo('"Kata" <b>dia</b> & kami', 'A"B <i>', 'x" onerror="alert(1)'))).toBe(
      `<figure class="wp-block-image size-large"><img src="${portalMedia(PHOTO_BANJIR)!.url}" alt="x&quot; onerror=&quot;alert(1)" class="wp-image-812" /><figcaption class="wp-element-caption">"Kata" &lt;b&gt;dia&lt;/b&gt; &amp; kami <span class="credit">(Foto: A"B &lt;i&gt;)</span></figcaption></figure>`,
    );
  });

  it('throws a validation error for a photo not uploaded to the portal, naming it', async () => {
    const err = await thrown(() => renderPortalHtml(sampleArticle(), (id) => (id === PHOTO_RAPAT ? undefined : portalMedia(id))));
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ kind: 'validation', code: 'content.mediaNotUploaded', params: { mediaId: PHOTO_RAPAT }, retryable: false });
  });

  it('throws for portal media without a usable id or with a non-http(s) address', async () => {
    for (const media of [
      { remoteId: 0, url: 'https://kukarnews.test/a.jpg' },
      { remoteId: 1.5, url: 'https://kukarnews.test/a.jpg' },
      { remoteId: 3, url: 'javascript:alert(1)' },
      { remoteId: 3, url: 'data:image/png;base64,AAAA' },
      { remoteId: 3, url: '/wp-content/uploads/a.jpg' },
    ]) {
      expect(await thrown(() => renderPortalHtml(documentOf([photo('', '')]), () => media))).toMatchObject({ code: 'content.mediaInvalid' });
    }
  });
});

describe('printedCredit / canonicalCredit / splitCaptionText', () => {
  it('adds "Foto:" unless the credit names its own kind, and never doubles it', () => {
    expect(printedCredit('Andi/Redaksi')).toBe('(Foto: Andi/Redaksi)');
    expect(printedCredit('Foto: Andi/Redaksi')).toBe('(Foto: Andi/Redaksi)');
    expect(printedCredit('(Foto: Andi)')).toBe('(Foto: Andi)');
    expect(printedCredit('Dok. Humas Kukar')).toBe('(Dok. Humas Kukar)');
    expect(printedCredit('Istimewa')).toBe('(Istimewa)');
    expect(printedCredit('Istana Kepresidenan')).toBe('(Foto: Istana Kepresidenan)');
    expect(printedCredit('Sumber: BMKG')).toBe('(Sumber: BMKG)');
    expect(printedCredit(' Foto: ')).toBe('');
  });

  it('reads the credit back as the editor field holds it', () => {
    expect(canonicalCredit('(Foto: Andi/Redaksi)')).toBe('Andi/Redaksi');
    expect(canonicalCredit('(Dok. Humas Kukar)')).toBe('Dok. Humas Kukar');
    expect(canonicalCredit('(Dok) Humas (Kukar)')).toBe('(Dok) Humas (Kukar)');
    expect(canonicalCredit(printedCredit('Andi (Redaksi)'))).toBe('Andi (Redaksi)');
  });

  it('finds a hand-typed credit at the end of a caption', () => {
    expect(splitCaptionText('Banjir di Tenggarong, Senin (3/11/2025). (Foto: Andi/Redaksi)')).toEqual({ caption: 'Banjir di Tenggarong, Senin (3/11/2025).', credit: 'Andi/Redaksi' });
    expect(splitCaptionText('Rapat di kantor bupati. Foto: Rina')).toEqual({ caption: 'Rapat di kantor bupati.', credit: 'Rina' });
    expect(splitCaptionText('(Dok. Humas)')).toEqual({ caption: '', credit: 'Dok. Humas' });
    expect(splitCaptionText('Senin (3/11/2025)')).toEqual({ caption: 'Senin (3/11/2025)', credit: '' });
    expect(splitCaptionText('Pasar pagi. (Foto: Andi (Redaksi))')).toEqual({ caption: 'Pasar pagi.', credit: 'Andi (Redaksi)' });
  });
});
