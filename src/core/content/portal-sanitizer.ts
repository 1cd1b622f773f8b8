/**
 * The second wall behind the renderer: an allowlist of exactly the tags, attributes, classes and
 * schemes renderPortalHtml emits inside block delimiters (the delimiters themselves stand in as
 * empty MARK_TAG elements while it runs). The renderer already escapes everything and checks every URL;
 * this catches a mistake in it before the HTML leaves for the portal. The renderer writes the same
 * serialisation sanitize-html does (`<br />`, `&quot;` only in attributes), so for correct output
 * the wall changes nothing, which the tests check.
 */
import sanitizeHtml from 'sanitize-html';

export const PORTAL_TAGS = [
  'p', 'h2', 'h3', 'h4', 'strong', 'em', 'u', 's', 'a', 'br', 'ul', 'ol', 'li', 'blockquote', 'hr',
  'figure', 'img', 'figcaption', 'span', 'cite', 'div', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
] as const;

/** The placeholder for a block delimiter while the sanitiser runs (never reaches the portal). */
export const MARK_TAG = 'redaksi-mark';

/** Link and image schemes. Images are http(s) only: a mailto: picture is not a picture. */
export const LINK_SCHEMES = ['http', 'https', 'mailto'] as const;
export const IMAGE_SCHEMES = ['http', 'https'] as const;

// allowedEmptyAttributes exists in sanitize-html 2.x but not in its type definitions.
const OPTIONS: sanitizeHtml.IOptions & { allowedEmptyAttributes: string[] } = {
  allowedTags: [...PORTAL_TAGS, MARK_TAG],
  allowedAttributes: {
    [MARK_TAG]: ['data-n'],
    a: ['href', { name: 'rel', multiple: false, values: ['noopener'] }],
    img: ['src', 'alt', 'class'],
    figure: ['class'],
    div: ['class'],
    table: ['class'],
    th: ['colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
    figcaption: ['class'],
    span: ['class'],
    ol: ['start', 'class'],
    ul: ['class'],
    h2: ['class'],
    h3: ['class'],
    h4: ['class'],
    blockquote: ['class'],
    hr: ['class'],
  },
  allowedClasses: {
    figure: ['wp-block-image', 'size-large', 'wp-block-table', 'wp-block-embed', /^is-type-(?:video|rich)$/, /^is-provider-[a-z]+$/, /^wp-block-embed-[a-z]+$/],
    div: ['wp-block-embed__wrapper'],
    table: ['has-fixed-layout'],
    figcaption: ['wp-element-caption'],
    img: [/^wp-image-\d+$/],
    span: ['credit'],
    ol: ['wp-block-list'],
    ul: ['wp-block-list'],
    h2: ['wp-block-heading'],
    h3: ['wp-block-heading'],
    h4: ['wp-block-heading'],
    blockquote: ['wp-block-quote'],
    hr: ['wp-block-separator', 'has-alpha-channel-opacity'],
  },
  allowedSchemes: [...LINK_SCHEMES],
  allowedSchemesByTag: { img: [...IMAGE_SCHEMES] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  allowedEmptyAttributes: ['alt'],
  disallowedTagsMode: 'discard',
  // Dropped with their content, not turned into text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'template', 'title'],
};

export function sanitizePortalHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
