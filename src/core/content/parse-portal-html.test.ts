import { createHeadlessEditor } from '@lexical/headless';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { DecoratorNode, type SerializedLexicalNode } from 'lexical';
import { describe, expect, it, vi } from 'vitest';
import { checkLexicalDocument, lexicalToPlainText, type LexicalDocument, type LexicalNode } from '../../shared/lexical-document';
import { rejectionOf } from '../../../test-support/errors';
import { BOLD, ITALIC, PHOTO_BANJIR, PHOTO_RAPAT, PORTAL_PHOTOS, STRIKETHROUGH, UNDERLINE, localMediaFor, longArticle, portalMedia, sampleArticle } from '../../../test-support/portal-article';
import {
  documentOf,
  headingNode,
  horizontalRuleNode,
  imageNode,
  linebreakNode as br,
  linkNode,
  listItemNode,
  listNode,
  paragraphNode,
  quoteNode,
  tableCellNode,
  tableNode,
  tableRowNode,
  textNode as t,
} from './lexical-nodes';
import { MAX_PORTAL_HTML_LENGTH, parsePortalHtml, portalText } from './parse-portal-html';
import { renderPortalHtml, type PortalMedia } from './render-portal-html';

const SITE = 'https://kukarnews.test/';
const BANJIR = PORTAL_PHOTOS[PHOTO_BANJIR]!;
const RAPAT = PORTAL_PHOTOS[PHOTO_RAPAT]!;
const p = (...children: LexicalNode[]): LexicalNode => paragraphNode(children);
const parse = (html: string): LexicalDocument => parsePortalHtml(html, localMediaFor, { baseUrl: SITE }).body;
const blocks = (html: string): LexicalNode[] => parse(html).root.children;
const thrown = (run: () => unknown) => rejectionOf(new Promise((resolve) => resolve(run())));

/**
 * A block decorator that keeps its JSON as it is: stands in for the editor's image and rule nodes,
 * which live in the renderer (their JSON shape is tested there).
 */
function standIn(type: string) {
  return class StandIn extends DecoratorNode<null> {
    constructor(
      readonly json: SerializedLexicalNode,
      key?: string,
    ) {
      super(key);
    }
    static override getType(): string {
      return type;
    }
    static override clone(node: StandIn): StandIn {
      return new StandIn(node.json, node.__key);
    }
    static override importJSON(json: SerializedLexicalNode): StandIn {
      return new StandIn(json);
    }
    override exportJSON(): SerializedLexicalNode {
      return this.json;
    }
    override isInline(): false {
      return false;
    }
    override createDOM(): never {
      throw new Error('headless');
    }
    override updateDOM(): false {
      return false;
    }
    override decorate(): null {
      return null;
    }
  };
}

/** The body as Lexical itself reads and writes it back: equal only when our JSON has Lexical's exact shape. */
function throughLexical(body: LexicalDocument): unknown {
  const editor = createHeadlessEditor({
    nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, AutoLinkNode, standIn('horizontalrule'), standIn('image')],
    onError: (error) => {
      throw error;
    },
  });
  editor.setEditorState(editor.parseEditorState(JSON.stringify(body)));
  return editor.getEditorState().toJSON();
}

