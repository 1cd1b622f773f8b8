/**
 * A block of the portal's post that Redaksi does not edit (a gallery, a plugin's block, custom HTML
 * an editor added in wp-admin): shown as a locked card with the block's name, movable and
 * deletable, and delivered back byte for byte. Its JSON is exactly what the backend accepts
 * (src/shared/lexical-document.ts): {type: 'portal-block', version: 1, name, raw}. The raw text is
 * never rendered as HTML here; only the name is shown.
 */
import { $applyNodeReplacement, $getNodeByKey, type DOMExportOutput, type LexicalNode, type NodeKey, type SerializedLexicalNode, type Spread } from 'lexical';
import type { JSX } from 'react';
import { LockedBlockNode } from '../locked-block-node';
import type { PortalBlockNodeFields } from '../../../../../shared/lexical-document';
import { PortalBlockCard } from './PortalBlockCard';

export type SerializedPortalBlockNode = Spread<PortalBlockNodeFields, SerializedLexicalNode>;

export const PORTAL_BLOCK_NODE_TYPE = 'portal-block';

export class PortalBlockNode extends LockedBlockNode {
  __name: string;
  __raw: string;

  static override getType(): string {
    return PORTAL_BLOCK_NODE_TYPE;
  }

  static override clone(node: PortalBlockNode): PortalBlockNode {
    return new PortalBlockNode({ name: node.__name, raw: node.__raw }, node.__key);
  }

  /**
   * Also reads pasted content. What does not look like a kept block is kept as given anyway: the
   * backend refuses it on save, and the renderer refuses one that is not one whole block.
   */
  static override importJSON(json: Partial<PortalBlockNodeFields> & Record<string, unknown>): PortalBlockNode {
    return $createPortalBlockNode({ name: typeof json.name === 'string' ? json.name : '', raw: typeof json.raw === 'string' ? json.raw : '' });
  }

  constructor(fields: PortalBlockNodeFields = { name: '', raw: '' }, key?: NodeKey) {
    super(key);
    this.__name = fields.name;
    this.__raw = fields.raw;
  }

  override exportJSON(): SerializedPortalBlockNode {
    const latest = this.getLatest();
    return { type: PORTAL_BLOCK_NODE_TYPE, version: 1, name: latest.__name, raw: latest.__raw };
  }

  /** Copied out of Redaksi, the block is only its name: its markup stays with the portal. */
  override exportDOM(): DOMExportOutput {
    const element = document.createElement('p');
    element.textContent = `[${this.getLatest().__name}]`;
    return { element };
  }

  /** No words of the article: its text is the portal's and is not counted or searched here. */
  override getTextContent(): string {
    return '\n';
  }

  getName(): string {
    return this.getLatest().__name;
  }

  override decorate(): JSX.Element {
    return <PortalBlockCard nodeKey={this.__key} name={this.__name} />;
  }
}

export function $createPortalBlockNode(fields: PortalBlockNodeFields): PortalBlockNode {
  return $applyNodeReplacement(new PortalBlockNode(fields));
}

export function $isPortalBlockNode(node: LexicalNode | null | undefined): node is PortalBlockNode {
  return node instanceof PortalBlockNode;
}

export function $getPortalBlockNode(key: NodeKey): PortalBlockNode | null {
  const node = $getNodeByKey(key);
  return $isPortalBlockNode(node) ? node : null;
}
