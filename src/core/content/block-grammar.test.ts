import { parse as parseBlocks } from '@wordpress/block-serialization-default-parser';
import { describe, expect, it } from 'vitest';
import { checkLexicalDocument, type LexicalNode } from '../../shared/lexical-document';
import { clientIdMarker, markerBlock } from '../portal/wordpress-client';
import { PHOTO_BANJIR, localMediaFor, portalMedia, sampleArticle } from '../../../test-support/portal-article';
import { blockOpener, serializeAttributes, splitTopLevel } from './block-grammar';
import { documentOf, imageNode, linebreakNode, paragraphNode, portalBlockNode, quoteNode, textNode as t } from './lexical-nodes';
import { parsePortalHtml } from './parse-portal-html';
import { renderPortalHtml } from './render-portal-html';

type ParsedBlock = ReturnType<typeof parseBlocks>[number];

const SITE = { siteUrl: 'https://kukarnews.test/' };
const render = (...blocks: LexicalNode[]): string => renderPortalHtml(documentOf(blocks), portalMedia, SITE);
const parse = (html: string) => parsePortalHtml(html, localMediaFor, { baseUrl: 'https://kukarnews.test/' }).body;

/** Classic content WordPress's parser finds outside any block (whitespace between blocks is not content). */
const freeform = (blocks: ParsedBlock[]): ParsedBlock[] => blocks.filter((block) => block.blockName === null && block.innerHTML.trim() !== '');
const names = (blocks: ParsedBlock[]): string[] => blocks.filter((block) => block.blockName !== null).map((block) => block.blockName!);

const QUOTE_WITH_CITATION = quoteNode([t('“Kami siaga 24 jam,”'), linebreakNode(), t('— Kepala BPBD Kukar')]);

/** As the block editor saves them (checked on WordPress 7.1): a gallery, a custom HTML block and a plugin's block. */
const GALLERY = [
  '<!-- wp:gallery {"linkTo":"none"} -->',
  '<figure class="wp-block-gallery has-nested-images columns-default is-cropped"><!-- wp:image {"id":901,"sizeSlug":"large","linkDestination":"none"} -->',
  '<figure class="wp-block-image size-large"><img src="https://kukarnews.test/wp-content/uploads/a.jpg" alt="" class="wp-image-901"/></figure>',
  '<!-- /wp:image --></figure>',
  '<!-- /wp:gallery -->',
].join('\n');
const CUSTOM_HTML = '<!-- wp:html -->\n<div class="poll" data-id="7">Jajak pendapat <b>Pilkada</b></div>\n<!-- /wp:html -->';
const PLUGIN_VOID = '<!-- wp:yoast-seo/table-of-contents {"maxHeadingLevel":3} /-->';