describe('parsePortalHtml: our own output', () => {
  it('reads the rendered sample article back into exactly the body it came from', () => {
    const html = renderPortalHtml(sampleArticle(), portalMedia, { siteUrl: SITE });
    const { body, unknownImages } = parsePortalHtml(html, localMediaFor);
    expect(unknownImages).toEqual([]);
    expect(body).toEqual(sampleArticle());
    expect(renderPortalHtml(body, portalMedia, { siteUrl: SITE })).toBe(html);
  });

  it('writes bodies in the exact shape Lexical serialises, so the editor loads them unchanged', () => {
    const body = parse(renderPortalHtml(sampleArticle(), portalMedia));
    expect(throughLexical(body)).toEqual(body);
  });

  it('round-trips a 10,000-word article with 30 photos byte for byte', () => {
    const photoId = (i: number): string => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const media = (mediaId: string): PortalMedia => ({ remoteId: 1000 + Number(mediaId.slice(-4)), url: `https://kukarnews.test/wp-content/uploads/foto-${mediaId.slice(-4)}.jpg` });
    const article = longArticle(10_000, 30, photoId);
    const html = renderPortalHtml(article, media);
    expect(html.match(/<figure /g)).toHaveLength(30);
    const { body, unknownImages } = parsePortalHtml(html, (remoteId) => (remoteId ? photoId(remoteId - 1000) : undefined));
    expect(unknownImages).toEqual([]);
    expect(body).toEqual(article);
    expect(renderPortalHtml(body, media)).toBe(html);
  });

  it('drops our sync marker and every other comment', () => {
    const html = `${renderPortalHtml(documentOf([p(t('Isi berita.'))]), portalMedia)}\n<!-- redaksi-id-a1b2c3d4e5f6 --><!-- <p>disembunyikan</p> -->`;
    expect(blocks(html)).toEqual([p(t('Isi berita.'))]);
  });

  it('is stable over a second round for bodies the renderer had to normalise', () => {
    const odd = documentOf([
      p(t('  spasi   ganda  '), t(' tebal ', BOLD), br(), br(), t('akhir'), br()),
      quoteNode([p(t('kutipan satu')), p(t('kutipan dua'))]),
      listNode('bullet', [listItemNode([p(t('paragraf dalam butir'))], 1), listItemNode([imageNode({ mediaId: PHOTO_BANJIR, altText: 'a', caption: 'b', credit: 'c' })], 2)]),
    ]);
    const once = renderPortalHtml(odd, portalMedia);
    const twice = renderPortalHtml(parse(once), portalMedia);
    expect(renderPortalHtml(parse(twice), portalMedia)).toBe(twice);
  });
});

describe('parsePortalHtml: Gutenberg', () => {
  const gutenberg = [
    '<!-- wp:paragraph -->',
    '<p><strong>TENGGARONG –</strong> Banjir melanda <em>tiga</em> kecamatan, Senin (3/11/2025).</p>',
    '<!-- /wp:paragraph -->',
    '',
    '<!-- wp:image {"id":812,"sizeSlug":"large","linkDestination":"none"} -->',
    `<figure class="wp-block-image size-large"><img src="${BANJIR.url}" alt="Warga mengungsi" class="wp-image-812"/><figcaption class="wp-element-caption">Warga mengungsi ke balai desa. (Foto: Andi/Redaksi)</figcaption></figure>`,
    '<!-- /wp:image -->',
    '',
    '<!-- wp:heading {"level":3} -->',
    '<h3 class="wp-block-heading">Bantuan</h3>',
    '<!-- /wp:heading -->',
    '',
    '<!-- wp:list -->',
    '<ul class="wp-block-list"><!-- wp:list-item -->',
    '<li>Sembako</li>',
    '<!-- /wp:list-item -->',
    '',
    '<!-- wp:list-item -->',
    '<li>Obat-obatan<!-- wp:list -->',
    '<ul class="wp-block-list"><!-- wp:list-item -->',
    '<li>untuk <s>anak</s> balita</li>',
    '<!-- /wp:list-item --></ul>',
    '<!-- /wp:list --></li>',
    '<!-- /wp:list-item --></ul>',
    '<!-- /wp:list -->',
    '',
    '<!-- wp:quote -->',
    '<blockquote class="wp-block-quote"><!-- wp:paragraph -->',
    '<p>“Kami siaga 24 jam,”</p>',
    '<!-- /wp:paragraph --><cite>Kepala BPBD Kukar</cite></blockquote>',
    '<!-- /wp:quote -->',
    '',
    '<!-- wp:separator -->',
    '<hr class="wp-block-separator has-alpha-channel-opacity"/>',
    '<!-- /wp:separator -->',
    '',
    '<!-- wp:paragraph -->',
    '<p>Baca juga: <a href="/bmkg-cuaca-ekstrem/">BMKG Minta Warga Waspada</a></p>',
    '<!-- /wp:paragraph -->',
    '<!-- redaksi-id-a1b2c3d4e5f6 -->',
  ].join('\n');

  it('reads blocks, the figure with a hand-typed credit, nested lists, the quote with its cite, and relative links', () => {
    expect(blocks(gutenberg)).toEqual([
      p(t('TENGGARONG –', BOLD), t(' Banjir melanda '), t('tiga', ITALIC), t(' kecamatan, Senin (3/11/2025).')),
      imageNode({ mediaId: PHOTO_BANJIR, altText: 'Warga mengungsi', caption: 'Warga mengungsi ke balai desa.', credit: 'Andi/Redaksi' }),
      headingNode('h3', [t('Bantuan')]),
      listNode('bullet', [
        listItemNode([t('Sembako')], 1),
        listItemNode([t('Obat-obatan')], 2),
        listItemNode([listNode('bullet', [listItemNode([t('untuk '), t('anak', STRIKETHROUGH), t(' balita')], 1, 1)])], 3),
      ]),
      quoteNode([t('“Kami siaga 24 jam,”'), br(), t('— Kepala BPBD Kukar')]),
      horizontalRuleNode(),
      p(t('Baca juga: '), linkNode('https://kukarnews.test/bmkg-cuaca-ekstrem/', [t('BMKG Minta Warga Waspada')])),
    ]);
  });

  it('passes the body check, loads in Lexical unchanged, and the rendered result parses to the same body', () => {
    const body = parse(gutenberg);
    expect(checkLexicalDocument(body)).toEqual([]);
    expect(throughLexical(body)).toEqual(body);
    expect(parse(renderPortalHtml(body, portalMedia))).toEqual(body);
  });
});

