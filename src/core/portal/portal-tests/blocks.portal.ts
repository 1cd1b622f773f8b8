/**
 * The article as the portal's block editor sees it: a real WordPress gets block-editor content with
 * no classic (freeform) block, a quote whose citation is a citation, and blocks added on the portal
 * (a gallery and a paragraph, saved over REST as the block editor saves them) survive an edit and a
 * new delivery from Redaksi unchanged.
 */
import { parse as parseBlocks } from '@wordpress/block-serialization-default-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article, MediaImportResult, Term } from '../../../shared/domain';
import type { LexicalDocument, LexicalNode } from '../../../shared/lexical-document';
import type { ArticlePortalState } from '../../../shared/sync';
import { clientFor, testSite } from './site';
import { distinctPhoto, ensurePortalCategory, imageNode, newsroomComputer, runToken, type Newsroom } from './sync-helpers';

const CATEGORY = 'Kutai Kartanegara';
type ParsedBlock = ReturnType<typeof parseBlocks>[number];

const text = (words: string, format = 0): LexicalNode => ({ type: 'text', version: 1, text: words, format, detail: 0, mode: 'normal', style: '' });
const element = (type: string, children: LexicalNode[], extra: Record<string, unknown> = {}): LexicalNode => ({ type, version: 1, children, direction: null, format: '', indent: 0, ...extra });
const paragraph = (...children: LexicalNode[]) => element('paragraph', children, { textFormat: 0, textStyle: '' });
const item = (value: number, children: LexicalNode[], indent = 0) => element('listitem', children, { value, indent });
const list = (listType: 'bullet' | 'number', items: LexicalNode[]) => element('list', items, { listType, start: 1, tag: listType === 'number' ? 'ol' : 'ul' });

/** Every block, nested ones included, flattened in document order. */
const allBlocks = (blocks: ParsedBlock[]): ParsedBlock[] => blocks.flatMap((block) => [block, ...allBlocks(block.innerBlocks)]);
const freeform = (blocks: ParsedBlock[]): ParsedBlock[] => blocks.filter((block) => block.blockName === null && block.innerHTML.trim() !== '');

/** content.raw and content.rendered as WordPress gives them to an editor. */
async function portalContent(postId: number): Promise<{ raw: string; rendered: string }> {
  const site = testSite();
  const auth = Buffer.from(`${site.users.EDITOR.username}:${site.users.EDITOR.appPassword}`).toString('base64');
  const response = await fetch(`${site.url}/wp-json/wp/v2/posts/${postId}?context=edit`, { headers: { authorization: `Basic ${auth}` } });
  expect(response.status).toBe(200);
  const post = (await response.json()) as { content: { raw: string; rendered: string } };
  return post.content;
}

let token: string;
let writer: Newsroom;
let article: Article;
let postId: number;

beforeAll(async () => {
  token = runToken();
  await ensurePortalCategory(CATEGORY);
  // An editor's computer: it may go on editing an article after approving it.
  writer = await newsroomComputer('EDITOR');
});
afterAll(() => writer?.dispose());

async function save(body: LexicalDocument): Promise<void> {
  const current = await writer.call<Article>('articles-get', { id: article.id });
  await writer.call('articles-save', { id: article.id, baseVersion: current.version, title: current.title, excerpt: current.excerpt, body });
}