describe('block grammar: what the portal gets', () => {
  it('parses with WordPress\'s own block parser into blocks, with no classic (freeform) content', () => {
    const blocks = parseBlocks(renderPortalHtml(sampleArticle(), portalMedia, SITE));
    expect(freeform(blocks)).toEqual([]);
    expect(names(blocks)).toEqual([
      'core/paragraph', 'core/image', 'core/paragraph', 'core/quote', 'core/heading', 'core/paragraph', 'core/list',
      'core/heading', 'core/list', 'core/image', 'core/paragraph', 'core/separator', 'core/heading', 'core/list',
    ]);
    const list = blocks.find((block) => block.blockName === 'core/list')!;
    expect(list.innerBlocks.map((item) => item.blockName)).toEqual(['core/list-item', 'core/list-item', 'core/list-item']);
    expect(list.innerBlocks[1]!.innerBlocks.map((nested) => nested.blockName)).toEqual(['core/list']);
    expect(blocks.find((block) => block.blockName === 'core/image')!.attrs).toEqual({ id: 812, sizeSlug: 'large', linkDestination: 'none' });
    expect(blocks.filter((block) => block.blockName === 'core/heading').map((block) => block.attrs)).toEqual([{}, { level: 3 }, { level: 4 }]);
  });

  it('writes a quote\'s last line starting with "— " as its citation, and reads the citation back to that line', () => {
    const html = render(QUOTE_WITH_CITATION);
    const [quote] = parseBlocks(html);
    expect(quote!.blockName).toBe('core/quote');
    expect(quote!.innerBlocks.map((block) => block.blockName)).toEqual(['core/paragraph']);
    expect(quote!.innerHTML).toBe('\n<blockquote class="wp-block-quote"><cite>Kepala BPBD Kukar</cite></blockquote>\n');
    expect(parse(html)).toEqual(documentOf([QUOTE_WITH_CITATION]));
  });

  it('writes no citation for a one-line quote or a last line without the dash', () => {
    expect(render(quoteNode([t('— hanya satu baris')]))).not.toContain('<cite>');
    expect(render(quoteNode([t('kata'), linebreakNode(), t('-- bukan sumber')]))).not.toContain('<cite>');
    expect(render(quoteNode([t('kata'), linebreakNode(), t('— ')]))).not.toContain('<cite>');
  });

  it('escapes block attributes as WordPress does, so no attribute can end the comment', () => {
    expect(serializeAttributes({ url: 'https://a.test/?a=1&b=<2>', note: 'x -- "y"' })).toBe(
      '{"url":"https://a.test/?a=1\\u0026b=\\u003c2\\u003e","note":"x \\u002d\\u002d \\u0022y\\u0022"}',
    );
    const opener = blockOpener('core/embed', { url: 'https://a.test/--><script>' });
    expect(opener.indexOf('-->')).toBe(opener.length - 3);
    expect(parseBlocks(`${opener}\n<p>x</p>\n<!-- /wp:embed -->`)[0]!.attrs).toEqual({ url: 'https://a.test/--><script>' });
  });
});

describe('splitTopLevel', () => {
  it('splits a post into top-level blocks and the HTML between them, losing no byte', () => {
    const post = `<p>klasik</p>\n\n${GALLERY}\n\n${PLUGIN_VOID}\n<!-- wp:paragraph -->\n<p>x</p>\n<!-- /wp:paragraph -->tail`;
    const pieces = splitTopLevel(post);
    expect(pieces.map((piece) => piece.raw).join('')).toBe(post);
    expect(pieces.map((piece) => (piece.kind === 'block' ? piece.name : 'html'))).toEqual(['html', 'core/gallery', 'html', 'yoast-seo/table-of-contents', 'html', 'core/paragraph', 'html']);
    expect(pieces[1]!.raw).toBe(GALLERY);
  });

  it('follows WordPress\'s parser on broken grammar: a stray closer is ignored, an unclosed block runs to the end', () => {
    expect(splitTopLevel('<!-- /wp:paragraph --><p>a</p>')).toEqual([{ kind: 'html', raw: '<!-- /wp:paragraph --><p>a</p>' }]);
    expect(splitTopLevel('<!-- wp:gallery --><p>a</p>')).toEqual([{ kind: 'block', name: 'core/gallery', raw: '<!-- wp:gallery --><p>a</p>' }]);
  });
});