describe('parsePortalHtml: classic editor', () => {
  it('reads paragraphs from blank lines, line breaks from single newlines, and [caption] shortcodes', () => {
    const classic = [
      '<strong>SAMARINDA –</strong> Pemkot Samarinda membuka lowongan.',
      'Pendaftaran dibuka hingga Jumat.',
      '',
      `[caption id="attachment_813" align="aligncenter" width="1200"]<img class="size-full wp-image-813" src="${RAPAT.url}" alt="Rapat" width="1200" height="800" /> Rapat panitia seleksi. (Dok. Humas)[/caption]`,
      '',
      '<p>Paragraf&nbsp;dengan <b>tag</b><br />',
      'dan baris baru.</p>',
      '<h2>Syarat</h2>',
      '<ol start="2">',
      '\t<li>WNI</li>',
      '\t<li>Sehat jasmani</li>',
      '</ol>',
    ].join('\n');
    expect(blocks(classic)).toEqual([
      p(t('SAMARINDA –', BOLD), t(' Pemkot Samarinda membuka lowongan.'), br(), t('Pendaftaran dibuka hingga Jumat.')),
      imageNode({ mediaId: PHOTO_RAPAT, altText: 'Rapat', caption: 'Rapat panitia seleksi.', credit: 'Dok. Humas' }),
      p(t('Paragraf\u00a0dengan '), t('tag', BOLD), br(), t('dan baris baru.')),
      headingNode('h2', [t('Syarat')]),
      listNode('number', [listItemNode([t('WNI')], 2), listItemNode([t('Sehat jasmani')], 3)], 2),
    ]);
    expect(throughLexical(parse(classic))).toEqual(parse(classic));
  });

  it('reads an image in a paragraph, linked to its file, as a photo between paragraphs', () => {
    expect(blocks(`<p>Sebelum <a href="${BANJIR.url}"><img src="${BANJIR.url}" alt="Banjir" /></a> sesudah</p>`)).toEqual([
      p(t('Sebelum')),
      imageNode({ mediaId: PHOTO_BANJIR, altText: 'Banjir', caption: '', credit: '' }),
      p(t('sesudah')),
    ]);
  });
});

