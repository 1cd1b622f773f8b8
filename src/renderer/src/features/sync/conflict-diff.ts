/**
 * The two sides of a conflict compared the way an editor reads them: field by field, and the body
 * paragraph by paragraph. A paragraph is "different" when the other side has no paragraph with the
 * same words (spacing aside), so a moved paragraph is not flagged, a reworded one is.
 */
import { lexicalToPlainText, type LexicalDocument, type LexicalNode } from '../../../../shared/lexical-document';
import type { ConflictSide } from '../../../../shared/sync';

export interface BodyBlock {
  /** Position among the body's top-level blocks (0-based). */
  index: number;
  kind: 'text' | 'image' | 'rule';
  /** The block's words; for a photo, its caption. */
  text: string;
  /** The block as stored, so a merge can copy it whole (formatting, links, photo). */
  node: LexicalNode;
  different: boolean;
}

const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase();

function blocksOf(doc: LexicalDocument): Omit<BodyBlock, 'different'>[] {
  return doc.root.children.map((node, index) => {
    if (node.type === 'image') return { index, kind: 'image' as const, text: typeof node.caption === 'string' ? node.caption : '', node };
    if (node.type === 'horizontalrule') return { index, kind: 'rule' as const, text: '', node };
    return { index, kind: 'text' as const, text: lexicalToPlainText({ root: { type: 'root', children: [node] } }), node };
  });
}

const keyOf = (block: Pick<BodyBlock, 'kind' | 'text' | 'node'>): string =>
  block.kind === 'image' ? `image:${String(block.node.mediaId ?? '')}` : `${block.kind}:${normalise(block.text)}`;

/** Both bodies as blocks, each marked when the other side lacks it. Empty paragraphs are left out. */
export function compareBodies(local: LexicalDocument, remote: LexicalDocument): { local: BodyBlock[]; remote: BodyBlock[] } {
  const a = blocksOf(local).filter((b) => b.kind !== 'text' || b.text.trim() !== '');
  const b = blocksOf(remote).filter((x) => x.kind !== 'text' || x.text.trim() !== '');
  const keysA = new Set(a.map(keyOf));
  const keysB = new Set(b.map(keyOf));
  return {
    local: a.map((block) => ({ ...block, different: !keysB.has(keyOf(block)) })),
    remote: b.map((block) => ({ ...block, different: !keysA.has(keyOf(block)) })),
  };
}

export type ConflictField = 'title' | 'excerpt' | 'category' | 'tags';

/** Which of the short fields differ between the sides (tags compared as a set, ignoring case). */
export function differingFields(local: ConflictSide, remote: ConflictSide): Set<ConflictField> {
  const out = new Set<ConflictField>();
  if (normalise(local.title) !== normalise(remote.title)) out.add('title');
  if (normalise(local.excerpt) !== normalise(remote.excerpt)) out.add('excerpt');
  if (normalise(local.category ?? '') !== normalise(remote.category ?? '')) out.add('category');
  const tags = (side: ConflictSide): string => [...new Set(side.tags.map(normalise))].sort().join('\n');
  if (tags(local) !== tags(remote)) out.add('tags');
  return out;
}
