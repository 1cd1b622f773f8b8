import { parse as parseBlocks } from '@wordpress/block-serialization-default-parser';
import { describe, expect, it } from 'vitest';
import { checkLexicalDocument } from '../../shared/lexical-document';
import { XSS_URLS } from '../../../test-support/xss-vectors';
import { localMediaFor, portalMedia } from '../../../test-support/portal-article';
import { documentOf, embedNode, paragraphNode, portalBlockNode, textNode as t } from './lexical-nodes';
import { parsePortalHtml } from './parse-portal-html';
import { renderPortalHtml } from './render-portal-html';

const YOUTUBE = embedNode({ provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' });
const TWEET = embedNode({ provider: 'twitter', url: 'https://twitter.com/BMKG/status/1790000000000000000' });
const render = (...nodes: Parameters<typeof documentOf>[0]) => renderPortalHtml(documentOf(nodes), portalMedia);
const parse = (html: string) => parsePortalHtml(html, localMediaFor).body;

describe('embeds to and from the portal', () => {
  it('are delivered as core/embed with the provider, the address on its own line as WordPress\'s oEmbed wants it', () => {
    expect(render(YOUTUBE)).toBe(
      [
        '<!-- wp:embed {"url":"https://www.youtube.com/watch?v=dQw4w9WgXcQ","type":"video","providerNameSlug":"youtube","responsive":true} -->',
        '<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper">',
        'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
        '</div></figure>',
        '<!-- /wp:embed -->',
      ].join('\n'),
    );
    const blocks = parseBlocks(render(paragraphNode([t('Lihat:')]), YOUTUBE, TWEET));
    expect(blocks.filter((block) => block.blockName === null && block.innerHTML.trim() !== '')).toEqual([]);
    expect(blocks.filter((block) => block.blockName === 'core/embed').map((block) => block.attrs)).toEqual([
      { url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', type: 'video', providerNameSlug: 'youtube', responsive: true },
      { url: 'https://twitter.com/BMKG/status/1790000000000000000', type: 'rich', providerNameSlug: 'twitter', responsive: true },
    ]);
  });

  it('read back to the same embed nodes; an address with & is escaped once', () => {
    const facebook = embedNode({ provider: 'facebook', url: 'https://www.facebook.com/permalink.php?story_fbid=123&id=456' });
    const body = documentOf([paragraphNode([t('Lihat:')]), YOUTUBE, TWEET, facebook]);
    const html = renderPortalHtml(body, portalMedia);
    expect(html).toContain('story_fbid=123&amp;id=456\n</div>');
    expect(parse(html)).toEqual(body);
    expect(checkLexicalDocument(body)).toEqual([]);
  });

  it('an embed the block editor saved with an x.com or tracking address is read in its canonical form', () => {
    const saved = '<!-- wp:embed {"url":"https://x.com/BMKG/status/1790000000000000000?s=20","type":"rich","providerNameSlug":"twitter"} -->\n<figure class="wp-block-embed is-type-rich is-provider-twitter wp-block-embed-twitter"><div class="wp-block-embed__wrapper">\nhttps://x.com/BMKG/status/1790000000000000000?s=20\n</div></figure>\n<!-- /wp:embed -->';
    expect(parse(saved)).toEqual(documentOf([TWEET]));
  });

  it('in classic content, a supported address on a line of its own is an embed (WordPress embeds it there too); anywhere else a link or text', () => {
    const classic = 'Banjir di Tenggarong.\n\nhttps://youtu.be/dQw4w9WgXcQ\n\n<p>https://x.com/BMKG/status/1790000000000000000?s=20</p>\nLihat https://youtu.be/dQw4w9WgXcQ juga.\n\nhttps://kukarnews.test/berita';
    expect(parse(classic).root.children.map((node) => (node.type === 'embed' ? node.url : node.type))).toEqual([
      'paragraph',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://twitter.com/BMKG/status/1790000000000000000',
      'paragraph',
      'paragraph',
    ]);
    // Our own output keeps a paragraph holding only an address as a paragraph.
    const own = render(paragraphNode([t('https://youtu.be/dQw4w9WgXcQ')]));
    expect(parse(own)).toEqual(documentOf([paragraphNode([t('https://youtu.be/dQw4w9WgXcQ')])]));
  });

  it('an embed of a provider Redaksi does not know is kept as it is', () => {
    const vimeo = '<!-- wp:embed {"url":"https://vimeo.com/76979871","type":"video","providerNameSlug":"vimeo"} -->\n<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\nhttps://vimeo.com/76979871\n</div></figure>\n<!-- /wp:embed -->';
    expect(parse(vimeo)).toEqual(documentOf([portalBlockNode({ name: 'core/embed', raw: vimeo })]));
    expect(render(...parse(vimeo).root.children)).toBe(vimeo);
  });

  it('a hostile address is refused by the body check and never rendered', () => {
    for (const url of [...XSS_URLS, 'https://youtu.be/dQw4w9WgXcQ', 'https://evil.test/watch?v=dQw4w9WgXcQ']) {
      const body = documentOf([{ type: 'embed', version: 1, provider: 'youtube', url }]);
      expect(checkLexicalDocument(body)[0]?.code).toBe('body.invalidEmbed');
      expect(() => renderPortalHtml(body, portalMedia)).toThrow(expect.objectContaining({ code: 'content.invalidBody' }));
    }
    expect(checkLexicalDocument(documentOf([{ ...YOUTUBE, children: [] }]))[0]?.code).toBe('body.invalid');
  });
});