describe('parsePortalHtml: pictures', () => {
  const UNKNOWN = 'https://kukarnews.test/wp-content/uploads/2025/11/jembatan.jpg';

  it('reports pictures without a local copy and leaves them out; the second call, after download, places them', () => {
    const html = `<p>a</p><figure class="wp-block-image"><img src="${UNKNOWN}" alt="Jembatan" class="wp-image-900" /><figcaption>Jembatan putus. <span class="credit">(Foto: Rina)</span></figcaption></figure><p>b</p>`;
    const first = parsePortalHtml(html, localMediaFor);
    expect(first.unknownImages).toEqual([{ remoteId: 900, url: UNKNOWN, alt: 'Jembatan', caption: 'Jembatan putus.', credit: 'Rina' }]);
    expect(first.body.root.children).toEqual([p(t('a')), p(t('b'))]);

    const downloaded = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';
    const lookup = vi.fn((remoteId: number | undefined) => (remoteId === 900 ? downloaded : undefined));
    const second = parsePortalHtml(html, lookup);
    expect(lookup).toHaveBeenCalledWith(900, UNKNOWN);
    expect(second.unknownImages).toEqual([]);
    expect(second.body.root.children[1]).toEqual(imageNode({ mediaId: downloaded, altText: 'Jembatan', caption: 'Jembatan putus.', credit: 'Rina' }));
  });

  it('asks by URL alone for a picture with no attachment id, resolving a relative source against the portal', () => {
    const lookup = vi.fn(() => undefined);
    const { unknownImages } = parsePortalHtml('<img src="/wp-content/uploads/x.jpg" alt=" Pasar \n pagi ">', lookup, { baseUrl: SITE });
    expect(lookup).toHaveBeenCalledWith(undefined, 'https://kukarnews.test/wp-content/uploads/x.jpg');
    expect(unknownImages).toEqual([{ url: 'https://kukarnews.test/wp-content/uploads/x.jpg', alt: 'Pasar pagi', caption: '', credit: '' }]);
  });

  it('takes the picture from data-src when a lazy-loading theme left a placeholder in src', () => {
    const html = `<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="${BANJIR.url}" class="wp-image-812 lazyload" alt="Banjir">`;
    expect(blocks(html)).toEqual([imageNode({ mediaId: PHOTO_BANJIR, altText: 'Banjir', caption: '', credit: '' })]);
  });

  it('drops pictures it could never fetch: data: and other schemes, relative ones without the portal address', () => {
    const lookup = vi.fn(() => undefined);
    const html = '<img src="data:image/png;base64,iVBORw0KGgo="><img src="javascript:alert(1)"><img src="/a.jpg"><img>';
    expect(parsePortalHtml(html, lookup)).toEqual({ body: documentOf([p()]), unknownImages: [] });
    expect(lookup).not.toHaveBeenCalled();
  });

  it('reads each picture of a gallery, and moves pictures out of list items to after the list', () => {
    const gallery = `<figure class="wp-block-gallery"><figure class="wp-block-image"><img src="${BANJIR.url}" class="wp-image-812" alt="1"/></figure><figure class="wp-block-image"><img src="${RAPAT.url}" class="wp-image-813" alt="2"/><figcaption>Rapat</figcaption></figure></figure>`;
    expect(blocks(gallery)).toEqual([
      imageNode({ mediaId: PHOTO_BANJIR, altText: '1', caption: '', credit: '' }),
      imageNode({ mediaId: PHOTO_RAPAT, altText: '2', caption: 'Rapat', credit: '' }),
    ]);
    expect(blocks(`<ul><li>satu <img src="${BANJIR.url}" class="wp-image-812" alt="x"></li><li>dua</li></ul>`)).toEqual([
      listNode('bullet', [listItemNode([t('satu')], 1), listItemNode([t('dua')], 2)]),
      imageNode({ mediaId: PHOTO_BANJIR, altText: 'x', caption: '', credit: '' }),
    ]);
  });

  it('keeps caption text of a figcaption without a credit, and bounds long texts to what the body accepts', () => {
    const long = 'x'.repeat(5000);
    const [image] = blocks(`<figure><img src="${BANJIR.url}" class="wp-image-812" alt="${long}"><figcaption>${long}<script>alert(1)</script></figcaption></figure>`);
    expect(image).toMatchObject({ type: 'image', altText: 'x'.repeat(2000), caption: 'x'.repeat(2000), credit: '' });
  });
});