describe('block-editor content on a real WordPress', () => {
  it('an article with headings, a nested list, a quote with its citation, a divider, two photos and two embeds is one post of blocks, no classic content', async () => {
    const created = await writer.call<Article>('articles-create', {});
    article = created;
    const photos: LexicalNode[] = [];
    for (const n of [1, 2]) {
      const media = await writer.call<MediaImportResult>('media-import', { fileName: `banjir-${n}.jpg`, data: new Uint8Array(await distinctPhoto(40 + n)) });
      photos.push(imageNode(media, n));
    }
    const body = {
      root: element('root', [
        paragraph(text('TENGGARONG –', 1), text(' Banjir merendam tiga kecamatan sejak Senin pagi.')),
        photos[0]!,
        element('heading', [text('Bantuan mengalir')], { tag: 'h2' }),
        list('bullet', [item(1, [text('Sembako')]), item(2, [text('Obat-obatan')]), item(3, [list('bullet', [item(1, [text('untuk balita')], 1)])])]),
        element('quote', [text('“Kami siaga 24 jam,”'), { type: 'linebreak', version: 1 }, text('— Kepala BPBD Kukar')]),
        { type: 'horizontalrule', version: 1 },
        element('heading', [text('Posko pengungsian')], { tag: 'h3' }),
        photos[1]!,
        { type: 'embed', version: 1, provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' },
        { type: 'embed', version: 1, provider: 'twitter', url: 'https://twitter.com/BMKG/status/1790000000000000000' },
      ]),
    } as LexicalDocument;
    const category = await writer.call<Term>('terms-create', { taxonomy: 'category', name: CATEGORY });
    await writer.call('articles-set-terms', { id: article.id, categoryId: category.id, tags: [] });
    const current = await writer.call<Article>('articles-get', { id: article.id });
    await writer.call('articles-save', { id: article.id, baseVersion: current.version, title: `Banjir Tenggarong ${token}`, excerpt: 'Ringkasan.', body });
    await writer.call('workflow-transition', { id: article.id, action: 'submit' });
    await writer.call('workflow-transition', { id: article.id, action: 'approve' });
    expect(await writer.sync()).toMatchObject({ connection: 'online', pending: 0, parked: 0 });
    postId = (await writer.call<ArticlePortalState>('sync-article', { id: article.id })).postId!;
    expect(postId).toBeGreaterThan(0);

    const { raw, rendered } = await portalContent(postId);
    const blocks = parseBlocks(raw);
    expect(freeform(blocks)).toEqual([]);
    // The article's blocks, then Redaksi's markers in Custom HTML blocks: the writer's name and the client id.
    expect(blocks.filter((block) => block.blockName !== null).map((block) => block.blockName)).toEqual([
      'core/paragraph', 'core/image', 'core/heading', 'core/list', 'core/quote', 'core/separator', 'core/heading', 'core/image', 'core/embed', 'core/embed', 'core/html', 'core/html',
    ]);
    expect(raw).toMatch(/<!-- wp:html -->\n<!-- redaksi-by-v1 [A-Za-z0-9_-]+ -->\n<!-- \/wp:html -->/);
    const names = allBlocks(blocks).map((block) => block.blockName);
    expect(names.filter((name) => name === 'core/list-item')).toHaveLength(3);
    // The citation is a citation, in what is saved and in what readers get.
    const quote = blocks.find((block) => block.blockName === 'core/quote')!;
    expect(quote.innerHTML).toContain('<cite>Kepala BPBD Kukar</cite>');
    expect(rendered).toMatch(/<blockquote class="wp-block-quote[^"]*">[\s\S]*<p[^>]*>“Kami siaga 24 jam,”<\/p>[\s\S]*<cite>Kepala BPBD Kukar<\/cite><\/blockquote>/);
    expect(rendered).toMatch(/<h2 class="wp-block-heading[^"]*">Bantuan mengalir<\/h2>/);
    expect(rendered.match(/<figcaption class="wp-element-caption">/g) ?? []).toHaveLength(2);
    expect(rendered).toMatch(/<hr class="wp-block-separator has-alpha-channel-opacity"\s*\/?>/);
    // The embeds render as embeds (WordPress fetches the post's player when it can reach the provider; these test machines cannot).
    expect(blocks.filter((block) => block.blockName === 'core/embed').map((block) => block.attrs?.providerNameSlug)).toEqual(['youtube', 'twitter']);
    expect(rendered).toMatch(/<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube[^"]*"><div class="wp-block-embed__wrapper">\s*[\s\S]*?www\.youtube\.com\/watch\?v=dQw4w9WgXcQ[\s\S]*?<\/div><\/figure>/);
    expect(rendered).toMatch(/<figure class="wp-block-embed is-type-rich is-provider-twitter wp-block-embed-twitter[^"]*"><div class="wp-block-embed__wrapper">/);
    // Our marker travels in a Custom HTML block: still findable, invisible on the page.
    expect(raw).toMatch(/<!-- wp:html -->\n<!-- redaksi-id-[A-Za-z0-9_-]+ -->\n<!-- \/wp:html -->$/);
  });

  it('a gallery and a paragraph added on the portal survive an edit and a new delivery from Redaksi byte for byte', async () => {
    const gallery = [
      '<!-- wp:gallery {"linkTo":"none"} -->',
      '<figure class="wp-block-gallery has-nested-images columns-default is-cropped"><!-- wp:image {"id":999001,"sizeSlug":"large","linkDestination":"none"} -->',
      '<figure class="wp-block-image size-large"><img src="https://kukarnews.test/wp-content/uploads/posko-1.jpg" alt="Posko" class="wp-image-999001"/></figure>',
      '<!-- /wp:image --></figure>',
      '<!-- /wp:gallery -->',
    ].join('\n');
    const added = `<!-- wp:paragraph -->\n<p>Tambahan redaktur di portal ${token}.</p>\n<!-- /wp:paragraph -->`;
    const editor = clientFor('EDITOR');
    const { raw } = await portalContent(postId);
    // The editor inserts both after the first paragraph, as the block editor saves them.
    const firstEnd = raw.indexOf('<!-- /wp:paragraph -->') + '<!-- /wp:paragraph -->'.length;
    await editor.updatePost(postId, { content: `${raw.slice(0, firstEnd)}\n\n${gallery}\n\n${added}${raw.slice(firstEnd)}` });

    // Redaksi takes the portal's version in, then the opening line is edited and it goes out again.
    await writer.sync();
    const taken = await writer.call<Article>('articles-get', { id: article.id });
    const kept = taken.body.root.children.find((node) => node.type === 'portal-block');
    expect(kept).toMatchObject({ name: 'core/gallery', raw: gallery });
    const edited = structuredClone(taken.body);
    edited.root.children[0] = paragraph(text('TENGGARONG –', 1), text(' Banjir merendam empat kecamatan sejak Senin pagi.'));
    await save(edited);
    expect(await writer.sync()).toMatchObject({ pending: 0, parked: 0, conflicts: 0 });

    const after = await portalContent(postId);
    expect(after.raw).toContain('empat kecamatan');
    expect(after.raw).toContain(`\n\n${gallery}\n\n${added}\n\n`);
    expect(freeform(parseBlocks(after.raw))).toEqual([]);
    expect(after.rendered).toContain('wp-block-gallery');
    expect(after.rendered).toContain(`Tambahan redaktur di portal ${token}.`);
  });
});
