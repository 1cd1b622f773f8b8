import { parse as parseBlocks } from '@wordpress/block-serialization-default-parser';
import { describe, expect, it } from 'vitest';
import { checkLexicalDocument, type LexicalNode } from '../../shared/lexical-document';
import { BOLD, ITALIC, localMediaFor, portalMedia } from '../../../test-support/portal-article';
import { xssFindings } from '../../../test-support/xss-check';
import { XSS_TEXT_PAYLOADS } from '../../../test-support/xss-vectors';
import { documentOf, linebreakNode, linkNode, paragraphNode, tableCellNode, tableNode, tableRowNode, textNode as t } from './lexical-nodes';
import { parsePortalHtml } from './parse-portal-html';
import { PORTAL_TAGS } from './portal-sanitizer';
import { renderPortalHtml } from './render-portal-html';

const p = (...children: LexicalNode[]) => paragraphNode(children);
const cell = (children: LexicalNode[], headerState = 0, colSpan = 1, rowSpan = 1) => tableCellNode([p(...children)], headerState, colSpan, rowSpan);
const render = (...nodes: LexicalNode[]) => renderPortalHtml(documentOf(nodes), portalMedia, { siteUrl: 'https://kukarnews.test/' });
const parse = (html: string) => parsePortalHtml(html, localMediaFor, { baseUrl: 'https://kukarnews.test/' }).body;

/** Hasil rekapitulasi suara: a header row, bold numbers, a link, a cell spanning two columns. */
const RESULTS = tableNode([
  tableRowNode([cell([t('Pasangan calon')], 1), cell([t('Suara')], 1), cell([t('Persentase')], 1)]),
  tableRowNode([cell([linkNode('https://kukarnews.test/paslon-1/', [t('Paslon 1')])]), cell([t('152.340', BOLD)]), cell([t('51,2%')])]),
  tableRowNode([cell([t('Paslon 2')]), cell([t('145.210', BOLD)]), cell([t('48,8%', ITALIC)])]),
  tableRowNode([cell([t('Jumlah')], 0, 2), cell([t('100%')])]),
]);

describe('tables to and from the portal', () => {
  it('are delivered as core/table with the header row, inline formatting, links and spans', () => {
    expect(render(RESULTS)).toBe(
      [
        '<!-- wp:table -->',
        '<figure class="wp-block-table"><table class="has-fixed-layout"><thead><tr><th>Pasangan calon</th><th>Suara</th><th>Persentase</th></tr></thead><tbody>' +
          '<tr><td><a href="https://kukarnews.test/paslon-1/">Paslon 1</a></td><td><strong>152.340</strong></td><td>51,2%</td></tr>' +
          '<tr><td>Paslon 2</td><td><strong>145.210</strong></td><td><em>48,8%</em></td></tr>' +
          '<tr><td colspan="2">Jumlah</td><td>100%</td></tr></tbody></table></figure>',
        '<!-- /wp:table -->',
      ].join('\n'),
    );
    const [block] = parseBlocks(render(RESULTS));
    expect(block!.blockName).toBe('core/table');
  });

  it('read back to the same table nodes, which pass the body check', () => {
    const body = documentOf([p(t('Hasil rekapitulasi:')), RESULTS]);
    expect(checkLexicalDocument(body)).toEqual([]);
    expect(parse(renderPortalHtml(body, portalMedia, { siteUrl: 'https://kukarnews.test/' }))).toEqual(body);
  });

  it('write a cell of several paragraphs as lines, and leave out empty rows and an empty table', () => {
    const lines = tableNode([tableRowNode([tableCellNode([p(t('Senin')), p(t('08.00 WITA'))])]), tableRowNode([])]);
    expect(render(lines)).toContain('<tbody><tr><td>Senin<br />08.00 WITA</td></tr></tbody>');
    expect(parse(render(lines))).toEqual(documentOf([tableNode([tableRowNode([cell([t('Senin'), linebreakNode(), t('08.00 WITA')])])])]));
    expect(render(tableNode([]))).toBe('');
  });

  it('read a table pasted from Word or a web page: <th> in the first row or in <thead> is the header row, other <th> a header column', () => {
    const word = '<table class="MsoTableGrid" style="border:none"><tbody><tr><th><p class="MsoNormal"><b>Hari</b></p></th><th>Jam</th></tr><tr><th>Senin</th><td><span style="color:red">08.00</span> WITA</td></tr></tbody></table>';
    expect(parse(word)).toEqual(
      documentOf([tableNode([tableRowNode([cell([t('Hari', BOLD)], 1), cell([t('Jam')], 1)]), tableRowNode([cell([t('Senin')], 2), cell([t('08.00 WITA')])])])]),
    );
  });

  it('keep hostile words as text in every cell', () => {
    for (const payload of XSS_TEXT_PAYLOADS) {
      const html = render(tableNode([tableRowNode([cell([t(payload)], 1)]), tableRowNode([cell([t(payload, BOLD)])])]));
      expect(xssFindings(html, { allowedTags: PORTAL_TAGS })).toEqual([]);
    }
  });

  it('are refused by the body check when their shape is not a table\'s', () => {
    const issue = (node: LexicalNode) => checkLexicalDocument(documentOf([node]))[0]?.code;
    const good = cell([t('x')]);
    expect(issue(tableNode([tableRowNode([good])]))).toBeUndefined();
    expect(issue(tableNode([p(t('x'))]))).toBe('body.invalid');
    expect(issue(tableNode([tableRowNode([p(t('x'))])]))).toBe('body.invalid');
    expect(issue(tableNode([tableRowNode([{ ...good, headerState: 7 }])]))).toBe('body.invalid');
    expect(issue(tableNode([tableRowNode([{ ...good, headerState: '1' }])]))).toBe('body.invalid');
    expect(issue(tableNode([tableRowNode([{ ...good, colSpan: 0 }])]))).toBe('body.invalid');
    expect(issue(tableNode([tableRowNode([{ ...good, rowSpan: 1e9 }])]))).toBe('body.invalid');
    expect(issue(tableNode([tableRowNode([{ ...good, backgroundColor: 'red; background-image: url(https://evil.test/x)' }])]))).toBe('body.invalid');
    expect(issue(tableNode([tableRowNode([{ ...good, backgroundColor: '#ffeedd' }])]))).toBeUndefined();
    expect(issue(tableNode([tableRowNode([{ ...good, width: 'calc(100%)' }])]))).toBe('body.invalid');
    expect(issue({ ...tableNode([tableRowNode([good])]), colWidths: ['1px'] })).toBe('body.invalid');
    expect(issue(tableRowNode([good]))).toBeUndefined(); // a stray row is still a valid body; the renderer reads its text
  });
});
