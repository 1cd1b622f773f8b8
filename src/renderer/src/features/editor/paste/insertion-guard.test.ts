// @vitest-environment happy-dom
import { $insertGeneratedNodes } from '@lexical/clipboard';
import { $createLinkNode } from '@lexical/link';
import { $createParagraphNode, $createTextNode, $getRoot, $getSelection, PASTE_COMMAND, type LexicalEditor } from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLexicalDocument, type LexicalNode } from '../../../../../shared/lexical-document';
import { $createImageNode } from '../../photos/image-node';
import { forgetOwnCopies } from './insertion-guard';
import { registerPasteCleanup } from './PastePlugin';
import { newArticleEditor } from './testing';

const OVERLAY = 'position:fixed;inset:0;z-index:2147483647;background:#fff';
const PHOTO = '0f8fad5b-d9cb-469f-a165-70867728950e';

/** An article editor with the paste plugin, holding "Banjir di Tenggarong" with "Tenggarong" selected. */
function articleEditor(): LexicalEditor {
  const editor = newArticleEditor();
  registerPasteCleanup(editor);
  editor.update(
    () => {
      const text = $createTextNode('Banjir di Tenggarong');
      $getRoot().clear().append($createParagraphNode().append(text), $createImageNode({ mediaId: PHOTO, altText: 'Banjir', caption: 'Banjir', credit: 'Redaksi' }));
      text.select(10, 20);
    },
    { discrete: true },
  );
  return editor;
}

/** What a hostile page's copy handler can put on the clipboard: Lexical data in the article's namespace. */
const forged = JSON.stringify({
  namespace: 'redaksi-article',
  nodes: [
    {
      type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: OVERLAY,
      children: [
        { type: 'text', version: 1, text: 'Klik di sini', detail: 0, format: 0, mode: 'normal', style: OVERLAY },
        { type: 'link', version: 1, url: 'https://phish.example/', rel: 'opener', target: '_top', title: null, direction: null, format: '', indent: 0, children: [{ type: 'text', version: 1, text: 'masuk', detail: 0, format: 0, mode: 'normal', style: '' }] },
      ],
    },
    { type: 'image', version: 1, mediaId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', altText: '', caption: '', credit: '' },
  ],
});

function pasteEvent(data: Record<string, string>): ClipboardEvent {
  const transfer = new DataTransfer();
  for (const [type, value] of Object.entries(data)) transfer.setData(type, value);
  return new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true });
}

function dispatch(editor: LexicalEditor, run: () => void): void {
  editor.update(run, { discrete: true });
}

function bodyOf(editor: LexicalEditor): { json: string; text: string; images: number; issues: string[] } {
  const state = editor.getEditorState().toJSON();
  const count = (node: LexicalNode): number => (node.type === 'image' ? 1 : 0) + (node.children ?? []).reduce((n, child) => n + count(child), 0);
  return {
    json: JSON.stringify(state),
    text: editor.getEditorState().read(() => $getRoot().getTextContent()),
    images: count(state.root as unknown as LexicalNode),
    issues: checkLexicalDocument(state).map((issue) => issue.code),
  };
}

afterEach(forgetOwnCopies);

describe('Lexical data on the clipboard', () => {
  it('from a web page is cleaned like HTML: no style, no link target, no photo', () => {
    const editor = articleEditor();
    let handled = false;
    const event = pasteEvent({ 'application/x-lexical-editor': forged, 'text/html': '<p style="color:red">Klik <a href="https://phish.example/" target="_top">masuk</a></p>', 'text/plain': 'Klik masuk' });
    dispatch(editor, () => {
      handled = editor.dispatchCommand(PASTE_COMMAND, event);
    });
    expect(handled).toBe(true);
    const body = bodyOf(editor);
    expect(body.text).toContain('Klik masuk');
    expect(body.json).not.toContain('position:fixed');
    expect(body.json).not.toContain('_top');
    expect(body.images).toBe(1); // the article's own photo, not the forged one
    expect(body.issues).toEqual([]);
  });

  it('from a web page with nothing else brings nothing in', () => {
    const editor = articleEditor();
    const before = bodyOf(editor);
    const event = pasteEvent({ 'application/x-lexical-editor': forged });
    let handled = false;
    dispatch(editor, () => {
      handled = editor.dispatchCommand(PASTE_COMMAND, event);
    });
    // Taken here (so Lexical's own paste never imports it), and nothing added.
    expect([handled, event.defaultPrevented]).toEqual([true, true]);
    expect(bodyOf(editor)).toEqual(before);
  });

  it('loses styles, link targets and photos not copied here however it comes in (a drop, say)', () => {
    const editor = articleEditor();
    dispatch(editor, () => {
      const styled = $createTextNode('Klik').setStyle(OVERLAY);
      const link = $createLinkNode('https://phish.example/', { target: '_top', rel: 'opener' }).append($createTextNode('masuk'));
      const paragraph = $createParagraphNode().append(styled, link);
      paragraph.setStyle(OVERLAY);
      const stranger = $createImageNode({ mediaId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', altText: '', caption: '', credit: '' });
      $insertGeneratedNodes(editor, [paragraph, stranger], $getSelection()!);
    });
    const body = bodyOf(editor);
    expect(body.text).toContain('Klik');
    expect(body.json).not.toContain('position:fixed');
    expect(body.json).not.toContain('_top');
    expect(body.json).not.toContain('opener');
    expect(body.images).toBe(1);
    expect(body.issues).toEqual([]);
  });
});
