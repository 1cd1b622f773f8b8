/**
 * A social or video post in the article (src/shared/embeds.ts): a block-level decorator storing the
 * provider and the canonical address, {type: 'embed', version: 1, provider, url}, exactly what the
 * backend accepts. In the editor it is a card (provider and address); the post itself is never
 * loaded here: no third-party script, frame or picture runs in the app.
 */
import { $applyNodeReplacement, type DOMExportOutput, type LexicalNode, type NodeKey, type SerializedLexicalNode, type Spread } from 'lexical';
import type { JSX } from 'react';
import { LockedBlockNode } from '../locked-block-node';
import { recogniseEmbed, type EmbedNodeFields, type EmbedProvider } from '../../../../../shared/embeds';
import { EmbedCard } from './EmbedCard';

export type SerializedEmbedNode = Spread<EmbedNodeFields, SerializedLexicalNode>;

export const EMBED_NODE_TYPE = 'embed';

export class EmbedNode extends LockedBlockNode {
  __provider: EmbedProvider;
  __url: string;

  static override getType(): string {
    return EMBED_NODE_TYPE;
  }

  static override clone(node: EmbedNode): EmbedNode {
    return new EmbedNode({ provider: node.__provider, url: node.__url }, node.__key);
  }

  /** Also reads pasted content: an address that is not a supported post keeps what it was given, and the backend refuses it. */
  static override importJSON(json: Partial<EmbedNodeFields> & Record<string, unknown>): EmbedNode {
    const found = recogniseEmbed(json.url);
    return $createEmbedNode(found ?? { provider: 'youtube', url: typeof json.url === 'string' ? json.url : '' });
  }

  constructor(fields: EmbedNodeFields = { provider: 'youtube', url: '' }, key?: NodeKey) {
    super(key);
    this.__provider = fields.provider;
    this.__url = fields.url;
  }

  override exportJSON(): SerializedEmbedNode {
    const latest = this.getLatest();
    return { type: EMBED_NODE_TYPE, version: 1, provider: latest.__provider, url: latest.__url };
  }

  /** For pasting into other programs: the address as a line of its own. */
  override exportDOM(): DOMExportOutput {
    const element = document.createElement('p');
    element.textContent = this.getLatest().__url;
    return { element };
  }

  override getTextContent(): string {
    return `${this.getLatest().__url}\n`;
  }

  override decorate(): JSX.Element {
    return <EmbedCard nodeKey={this.__key} provider={this.__provider} url={this.__url} />;
  }
}

export function $createEmbedNode(fields: EmbedNodeFields): EmbedNode {
  return $applyNodeReplacement(new EmbedNode(fields));
}

export function $isEmbedNode(node: LexicalNode | null | undefined): node is EmbedNode {
  return node instanceof EmbedNode;
}