describe('blocks Redaksi does not edit', () => {
  const post = [
    '<!-- wp:paragraph -->\n<p>Pembuka.</p>\n<!-- /wp:paragraph -->',
    GALLERY,
    CUSTOM_HTML,
    '<!-- wp:paragraph -->\n<p>Ditambah di portal.</p>\n<!-- /wp:paragraph -->',
    PLUGIN_VOID,
  ].join('\n\n');

  it('are kept whole as portal-block nodes between the paragraphs they came with', () => {
    expect(parse(post)).toEqual(
      documentOf([
        paragraphNode([t('Pembuka.')]),
        portalBlockNode({ name: 'core/gallery', raw: GALLERY }),
        portalBlockNode({ name: 'core/html', raw: CUSTOM_HTML }),
        paragraphNode([t('Ditambah di portal.')]),
        portalBlockNode({ name: 'yoast-seo/table-of-contents', raw: PLUGIN_VOID }),
      ]),
    );
  });

  it('go back byte for byte, so an edit in Redaksi and a new delivery give the portal\'s post back unchanged', () => {
    expect(render(...parse(post).root.children)).toBe(post);
    const edited = parse(post);
    edited.root.children.splice(1, 0, paragraphNode([t('Tambahan dari Redaksi.')]));
    const delivered = renderPortalHtml(edited, portalMedia, SITE);
    for (const block of [GALLERY, CUSTOM_HTML, PLUGIN_VOID]) expect(delivered).toContain(block);
    expect(freeform(parseBlocks(delivered))).toEqual([]);
  });

  it('may be moved and deleted: the body is still one block each, in the new order', () => {
    const [first, gallery, html, added, plugin] = parse(post).root.children;
    expect(render(plugin!, first!, gallery!, added!)).toBe([PLUGIN_VOID, '<!-- wp:paragraph -->\n<p>Pembuka.</p>\n<!-- /wp:paragraph -->', GALLERY, '<!-- wp:paragraph -->\n<p>Ditambah di portal.</p>\n<!-- /wp:paragraph -->'].join('\n\n'));
    expect(html!.name).toBe('core/html');
  });

  it('refuses to deliver a kept block that is not one whole block of its name', () => {
    for (const raw of [
      `${CUSTOM_HTML}<script>alert(1)</script>`,
      `${CUSTOM_HTML}\n\n${GALLERY}`,
      '<!-- wp:html -->\n<p>tidak ditutup</p>',
      `<!-- x -->${CUSTOM_HTML}`,
    ]) {
      expect(() => render(portalBlockNode({ name: 'core/html', raw }))).toThrow(expect.objectContaining({ code: 'content.invalidBody' }));
    }
    expect(() => render(portalBlockNode({ name: 'core/gallery', raw: CUSTOM_HTML }))).toThrow(expect.objectContaining({ code: 'content.invalidBody' }));
  });

  it('are checked by the body allowlist: a block name, text starting with its delimiter, within size', () => {
    const check = (fields: Record<string, unknown>) => checkLexicalDocument(documentOf([{ type: 'portal-block', version: 1, ...fields }]))[0]?.code;
    expect(check({ name: 'core/html', raw: CUSTOM_HTML })).toBeUndefined();
    expect(check({ name: 'html', raw: CUSTOM_HTML })).toBe('body.invalidPortalBlock');
    expect(check({ name: 'core/<script>', raw: CUSTOM_HTML })).toBe('body.invalidPortalBlock');
    expect(check({ name: 'core/html', raw: '<script>alert(1)</script>' })).toBe('body.invalidPortalBlock');
    expect(check({ name: 'core/html', raw: 42 })).toBe('body.invalidPortalBlock');
    expect(check({ name: 'core/html', raw: `<!-- wp:html -->${'x'.repeat(1_000_001)}` })).toBe('body.invalidPortalBlock');
    expect(check({ name: 'core/html', raw: CUSTOM_HTML, children: [] })).toBe('body.invalid');
  });

  it('do not include the Custom HTML blocks our sync markers travel in', () => {
    const delivered = `${render(paragraphNode([t('Isi.')]))}\n\n${markerBlock('<!-- redaksi-note-v1 abc -->')}\n\n${markerBlock(clientIdMarker('a1b2c3d4e5f6'))}`;
    expect(freeform(parseBlocks(delivered))).toEqual([]);
    expect(parse(delivered)).toEqual(documentOf([paragraphNode([t('Isi.')])]));
  });

  it('cannot be forged from inside the portal\'s HTML: only blocks this parse took out are kept', () => {
    const body = parse('<p>a <redaksi-kept-block data-key="00000000-0000-4000-8000-000000000000-0"></redaksi-kept-block> b</p>');
    expect(body).toEqual(documentOf([paragraphNode([t('a b')])]));
  });

  it('inside a list written as classic HTML, follow the list instead of being lost', () => {
    const body = parse(`<ul><li>satu\n${CUSTOM_HTML}</li></ul>`);
    expect(body.root.children.map((node) => node.type)).toEqual(['list', 'portal-block']);
  });

  it('leave the photos around them to the body: an image block stays a photo', () => {
    const image = renderPortalHtml(documentOf([imageNode({ mediaId: PHOTO_BANJIR, altText: 'a', caption: 'b', credit: 'c' })]), portalMedia, SITE);
    expect(parse(`${image}\n\n${CUSTOM_HTML}`).root.children.map((node) => node.type)).toEqual(['image', 'portal-block']);
  });
});
