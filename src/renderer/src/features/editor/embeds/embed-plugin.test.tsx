// @vitest-environment happy-dom
import { $createParagraphNode, $createTextNode, $getRoot, createEditor, KEY_ENTER_COMMAND, PASTE_COMMAND, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { checkLexicalDocument, type LexicalDocument } from '../../../../../shared/lexical-document';
import { fakeClient } from '../../../testing/fake-client';
import { byRole, render, text } from '../../../testing/render';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { EDITOR_NODES } from '../nodes';
import { editorTheme } from '../theme';
import { registerEmbeds } from './EmbedPlugin';

function editorWith(words: string, caretAt = words.length): LexicalEditor {
  const editor = createEditor({ namespace: 'redaksi-article', nodes: [...EDITOR_NODES], onError: (error) => { throw error; } });
  registerEmbeds(editor);
  editor.update(
    () => {
      const paragraph = $createParagraphNode();
      const node = $createTextNode(words);
      $getRoot().append($createParagraphNode().append($createTextNode('Pembuka.')), words ? paragraph.append(node) : paragraph);
      if (words) node.select(caretAt, caretAt);
      else paragraph.select();
    },
    { discrete: true },
  );
  return editor;
}

const bodyOf = (editor: LexicalEditor) => editor.getEditorState().toJSON() as unknown as LexicalDocument;
const enter = (editor: LexicalEditor) => {
  let handled = false;
  editor.update(() => { handled = editor.dispatchCommand(KEY_ENTER_COMMAND, new KeyboardEvent('keydown', { key: 'Enter' })); }, { discrete: true });
  return handled;
};
function paste(editor: LexicalEditor, plain: string): boolean {
  const data = new DataTransfer();
  data.setData('text/plain', plain);
  let handled = false;
  editor.update(() => { handled = editor.dispatchCommand(PASTE_COMMAND, new ClipboardEvent('paste', { clipboardData: data })); }, { discrete: true });
  return handled;
}

describe('EmbedPlugin', () => {
  it('turns a post address typed on its own line into an embed when Enter ends the line, in its canonical form', () => {
    const editor = editorWith('https://x.com/BMKG/status/1790000000000000000?s=20');
    expect(enter(editor)).toBe(true);
    const body = bodyOf(editor);
    expect(body.root.children.map((node) => node.type)).toEqual(['paragraph', 'embed', 'paragraph']);
    expect(body.root.children[1]).toEqual({ type: 'embed', version: 1, provider: 'twitter', url: 'https://twitter.com/BMKG/status/1790000000000000000' });
    expect(checkLexicalDocument(body)).toEqual([]);
  });

  it('leaves Enter alone in the middle of the address, after other words, and for other addresses', () => {
    expect(enter(editorWith('https://youtu.be/dQw4w9WgXcQ', 8))).toBe(false);
    expect(enter(editorWith('Tonton https://youtu.be/dQw4w9WgXcQ'))).toBe(false);
    expect(enter(editorWith('https://kukarnews.test/berita'))).toBe(false);
  });

  it('turns an address pasted into an empty line into an embed, and leaves one pasted into a sentence to the paste handling', () => {
    const empty = editorWith('');
    expect(paste(empty, ' https://youtu.be/dQw4w9WgXcQ?si=abc ')).toBe(true);
    expect(bodyOf(empty).root.children[1]).toEqual({ type: 'embed', version: 1, provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' });
    expect(paste(editorWith('Lihat '), 'https://youtu.be/dQw4w9WgXcQ')).toBe(false);
    expect(paste(editorWith(''), 'https://vm.tiktok.com/ZSabc/')).toBe(false);
  });

  it('shows the embed as a card with the provider and the address, loading nothing of the provider', async () => {
    const stored = { root: { type: 'root', version: 1, children: [{ type: 'embed', version: 1, provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' }] } };
    const view = await render(
      <LexicalComposer initialConfig={{ namespace: 'redaksi-article', nodes: [...EDITOR_NODES], theme: editorTheme, editorState: JSON.stringify(stored), onError: (error: Error) => { throw error; } }}>
        <RichTextPlugin contentEditable={<ContentEditable aria-label="Isi artikel" />} ErrorBoundary={LexicalErrorBoundary} />
      </LexicalComposer>,
      fakeClient(),
    );
    const card = byRole(view.container, 'region', 'Sematan YouTube');
    expect(text(card)).toContain('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(view.container.querySelectorAll('iframe, script, img:not([data-lexical-decorator-boundary]), a')).toHaveLength(0);
    await view.unmount();
  });
});
