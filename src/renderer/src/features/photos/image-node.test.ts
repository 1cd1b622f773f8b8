// @vitest-environment happy-dom
import { $getClipboardDataFromSelection, $insertDataTransferForRichText } from '@lexical/clipboard';
import {
  $createNodeSelection,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $parseSerializedNode,
  $setSelection,
  createEditor,
  type ElementNode,
  type LexicalEditor,
  type SerializedLexicalNode,
  type TextNode,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import { checkLexicalDocument, lexicalToPlainText, type LexicalDocument } from '../../../../shared/lexical-document';
import { $replaceBody } from '../editor/article-session';
import { EDITOR_NODES } from '../editor/nodes';
import { $createImageNode, $isImageNode, ImageNode } from './image-node';
import { $insertImage } from './insert-image';

const MEDIA_ID = '3f1c2a9e-5b7d-4c1a-9e2f-8a6b4c3d2e1f';
const FIELDS = { mediaId: MEDIA_ID, altText: 'Warga menyeberangi jalan yang tergenang', caption: 'Banjir di Jalan Mulawarman, Tenggarong, Senin (24/11).', credit: 'Rina/Redaksi' };

function headlessEditor(): LexicalEditor {
  return createEditor({
    namespace: 'redaksi-article',
    nodes: [...EDITOR_NODES],
    onError: (error) => {
      throw error;
    },
  });
}

function documentOf(editor: LexicalEditor): LexicalDocument {
  return editor.getEditorState().toJSON() as unknown as LexicalDocument;
}

describe('ImageNode', () => {
  it('is stored as exactly the fields the backend accepts', () => {
    const editor = headlessEditor();
    editor.update(
      () => {
        const paragraph = $createParagraphNode().append($createTextNode('Hujan deras sejak pagi.'));
        $getRoot().append(paragraph, $createImageNode(FIELDS));
      },
      { discrete: true },
    );
    const doc = documentOf(editor);
    expect(doc.root.children[1]).toEqual({ type: 'image', version: 1, ...FIELDS });
    expect(checkLexicalDocument(doc)).toEqual([]);
    // Captions are searchable text on both sides.
    expect(lexicalToPlainText(doc)).toContain('Banjir di Jalan Mulawarman');
    expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toContain('Banjir di Jalan Mulawarman');
  });

  it('comes back unchanged from a stored body (JSON round trip)', () => {
    const stored: LexicalDocument = {
      root: {
        type: 'root',
        version: 1,
        children: [
          { type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: 'Sebelum foto.' }] },
          { type: 'image', version: 1, ...FIELDS },
        ],
      },
    };
    const editor = headlessEditor();
    editor.update(() => $replaceBody(stored), { discrete: true });
    const image = editor.getEditorState().read(() => $getRoot().getLastChild());
    expect(image).toBeInstanceOf(ImageNode);
    expect(documentOf(editor).root.children[1]).toEqual({ type: 'image', version: 1, ...FIELDS });
  });

  it('keeps field edits within what the backend stores', () => {
    const editor = headlessEditor();
    editor.update(() => $getRoot().append($createImageNode(FIELDS)), { discrete: true });
    editor.update(
      () => {
        const node = $getRoot().getFirstChild();
        if (!$isImageNode(node)) throw new Error('no image');
        node.setTextField('caption', 'x'.repeat(2500)).setTextField('credit', 'Antara');
      },
      { discrete: true },
    );
    const image = documentOf(editor).root.children[0]!;
    expect((image.caption as string).length).toBe(2000);
    expect(image.credit).toBe('Antara');
    expect(checkLexicalDocument(documentOf(editor))).toEqual([]);
  });

  it('reads odd pasted JSON as empty text rather than failing', () => {
    const editor = headlessEditor();
    editor.update(
      () => {
        $getRoot().append($parseSerializedNode({ type: 'image', version: 1, mediaId: MEDIA_ID, caption: 42 } as unknown as SerializedLexicalNode));
      },
      { discrete: true },
    );
    expect(documentOf(editor).root.children[0]).toEqual({ type: 'image', version: 1, mediaId: MEDIA_ID, altText: '', caption: '', credit: '' });
  });

  it('survives copy and paste inside the editor with all its fields (Lexical clipboard format)', () => {
    const editor = headlessEditor();
    editor.update(
      () => {
        $getRoot().append($createParagraphNode().append($createTextNode('Paragraf pertama.')), $createImageNode(FIELDS), $createParagraphNode());
      },
      { discrete: true },
    );
    // Copy: the figure selected on its own (a click on the photo makes this selection).
    let clipboard: Record<string, string> = {};
    editor.update(
      () => {
        const selection = $createNodeSelection();
        selection.add($getRoot().getChildAtIndex(1)!.getKey());
        $setSelection(selection);
        clipboard = $getClipboardDataFromSelection(selection) as Record<string, string>;
      },
      { discrete: true },
    );
    const lexical = JSON.parse(clipboard['application/x-lexical-editor']!) as { nodes: unknown[] };
    expect(lexical.nodes).toEqual([{ type: 'image', version: 1, ...FIELDS }]);
    expect(clipboard['text/plain']).toContain('Banjir di Jalan Mulawarman');

    // Paste at the end of the first paragraph.
    const transfer = { getData: (type: string) => clipboard[type] ?? '', types: Object.keys(clipboard) } as unknown as DataTransfer;
    editor.update(
      () => {
        const first = $getRoot().getFirstChildOrThrow();
        const selection = first.selectEnd();
        $insertDataTransferForRichText(transfer, selection, editor);
      },
      { discrete: true },
    );
    const images = documentOf(editor).root.children.filter((node) => node.type === 'image');
    expect(images).toEqual([
      { type: 'image', version: 1, ...FIELDS },
      { type: 'image', version: 1, ...FIELDS },
    ]);
    expect(checkLexicalDocument(documentOf(editor))).toEqual([]);
  });

  it('places photos at the caret; several in a row stay together, in order, with the caret after them', () => {
    const editor = headlessEditor();
    const shape = (): string[] =>
      documentOf(editor).root.children.map((node) => (node.type === 'image' ? `img:${String(node.mediaId).slice(0, 1)}` : `p:${lexicalToPlainText({ root: { type: 'root', children: [node] } })}`));
    const ids = ['1', '2', '3', '4', '5', '6', '7'].map((n) => `${n}f1c2a9e-5b7d-4c1a-9e2f-8a6b4c3d2e1f`);

    // At the end of a line with text after it: below the line, then the next one below that.
    editor.update(
      () => {
        const first = $createParagraphNode().append($createTextNode('Pembuka.'));
        $getRoot().append(first, $createParagraphNode().append($createTextNode('Penutup.')));
        first.selectEnd();
        $insertImage(ids[0]!);
        $insertImage(ids[1]!);
      },
      { discrete: true },
    );
    expect(shape()).toEqual(['p:Pembuka.', 'img:1', 'img:2', 'p:Penutup.']);

    // In the middle of a sentence the line is split around the photo.
    editor.update(
      () => {
        const text = $getRoot().getFirstChildOrThrow<ElementNode>().getFirstChildOrThrow<TextNode>();
        text.select(4, 4);
        $insertImage(ids[2]!);
      },
      { discrete: true },
    );
    expect(shape()).toEqual(['p:Pemb', 'img:3', 'p:uka.', 'img:1', 'img:2', 'p:Penutup.']);

    // With a figure selected: right after it.
    editor.update(
      () => {
        const selection = $createNodeSelection();
        selection.add($getRoot().getChildAtIndex(1)!.getKey());
        $setSelection(selection);
        $insertImage(ids[3]!);
        $insertImage(ids[4]!);
      },
      { discrete: true },
    );
    expect(shape()).toEqual(['p:Pemb', 'img:3', 'img:4', 'img:5', 'p:uka.', 'img:1', 'img:2', 'p:Penutup.']);

    // No caret at all: at the end, with an empty line to go on writing.
    editor.update(
      () => {
        $setSelection(null);
        $insertImage(ids[5]!);
        $insertImage(ids[6]!);
      },
      { discrete: true },
    );
    expect(shape().slice(-4)).toEqual(['p:Penutup.', 'img:6', 'img:7', 'p:']);
    expect(checkLexicalDocument(documentOf(editor))).toEqual([]);
  });
});
