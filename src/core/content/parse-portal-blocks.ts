/**
 * The parts of portal HTML that hold blocks of their own: the items of a list and the cells of a
 * table. Each is a Flow of the walk in parse-portal-html.ts; what it cannot hold (pictures, kept
 * blocks) is placed after the list or table.
 */
import type { LexicalNode } from '../../shared/lexical-document';
import { groupByLink, normalizeRun, type InlineItem } from './inline';
import { linebreakNode, linkNode, listItemNode, listNode, paragraphNode, tableCellNode, tableNode, tableRowNode, textNode } from './lexical-nodes';
import type { Context, Flow, FoundImage, Hoisted, PortalReader } from './parse-portal-html';
import { ELEMENT, type DomNode } from './portal-dom';

/** Deeper lists are flattened into their parent: keeps the body within the depth the backend accepts. */
const MAX_LIST_DEPTH = 6;

/** The items of one list. Block boundaries inside an item become line breaks. */
export class ListBuilder implements Flow {
  private readonly items: { children: LexicalNode[]; nested: boolean }[] = [];
  private current: InlineItem[] = [];

  constructor(
    private readonly reader: PortalReader,
    private readonly depth: number,
    private readonly hoisted: Hoisted[],
  ) {}

  read(el: DomNode, ctx: Context): void {
    const children = el.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      // Anything but an <li> directly in a list (text, a stray element) is read as an item of its own.
      if (child.nodeType === ELEMENT && child.localName === 'li') this.reader.walk(child, this, ctx);
      else this.reader.node(child, this, ctx);
      this.endItem();
    }
  }

  inline(item: InlineItem): void {
    this.current.push(item);
  }

  boundary(): void {
    softBreak(this.current);
  }

  image(image: FoundImage): void {
    this.hoisted.push({ kind: 'image', image });
  }

  kept(node: LexicalNode): void {
    this.hoisted.push({ kind: 'kept', node });
  }

  list(element: DomNode, ctx: Context): void {
    if (this.depth >= MAX_LIST_DEPTH) {
      // Too deep to nest further: its items join this list.
      this.endItem();
      this.read(element, ctx);
      return;
    }
    this.endItem();
    const nested = this.reader.readList(element, ctx, this.depth + 1, this.hoisted);
    if (nested) this.items.push({ children: [nested], nested: true });
  }

  rule(): void {
    softBreak(this.current);
  }

  /** A table inside a list item: its cells as lines of the item. */
  table(element: DomNode, ctx: Context): void {
    this.reader.walk(element, this, ctx);
  }

  node(listType: 'bullet' | 'number', start: number): LexicalNode | null {
    this.endItem();
    if (this.items.length === 0) return null;
    // Lexical numbers items by position; an item holding a nested list shares the next item's number.
    let value = start;
    const nodes = this.items.map((item) => listItemNode(item.children, item.nested ? value : value++, this.depth - 1));
    return listNode(listType, nodes, start);
  }

  private endItem(): void {
    const children = inlineNodes(this.current);
    this.current = [];
    if (children.length > 0) this.items.push({ children, nested: false });
  }
}

/** One table cell: everything in it is read as lines of one paragraph. */
class CellBuilder implements Flow {
  readonly items: InlineItem[] = [];

  constructor(
    private readonly reader: PortalReader,
    private readonly hoisted: Hoisted[],
  ) {}

  inline(item: InlineItem): void {
    this.items.push(item);
  }

  boundary(): void {
    softBreak(this.items);
  }

  image(image: FoundImage): void {
    this.hoisted.push({ kind: 'image', image });
  }

  kept(node: LexicalNode): void {
    this.hoisted.push({ kind: 'kept', node });
  }

  list(element: DomNode, ctx: Context): void {
    softBreak(this.items);
    this.reader.walk(element, this, ctx);
  }

  rule(): void {
    softBreak(this.items);
  }

  table(element: DomNode, ctx: Context): void {
    softBreak(this.items);
    this.reader.walk(element, this, ctx);
  }
}

const elementChildren = (el: DomNode): DomNode[] => Array.from(el.childNodes).filter((child) => child.nodeType === ELEMENT);

/**
 * A table as Lexical's table nodes: rows from <thead>, <tbody>, <tfoot> or the table itself, header
 * cells (<th>) of the head or of an all-<th> first row as the header row, other <th> as header column.
 */
export function readTable(reader: PortalReader, el: DomNode, ctx: Context, hoisted: Hoisted[]): LexicalNode | null {
  const rows: { row: DomNode; inHead: boolean }[] = [];
  for (const child of elementChildren(el)) {
    if (child.localName === 'tr') rows.push({ row: child, inHead: false });
    else if (child.localName === 'thead' || child.localName === 'tbody' || child.localName === 'tfoot') {
      for (const row of elementChildren(child)) if (row.localName === 'tr') rows.push({ row, inHead: child.localName === 'thead' });
    }
  }
  const nodes: LexicalNode[] = [];
  rows.forEach(({ row, inHead }, index) => {
    const cells = elementChildren(row).filter((cell) => cell.localName === 'td' || cell.localName === 'th');
    if (cells.length === 0) return;
    const headerRow = inHead || (index === 0 && cells.every((cell) => cell.localName === 'th'));
    nodes.push(
      tableRowNode(
        cells.map((cell) => {
          const builder = new CellBuilder(reader, hoisted);
          reader.walk(cell, builder, ctx);
          const headerState = cell.localName !== 'th' ? 0 : headerRow ? 1 : 2;
          return tableCellNode([paragraphNode(inlineNodes(builder.items))], headerState, spanOf(cell, 'colspan'), spanOf(cell, 'rowspan'));
        }),
      ),
    );
  });
  return nodes.length > 0 ? tableNode(nodes) : null;
}

function spanOf(cell: DomNode, name: string): number {
  const value = Number.parseInt(cell.getAttribute?.(name) ?? '', 10);
  return Number.isSafeInteger(value) && value >= 1 && value <= 1000 ? value : 1;
}

/** A line break between two parts of the same block, never two in a row (normalisation trims the ends). */
export function softBreak(items: InlineItem[]): void {
  // Whitespace between two blocks does not count: `</p>\n<cite>` is one break, not two.
  const last = items.findLast((item) => item.kind === 'br' || !/^[ \t\n\r\f]*$/.test(item.text));
  if (last && last.kind !== 'br') items.push({ kind: 'br', link: null });
}

export function inlineNodes(items: readonly InlineItem[]): LexicalNode[] {
  return groupByLink(normalizeRun(items)).flatMap(({ link, items: group }) => {
    const nodes = group.map((item) => (item.kind === 'br' ? linebreakNode() : textNode(item.text, item.format)));
    return link ? [linkNode(link.url, nodes)] : nodes;
  });
}

export function listStart(el: DomNode): number {
  if (el.localName !== 'ol') return 1;
  const start = Number.parseInt(el.getAttribute?.('start') ?? '', 10);
  return Number.isSafeInteger(start) && start >= 0 && start <= 1_000_000 ? start : 1;
}
