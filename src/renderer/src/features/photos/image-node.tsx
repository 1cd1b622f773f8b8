/**
 * A prepared photo placed in the article: a block-level decorator that stores only which photo
 * (media id) and the words that go with it here. Its JSON is exactly what the backend accepts
 * (src/shared/lexical-document.ts): {type: 'image', version: 1, mediaId, altText, caption, credit}.
 * The same JSON carries it through copy and paste inside the editor (Lexical's own clipboard format).
 */
import {
  $applyNodeReplacement,
  $createNodeSelection,
  $getNodeByKey,
  $setSelection,
  DecoratorNode,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import type { JSX } from 'react';
import { IMAGE_TEXT_LIMIT, type ImageNodeFields } from '../../../../shared/lexical-document';
import { ImageBlock } from './ImageBlock';

export type SerializedImageNode = Spread<ImageNodeFields, SerializedLexicalNode>;
export type ImageTextField = 'altText' | 'caption' | 'credit';

export const IMAGE_NODE_TYPE = 'image';

/** Text from outside (a paste, an old document) is kept within what the backend stores. */
const bounded = (value: unknown): string => (typeof value === 'string' ? value.slice(0, IMAGE_TEXT_LIMIT) : '');

export class ImageNode extends DecoratorNode<JSX.Element> {
  __mediaId: string;
  __altText: string;
  __caption: string;
  __credit: string;

  static override getType(): string {
    return IMAGE_NODE_TYPE;
  }

  static override clone(node: ImageNode): ImageNode {
    return new ImageNode({ mediaId: node.__mediaId, altText: node.__altText, caption: node.__caption, credit: node.__credit }, node.__key);
  }

  /** Also reads pasted content: anything missing or of the wrong kind becomes empty text. */
  static override importJSON(json: Partial<ImageNodeFields> & Record<string, unknown>): ImageNode {
    return $createImageNode({
      mediaId: typeof json.mediaId === 'string' ? json.mediaId : '',
      altText: bounded(json.altText),
      caption: bounded(json.caption),
      credit: bounded(json.credit),
    });
  }

  constructor(fields: ImageNodeFields = { mediaId: '', altText: '', caption: '', credit: '' }, key?: NodeKey) {
    super(key);
    this.__mediaId = typeof fields.mediaId === 'string' ? fields.mediaId : '';
    this.__altText = bounded(fields.altText);
    this.__caption = bounded(fields.caption);
    this.__credit = bounded(fields.credit);
  }

  /** Always the full form: the backend's check wants every field, and it is tiny anyway. */
  override exportJSON(): SerializedImageNode {
    const latest = this.getLatest();
    return {
      type: IMAGE_NODE_TYPE,
      version: 1,
      mediaId: latest.__mediaId,
      altText: latest.__altText,
      caption: latest.__caption,
      credit: latest.__credit,
    };
  }

  /** For pasting into other programs: the words go along; the photo itself stays in Redaksi. */
  override exportDOM(): DOMExportOutput {
    const latest = this.getLatest();
    const figure = document.createElement('figure');
    const text = [latest.__caption, latest.__credit].filter(Boolean).join(' — ');
    if (text) {
      const caption = document.createElement('figcaption');
      caption.textContent = text;
      figure.append(caption);
    }
    return { element: figure };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = document.createElement('div');
    const className = config.theme.image;
    if (typeof className === 'string') element.className = className;
    return element;
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): false {
    return false;
  }

  /** Captions count as text (search, word count), as they do on the backend. */
  override getTextContent(): string {
    return this.getLatest().__caption;
  }

  getMediaId(): string {
    return this.getLatest().__mediaId;
  }

  getFields(): ImageNodeFields {
    const latest = this.getLatest();
    return { mediaId: latest.__mediaId, altText: latest.__altText, caption: latest.__caption, credit: latest.__credit };
  }

  setTextField(field: ImageTextField, value: string): this {
    const writable = this.getWritable();
    const next = bounded(value);
    if (field === 'altText') writable.__altText = next;
    else if (field === 'caption') writable.__caption = next;
    else writable.__credit = next;
    return writable;
  }

  override decorate(_editor: LexicalEditor, _config: EditorConfig): JSX.Element {
    return <ImageBlock nodeKey={this.__key} mediaId={this.__mediaId} altText={this.__altText} caption={this.__caption} credit={this.__credit} />;
  }
}

export function $createImageNode(fields: ImageNodeFields): ImageNode {
  return $applyNodeReplacement(new ImageNode(fields));
}

export function $isImageNode(node: LexicalNode | null | undefined): node is ImageNode {
  return node instanceof ImageNode;
}

export function $getImageNode(key: NodeKey): ImageNode | null {
  const node = $getNodeByKey(key);
  return $isImageNode(node) ? node : null;
}

/** Selects exactly this node (a figure is selected as a whole, not by a caret). Inside an editor update. */
export function $selectNode(key: NodeKey): void {
  const selection = $createNodeSelection();
  selection.add(key);
  $setSelection(selection);
}
