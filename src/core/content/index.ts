/** Article bodies to and from the portal's HTML (see docs/architecture.md, "Portal (WordPress)"). */
export { renderPortalHtml, type PortalMedia, type PortalMediaResolver, type RenderOptions } from './render-portal-html';
export { sanitizePortalHtml } from './portal-sanitizer';
export { parsePortalHtml, portalText, type LocalMediaLookup, type ParseOptions, type ParsedPortalBody, type UnknownPortalImage } from './parse-portal-html';
