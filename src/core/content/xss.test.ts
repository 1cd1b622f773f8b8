/**
 * Known XSS vectors through both directions: as words and addresses inside the Lexical body given to
 * renderPortalHtml, and as portal HTML given to parsePortalHtml and rendered again. The output is
 * parsed by happy-dom (not the parsers under test) and must hold nothing that runs or navigates.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import type { LexicalNode } from '../../shared/lexical-document';
import { BOLD, PHOTO_BANJIR, portalMedia } from '../../../test-support/portal-article';
import { xssFindings } from '../../../test-support/xss-check';
import { XSS_TEXT_PAYLOADS, XSS_URLS, XSS_VECTORS } from '../../../test-support/xss-vectors';
import { cleanLine } from './inline';
import { canonicalCredit } from './credit';
import { documentOf, headingNode, imageNode, linkNode, listItemNode, listNode, paragraphNode, quoteNode, textNode as t } from './lexical-nodes';
import { parsePortalHtml } from './parse-portal-html';
import { PORTAL_TAGS, sanitizePortalHtml } from './portal-sanitizer';
import { renderPortalHtml, type PortalMedia } from './render-portal-html';

const SITE = 'https://kukarnews.test/';
const safe = (html: string): string[] => xssFindings(html, { allowedTags: PORTAL_TAGS });
const everyPictureKnown = (): string => PHOTO_BANJIR;
const noPictureKnown = (): undefined => undefined;

/** The same words in every place the body carries text. */
function bodyWith(payload: string): LexicalNode[] {
  return [
    paragraphNode([t(payload)]),
    paragraphNode([t(payload, BOLD), linkNode('https://ok.test/', [t(payload)])]),
    headingNode('h2', [t(payload)]),
    quoteNode([t(payload)]),
    listNode('bullet', [listItemNode([t(payload)], 1)]),
    imageNode({ mediaId: PHOTO_BANJIR, altText: payload, caption: payload, credit: payload }),
  ];
}

/** Runs `render`; a refusal must be our validation error, anything rendered must be safe. */
function renderedOrRefused(render: () => string): string[] {
  let html: string;
  try {
    html = render();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).kind).toBe('validation');
    return [];
  }
  return safe(html);
}

describe('XSS vectors', () => {
  it('are many, and the checker sees the danger in the raw vectors', () => {
    expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(XSS_VECTORS.map((vector) => vector.name)).size).toBe(XSS_VECTORS.length);
    const flagged = XSS_VECTORS.filter((vector) => xssFindings(vector.html).length > 0);
    expect(flagged.length / XSS_VECTORS.length).toBeGreaterThan(0.85);
    expect(xssFindings('<p><a href="https://ok.test/">ok</a> <a href="mailto:a@b.test">m</a></p>')).toEqual([]);
  });
});

describe('renderPortalHtml with hostile words in the body', () => {
  it.each(XSS_TEXT_PAYLOADS.map((payload, i) => [i, payload] as const))('payload %i stays text in text, link text, heading, quote, list, alt, caption and credit', (_i, payload) => {
    const html = renderPortalHtml(documentOf(bodyWith(payload)), portalMedia);
    expect(safe(html)).toEqual([]);
    // Read back, the words are exactly what was written (escaped once, decoded once).
    const [paragraph, , , , , image] = parsePortalHtml(html, everyPictureKnown).body.root.children;
    const words = cleanLine(payload);
    expect(paragraph!.children?.[0]?.text).toBe(words);
    expect(image).toMatchObject({ type: 'image', altText: words, caption: words, credit: canonicalCredit(payload) });
  });

  it.each(XSS_URLS)('link address %j is refused or harmless', (url) => {
    expect(renderedOrRefused(() => renderPortalHtml(documentOf([paragraphNode([linkNode(url, [t('tautan')])])]), portalMedia))).toEqual([]);
  });

  it.each(XSS_URLS)('portal picture address %j is refused or harmless', (url) => {
    const media = (): PortalMedia => ({ remoteId: 5, url });
    expect(renderedOrRefused(() => renderPortalHtml(documentOf([imageNode({ mediaId: PHOTO_BANJIR, altText: 'a', caption: 'b', credit: 'c' })]), media))).toEqual([]);
  });
});

describe('parsePortalHtml then renderPortalHtml with hostile portal HTML', () => {
  it.each(XSS_VECTORS.map((vector) => [vector.name, vector.html] as const))('%s: nothing survives', (_name, html) => {
    for (const source of [html, `<p>sebelum ${html} sesudah</p>`, `<figure class="wp-block-image"><img src="https://ok.test/a.jpg" class="wp-image-1" alt="a"><figcaption>${html}</figcaption></figure>`]) {
      for (const lookup of [everyPictureKnown, noPictureKnown]) {
        const { body, unknownImages } = parsePortalHtml(source, lookup, { baseUrl: SITE });
        expect(safe(renderPortalHtml(body, portalMedia))).toEqual([]);
        // The caller downloads these: only http(s) may be asked for.
        for (const image of unknownImages) expect(image.url).toMatch(/^https?:\/\//);
      }
    }
  });

  it.each(XSS_VECTORS.map((vector) => [vector.name, vector.html] as const))('%s: the sanitiser alone also stops it', (_name, html) => {
    expect(safe(sanitizePortalHtml(html))).toEqual([]);
  });
});

describe('blocks kept from the portal with hostile HTML inside', () => {
  it.each(XSS_VECTORS.map((vector) => [vector.name, vector.html] as const))('%s: kept whole, apart from the body, and nothing of it reaches the rest of the article', (_name, html) => {
    const block = `<!-- wp:html -->\n${html}\n<!-- /wp:html -->`;
    const { body } = parsePortalHtml(`<!-- wp:paragraph -->\n<p>sebelum</p>\n<!-- /wp:paragraph -->\n\n${block}\n\n<p>sesudah</p>`, everyPictureKnown, { baseUrl: SITE });
    const kept = body.root.children.filter((node) => node.type === 'portal-block');
    expect(kept).toEqual([{ type: 'portal-block', version: 1, name: 'core/html', raw: block }]);
    // Everything else is our own markup: safe as before.
    const rest = documentOf(body.root.children.filter((node) => node.type !== 'portal-block'));
    expect(safe(renderPortalHtml(rest, portalMedia))).toEqual([]);
    // The kept block goes back to the portal as it came, whose own filter (kses) it passed before.
    expect(renderPortalHtml(body, portalMedia)).toContain(block);
  });

  it('a hostile block name or a delimiter hidden in an attribute keeps nothing and runs nothing', () => {
    for (const html of [
      '<!-- wp:core/<img src=x onerror=alert(1)> --><p>x</p><!-- /wp:core/x -->',
      '<p title="<!-- wp:html -->"><img src=x onerror=alert(1)></p><!-- /wp:html -->',
      '<!-- wp:Html --><script>alert(1)</script><!-- /wp:Html -->',
    ]) {
      const { body } = parsePortalHtml(html, everyPictureKnown, { baseUrl: SITE });
      expect(safe(renderPortalHtml(body, portalMedia))).toEqual([]);
    }
  });
});
