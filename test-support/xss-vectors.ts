/**
 * Known cross-site scripting vectors, for every suite that turns outside text or HTML into
 * something shown or published: portal HTML (src/core/content), paste into the editor, the web
 * host. Collected from the OWASP filter-evasion cheat sheet, html5sec.org, DOMPurify's and
 * sanitize-html's regression tests, and mutation-XSS write-ups. Check results with xssFindings
 * (test-support/xss-check.ts).
 *
 * - XSS_VECTORS: HTML documents or fragments, by name.
 * - XSS_TEXT_PAYLOADS: strings meant to break out of a text node or an attribute value when
 *   someone forgets to escape (for alt text, captions, credits, titles, link text).
 * - XSS_URLS: link or image addresses that must never become a usable href/src.
 */

export interface XssVector {
  name: string;
  html: string;
}

export const XSS_VECTORS: readonly XssVector[] = [
  // Script elements
  { name: 'script tag', html: '<script>alert(1)</script>' },
  { name: 'script tag, upper case with src', html: '<SCRIPT SRC=https://xss.test/xss.js></SCRIPT>' },
  { name: 'script split around an inner script', html: '<scr<script>ipt>alert(1)</scr</script>ipt>' },
  { name: 'script with slash attribute', html: '<script/xss src="https://xss.test/x.js"></script>' },
  { name: 'double open bracket', html: '<<script>alert(1);//<</script>' },
  { name: 'unclosed script', html: '<p>teks<script>alert(1)' },
  { name: 'script after closing title', html: '</title><script>alert(1)</script>' },
  { name: 'script after closing textarea', html: '</textarea><script>alert(1)</script>' },
  { name: 'script after a comment that hides another', html: '<!--<script>alert(1)//--><script>alert(2)</script>' },
  { name: 'script with NUL inside the tag name', html: '<scr\u0000ipt>alert(1)</scr\u0000ipt>' },
  { name: 'conditional comment', html: '<!--[if gte IE 4]><script>alert(1)</script><![endif]-->' },
  { name: 'CDATA section', html: '<![CDATA[<script>alert(1)</script>]]>' },
  { name: 'script in template', html: '<template><script>alert(1)</script></template>' },
  { name: 'processing instruction', html: '<?xml-stylesheet href="javascript:alert(1)"?><p>x</p>' },

  // Event handler attributes
  { name: 'img onerror', html: '<img src=x onerror=alert(1)>' },
  { name: 'img ONERROR upper case', html: '<img src="x" ONERROR="alert(1)">' },
  { name: 'onerror with entity-encoded code', html: '<img src=x onerror="&#x61;lert(1)">' },
  { name: 'img with slashes instead of spaces', html: '<img/src=x/onerror=alert(1)>' },
  { name: 'newline before the equals sign', html: '<img src=x onerror\n=alert(1)>' },
  { name: 'body onload', html: '<body onload=alert(1)>' },
  { name: 'div onmouseover', html: '<div onmouseover="alert(1)">arahkan</div>' },
  { name: 'link with onclick', html: '<a href="https://ok.test/" onclick="alert(1)">klik</a>' },
  { name: 'details ontoggle', html: '<details open ontoggle=alert(1)><summary>s</summary></details>' },
  { name: 'input autofocus onfocus', html: '<input autofocus onfocus=alert(1)>' },
  { name: 'video source onerror', html: '<video><source onerror="alert(1)"></video>' },
  { name: 'audio onerror', html: '<audio src=x onerror=alert(1)>' },
  { name: 'marquee onstart', html: '<marquee onstart=alert(1)>m</marquee>' },
  { name: 'paragraph onpointerenter', html: '<p onpointerenter=alert(1)>p</p>' },
  { name: 'heading onclick', html: '<h2 onclick=alert(1)>judul</h2>' },
  { name: 'list item onclick', html: '<ul><li onclick=alert(1)>x</li></ul>' },
  { name: 'valid portal picture with onload', html: '<img src="https://ok.test/a.jpg" onload="alert(1)" class="wp-image-812" alt="a">' },
  { name: 'eval of own attributes', html: '<img src=x:alert(alt) onerror=eval(src) alt=0>' },
  { name: 'frameset onload', html: '<frameset onload=alert(1)>' },

  // Dangerous URLs
  { name: 'javascript: link', html: '<a href="javascript:alert(1)">x</a>' },
  { name: 'javascript: mixed case', html: '<a href="JaVaScRiPt:alert(1)">x</a>' },
  { name: 'javascript: with tab entity', html: '<a href="java&#x09;script:alert(1)">x</a>' },
  { name: 'javascript: with newline entity', html: '<a href="jav&#x0A;ascript:alert(1)">x</a>' },
  { name: 'javascript: with raw tab', html: '<a href="java\tscript:alert(1)">x</a>' },
  { name: 'javascript: as decimal entities', html: '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>' },
  { name: 'javascript: as hex entities without semicolons', html: '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)">x</a>' },
  { name: 'javascript: after leading control characters', html: '<a href=" &#14;  javascript:alert(1)">x</a>' },
  { name: 'javascript: with &colon;', html: '<a href="javascript&colon;alert(1)">x</a>' },
  { name: 'javascript: with entity colon, mixed case', html: '<a href="jAvAsCrIpT&#58;alert(1)">x</a>' },
  { name: 'javascript: unquoted and unclosed', html: '<a href=javascript:alert(1)>x' },
  { name: 'vbscript: link', html: '<a href="vbscript:msgbox(1)">x</a>' },
  { name: 'data: HTML link, base64', html: '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>' },
  { name: 'data: HTML link, plain', html: '<a href="data:text/html,<script>alert(1)</script>">x</a>' },
  { name: 'javascript: image', html: '<img src="javascript:alert(1)">' },
  { name: 'data: SVG image with onload', html: '<img src="data:image/svg+xml,<svg onload=alert(1)>">' },
  { name: 'javascript: in srcset', html: '<img src="https://ok.test/a.jpg" srcset="javascript:alert(1) 1x">' },
  { name: 'mailto: with markup in the body', html: '<a href="mailto:x@y.test?body=<script>alert(1)</script>">surat</a>' },
  { name: 'blockquote cite javascript:', html: '<blockquote cite="javascript:alert(1)">q</blockquote>' },
  { name: 'body background javascript:', html: '<body background="javascript:alert(1)">' },
  { name: 'table background javascript:', html: '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>' },
  { name: 'link ping', html: '<a href="https://ok.test/" ping="https://evil.test/">x</a>' },

  // Forms
  { name: 'form action javascript:', html: '<form action="javascript:alert(1)"><input type=submit></form>' },
  { name: 'button formaction', html: '<form><button formaction="javascript:alert(1)">kirim</button></form>' },
  { name: 'formaction on a link', html: '<a href="https://ok.test/" formaction="javascript:alert(1)">x</a>' },
  { name: 'isindex', html: '<isindex action="javascript:alert(1)" type=image>' },

  // Frames, objects, embeds
  { name: 'iframe javascript:', html: '<iframe src="javascript:alert(1)"></iframe>' },
  { name: 'iframe srcdoc', html: '<iframe srcdoc="<script>alert(1)</script>"></iframe>' },
  { name: 'object data', html: '<object data="javascript:alert(1)"></object>' },
  { name: 'embed src', html: '<embed src="javascript:alert(1)">' },
  { name: 'embed SWF', html: '<embed src="https://xss.test/xss.swf" allowscriptaccess="always">' },

  // SVG and MathML
  { name: 'svg onload', html: '<svg onload=alert(1)>' },
  { name: 'script inside svg', html: '<svg><script>alert(1)</script></svg>' },
  { name: 'svg link xlink:href', html: '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>' },
  { name: 'svg animate onbegin', html: '<svg><animate onbegin=alert(1) attributeName=x dur=1s>' },
  { name: 'svg set href', html: '<svg><a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>' },
  { name: 'svg foreignObject', html: '<svg><foreignObject><iframe src="javascript:alert(1)"></iframe></foreignObject></svg>' },

  // Styles
  { name: 'style @import', html: "<style>@import 'https://xss.test/x.css';</style>" },
  { name: 'style with javascript: url', html: '<style>body{background:url("javascript:alert(1)")}</style>' },
  { name: 'style attribute url(javascript:)', html: '<div style="background-image: url(javascript:alert(1))">x</div>' },
  { name: 'CSS expression', html: '<div style="width: expression(alert(1))">x</div>' },
  { name: 'CSS behavior', html: '<p style="behavior: url(https://xss.test/xss.htc)">x</p>' },
  { name: 'full-page overlay link', html: '<a href="https://ok.test/" style="position:fixed;top:0;left:0;width:100%;height:100%">overlay</a>' },

  // Document-level elements
  { name: 'meta refresh', html: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">' },
  { name: 'base href', html: '<base href="javascript:alert(1)//"><a href="/x">x</a>' },
  { name: 'link stylesheet', html: '<link rel="stylesheet" href="javascript:alert(1)">' },

  // Mutation XSS and parser differentials
  { name: 'noscript title breakout', html: '<noscript><p title="</noscript><img src=x onerror=alert(1)>">' },
  { name: 'MathML style namespace confusion', html: '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>' },
  { name: 'select template', html: '<select><template><img src=x onerror=alert(1)></template></select>' },
  { name: 'textarea content', html: '<textarea><img src=x onerror=alert(1)></textarea>' },
  { name: 'title content', html: '<title><img src=x onerror=alert(1)></title>' },
  { name: 'xmp content', html: '<xmp><img src=x onerror=alert(1)></xmp>' },
  { name: 'listing content', html: '<listing><img src=x onerror=alert(1)></listing>' },
  { name: 'noembed content', html: '<noembed><img src=x onerror=alert(1)></noembed>' },
  { name: 'comment breakout in attribute', html: '<p title="--><img src=x onerror=alert(1)>">x</p>' },
  { name: 'quote breakout via entity', html: '<p title="&quot;><script>alert(1)</script>">x</p>' },

  // Malformed and unclosed markup
  { name: 'attribute with unbalanced quotes', html: '<img src="x" alt=""" onerror=alert(1)//">' },
  { name: 'empty quoted attribute then script', html: '<img """><script>alert(1)</script>">' },
  { name: 'unclosed image in a link', html: '<a href="https://ok.test/"><img src=x onerror=alert(1)//' },
  { name: 'unclosed tag at the end', html: '<p>x</p><img src=x onerror=alert(1)' },
  { name: 'data attribute with markup', html: '<div data-bind="html: \'<img src=x onerror=alert(1)>\'">x</div>' },

  // Our own markup, poisoned
  {
    name: 'portal figure with poisoned caption and credit',
    html: '<figure class="wp-block-image"><img src="https://ok.test/a.jpg" class="wp-image-1" alt="a"><figcaption><script>alert(1)</script>Keterangan <span class="credit" onclick="alert(1)">(Foto: <img src=x onerror=alert(1)>)</span></figcaption></figure>',
  },
  { name: 'portal figure with javascript: image', html: '<figure class="wp-block-image"><img src="javascript:alert(1)" class="wp-image-1"><figcaption>x</figcaption></figure>' },
  { name: 'classic caption shortcode with handler', html: '[caption id="attachment_1"]<img src="https://ok.test/a.jpg" onerror="alert(1)" class="wp-image-1"> <b onmouseover=alert(1)>x</b>[/caption]' },
];

/** Strings that break out of text or attribute context if they are not escaped. */
export const XSS_TEXT_PAYLOADS: readonly string[] = [
  ...XSS_VECTORS.map((vector) => vector.html),
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '" onmouseover="alert(1)',
  "' onmouseover='alert(1)",
  '" autofocus onfocus="alert(1)" x="',
  '</figcaption><script>alert(1)</script>',
  '</span></figcaption></figure><img src=x onerror=alert(1)>',
  '</a><script>alert(1)</script><a href="',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '&quot; onerror=&quot;alert(1)',
  '\u0000<script>alert(1)</script>',
  '<!-- <script>alert(1)</script> -->',
  ']]><script>alert(1)</script>',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
];

/** Addresses that must never end up as a working href or src. */
export const XSS_URLS: readonly string[] = [
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  ' javascript:alert(1)',
  '\u0001javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'javascript&colon;alert(1)',
  '&#106;avascript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'file:///etc/passwd',
  'about:blank',
  'blob:https://ok.test/3f1c2a9e-5b7d-4c1a-9e2f-8a6b4c3d2e1f',
  '//xss.test/x.js',
  'https://ok.test/"><script>alert(1)</script>',
  'https://ok.test/" onmouseover="alert(1)',
  "https://ok.test/' onmouseover='alert(1)",
  'https://ok.test/#"><img src=x onerror=alert(1)>',
  'mailto:x@y.test"><script>alert(1)</script>',
  'http://ok.test/?q=<script>alert(1)</script>',
];