describe('parsePortalHtml: anything else becomes text', () => {
  it('maps headings h1 to h2 and h5/h6 to h4, keeps underline from <u> and <ins>, formats nested', () => {
    expect(blocks('<h1>a</h1><h5>b</h5><h6>c</h6><p><u>u</u><ins>i</ins><b><i>bi</i></b><strike>s</strike><del>d</del></p>')).toEqual([
      headingNode('h2', [t('a')]),
      headingNode('h4', [t('b')]),
      headingNode('h4', [t('c')]),
      p(t('ui', UNDERLINE), t('bi', BOLD | ITALIC), t('sd', STRIKETHROUGH)),
    ]);
  });

  it('reads tables as tables, divs and sections as paragraphs, spans and fonts as their text, <pre> lines as lines', () => {
    expect(blocks('<div class="x"><span style="color:red">merah</span> <font face="Arial">huruf</font></div><table><tr><td>sel 1</td><td>sel 2</td></tr></table><pre>baris 1\nbaris 2</pre>')).toEqual([
      p(t('merah huruf')),
      tableNode([tableRowNode([tableCellNode([p(t('sel 1'))]), tableCellNode([p(t('sel 2'))])])]),
      p(t('baris 1'), br(), t('baris 2')),
    ]);
  });

  it('drops scripts, styles, frames, embeds and form controls with their content', () => {
    const html = '<p>a<script>alert(1)</script><style>p{}</style><iframe src="https://x.test">i</iframe><object data="x">o</object><embed src="x"><noscript>n</noscript><textarea>t</textarea><select><option>o</option></select><button>b</button><svg><text>s</text></svg>b</p><form action="https://x.test"><label>nama</label><input value="v"></form>';
    expect(blocks(html)).toEqual([p(t('ab')), p(t('nama'))]);
  });

  it('keeps only http(s) and mailto links (resolving relative ones against the portal), nested links as the outer', () => {
    expect(
      blocks('<p><a href="javascript:alert(1)">js</a> <a href="ftp://x.test/f">ftp</a> <a href="mailto:a@b.test">m</a> <a href="/rel">r</a> <a href="https://a.test/">a<a href="https://b.test/">b</a></a></p>'),
    ).toEqual([
      p(t('js ftp '), linkNode('mailto:a@b.test', [t('m')]), t(' '), linkNode('https://kukarnews.test/rel', [t('r')]), t(' '), linkNode('https://a.test/', [t('ab')])),
    ]);
    expect(parsePortalHtml('<p><a href="/rel">r</a></p>', localMediaFor).body.root.children).toEqual([p(t('r'))]);
  });

  it('flattens lists nested deeper than the body allows into their parent list', () => {
    const deep = `${'<ul><li>x'.repeat(30)}${'</li></ul>'.repeat(30)}`;
    const body = parse(deep);
    expect(checkLexicalDocument(body)).toEqual([]);
    expect(lexicalToPlainText(body).split('\n')).toHaveLength(30);
  });

  it('survives markup nested thousands deep, keeping its text', () => {
    const body = parse(`${'<div><span>'.repeat(3000)}tengah${'</span></div>'.repeat(3000)}`);
    expect(lexicalToPlainText(body)).toBe('tengah');
  });

  it('gives one empty paragraph for empty or blank content', () => {
    for (const html of ['', '   \n\n ', '<!-- wp:paragraph --><p></p><!-- /wp:paragraph -->', '<script>x</script>']) {
      expect(parse(html)).toEqual(documentOf([p()]));
    }
  });

  it('refuses content larger than any article before parsing it', async () => {
    expect(await thrown(() => parse('a'.repeat(MAX_PORTAL_HTML_LENGTH + 1)))).toMatchObject({ kind: 'validation', code: 'content.portalTooLarge' });
  });

  it('refuses a lookup answer that is not a media id rather than returning a body the backend would refuse', async () => {
    const err = await thrown(() => parsePortalHtml(`<img src="${BANJIR.url}">`, () => 'not-a-uuid'));
    expect(err).toMatchObject({ kind: 'validation', code: 'content.portalBodyInvalid' });
  });
});

describe('portalText', () => {
  it('reads portal HTML as lexicalToPlainText reads our body, so both sides of a conflict line up', () => {
    const body = sampleArticle();
    expect(portalText(renderPortalHtml(body, portalMedia))).toBe(lexicalToPlainText(body));
  });

  it('includes captions of pictures that have no local copy, and no markup', () => {
    expect(portalText('<p>a &amp; <b>b</b></p><figure><img src="https://x.test/a.jpg"><figcaption>Jembatan putus. (Foto: Rina)</figcaption></figure><script>x</script>')).toBe('a & b\nJembatan putus.');
  });
});
