/**
 * Serialised Lexical nodes in exactly the shape the editor writes them (Lexical 0.52's exportJSON,
 * same keys), so a body parsed from the portal loads in the editor like one typed there.
 */
import type { EmbedNodeFields } from '../../shared/embeds';
import type { ImageNodeFields, LexicalDocument, LexicalNode, PortalBlockNodeFields } from '../../shared/lexical-document';

export type HeadingTag = 'h2' | 'h3' | 'h4';
export type ListType = 'bullet' | 'number';

const elementFields = { direction: null, format: '', indent: 0 } as const;

export function textNode(text: string, format = 0): LexicalNode {
  return { detail: 0, format, mode: 'normal', style: '', text, type: 'text', version: 1 };
}

export function linebreakNode(): LexicalNode {
  return { type: 'linebreak', version: 1 };
}

export function linkNode(url: string, children: LexicalNode[]): LexicalNode {
  return { children, rel: null, target: null, title: null, url, ...elementFields, type: 'link', version: 1 };
}

/** textFormat is the format of the first text child: Lexical's reconciler sets it so on every load. */
export function paragraphNode(children: LexicalNode[]): LexicalNode {
  const firstText = children.find((child) => child.type === 'text');
  const textFormat = typeof firstText?.format === 'number' ? firstText.format : 0;
  return { children, ...elementFields, textFormat, textStyle: '', type: 'paragraph', version: 1 };
}

export function headingNode(tag: HeadingTag, children: LexicalNode[]): LexicalNode {
  return { children, tag, ...elementFields, type: 'heading', version: 1 };
}

export function quoteNode(children: LexicalNode[]): LexicalNode {
  return { children, ...elementFields, type: 'quote', version: 1 };
}

export function listNode(listType: ListType, items: LexicalNode[], start = 1): LexicalNode {
  return { children: items, listType, start, tag: listType === 'number' ? 'ol' : 'ul', ...elementFields, type: 'list', version: 1 };
}

export function listItemNode(children: LexicalNode[], value: number, indent = 0): LexicalNode {
  return { children, indent, value, direction: null, format: '', type: 'listitem', version: 1 };
}

export function horizontalRuleNode(): LexicalNode {
  return { type: 'horizontalrule', version: 1 };
}

export function imageNode(fields: ImageNodeFields): LexicalNode {
  return { type: 'image', version: 1, mediaId: fields.mediaId, altText: fields.altText, caption: fields.caption, credit: fields.credit };
}

export function portalBlockNode(fields: PortalBlockNodeFields): LexicalNode {
  return { type: 'portal-block', version: 1, name: fields.name, raw: fields.raw };
}

export function embedNode(fields: EmbedNodeFields): LexicalNode {
  return { type: 'embed', version: 1, provider: fields.provider, url: fields.url };
}

/** headerState as Lexical's TableCellHeaderStates: 1 = header row, 2 = header column, 3 = both. */
export function tableCellNode(children: LexicalNode[], headerState = 0, colSpan = 1, rowSpan = 1): LexicalNode {
  return { children, backgroundColor: null, colSpan, headerState, rowSpan, ...elementFields, type: 'tablecell', version: 1 };
}

export function tableRowNode(cells: LexicalNode[]): LexicalNode {
  return { children: cells, ...elementFields, type: 'tablerow', version: 1 };
}

export function tableNode(rows: LexicalNode[]): LexicalNode {
  return { children: rows, ...elementFields, type: 'table', version: 1 };
}

export function documentOf(children: LexicalNode[]): LexicalDocument {
  return { root: { children, ...elementFields, type: 'root', version: 1 } };
}
