// @vitest-environment happy-dom
import { $getClipboardDataFromSelection } from '@lexical/clipboard';
import { $createParagraphNode, $createTextNode, $getRoot, $getSelection, COPY_COMMAND, PASTE_COMMAND, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { checkLexicalDocument, lexicalToPlainText, type LexicalDocument } from '../../../../../shared/lexical-document';
import { registerPasteCleanup } from './PastePlugin';
import { newArticleEditor } from './testing';

/** An editor holding one paragraph, the caret at its end (or "Tenggarong" selected), with only this plugin. */
function editorWith(text: string, selectWord = false): LexicalEditor {
  const editor = newArticleEditor();
  registerPasteCleanup(editor);
  editor.update(
    () => {
      const node = $createTextNode(text);
      $getRoot().clear().append($createParagraphNode().append(node));
      const start = text.indexOf('Tenggarong');
      if (selectWord) node.select(start, start + 'Tenggarong'.length);
      else node.selectEnd();
    },
    { discrete: true },
  );
  return editor;
}

function pasteEvent(data: Record<string, string>, files: File[] = []): ClipboardEvent {
  const transfer = new DataTransfer();
  for (const [type, value] of Object.entries(data)) transfer.setData(type, value);
  for (const file of files) transfer.items.add(file);
  return new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true });
}

/** Whether the plugin took the paste, and the article's text afterwards. */
function paste(editor: LexicalEditor, event: ClipboardEvent): { handled: boolean; text: string } {
  let handled = false;
  editor.update(() => {
    handled = editor.dispatchCommand(PASTE_COMMAND, event);
  }, { discrete: true });
  return { handled, text: editor.getEditorState().read(() => $getRoot().getTextContent()) };
}

describe('the paste plugin', () => {
  it('keeps a pasted table (election results from a web page) as a table the backend accepts', () => {
    const editor = editorWith('');
    const html = '<p>Hasil rekapitulasi:</p><table><thead><tr><th>Paslon</th><th>Suara</th></tr></thead><tbody><tr><td><a href="https://kpu.test/1">Paslon 1</a></td><td><b>152.340</b></td></tr></tbody></table>';
    expect(paste(editor, pasteEvent({ 'text/html': html, 'text/plain': 'Hasil rekapitulasi: Paslon Suara Paslon 1 152.340' })).handled).toBe(true);
    const body = editor.getEditorState().toJSON() as unknown as LexicalDocument;
    const table = body.root.children.find((node) => node.type === 'table')!;
    expect(table.children!.map((row) => row.children!.map((cell) => [(cell.headerState as number) & 1, lexicalToPlainText({ root: { type: 'root', children: [cell] } } as LexicalDocument)]))).toEqual([
      [[1, 'Paslon'], [1, 'Suara']],
      [[0, 'Paslon 1'], [0, '152.340']],
    ]);
    expect(JSON.stringify(table)).toContain('"url":"https://kpu.test/1"');
    expect(checkLexicalDocument(body)).toEqual([]);
  });

  it('inserts the cleaned HTML where the caret is', () => {
    const event = pasteEvent({ 'text/html': '<b style="font-weight:normal" id="docs-internal-guid-1"><span style="color:red">Kukar</span></b>', 'text/plain': 'Kukar' });
    expect(paste(editorWith('Banjir di '), event)).toEqual({ handled: true, text: 'Banjir di Kukar' });
    expect(event.defaultPrevented).toBe(true);
  });

  it('inserts WhatsApp text with its formats', () => {
    const editor = editorWith('');
    expect(paste(editor, pasteEvent({ 'text/plain': '*Siaga II* di Tenggarong' })).handled).toBe(true);
    const bold = editor.getEditorState().read(() => $getRoot().getAllTextNodes().filter((node) => node.hasFormat('bold')).map((node) => node.getTextContent()));
    expect(bold).toEqual(['Siaga II']);
  });

  it('leaves photos to the photo import', () => {
    const photo = new File([new Uint8Array([0xff, 0xd8])], 'image.jpg', { type: 'image/jpeg' });
    const event = pasteEvent({ 'text/html': '<img src="https://portal.example.id/foto.jpg">' }, [photo]);
    expect(paste(editorWith('Banjir'), event)).toEqual({ handled: false, text: 'Banjir' });
    expect(event.defaultPrevented).toBe(false);
  });

  it('leaves a paste of other files (no text at all) to Lexical, which hands them to the photo import', () => {
    const pdf = new File([new Uint8Array([0x25])], 'surat.pdf', { type: 'application/pdf' });
    expect(paste(editorWith('Banjir'), pasteEvent({}, [pdf])).handled).toBe(false);
  });

  it('leaves a copy made here from this editor to Lexical’s own format, and cleans any other', () => {
    const editor = editorWith('Banjir di Tenggarong', true);
    let own = '';
    editor.update(() => {
      editor.dispatchCommand(COPY_COMMAND, null);
      own = $getClipboardDataFromSelection($getSelection())['application/x-lexical-editor'] ?? '';
    }, { discrete: true });
    expect(paste(editor, pasteEvent({ 'application/x-lexical-editor': own, 'text/html': '<p>x</p>' })).handled).toBe(false);
    const lookalike = JSON.stringify({ namespace: 'redaksi-article', nodes: [] });
    expect(paste(editorWith('Banjir'), pasteEvent({ 'application/x-lexical-editor': lookalike, 'text/html': '<p>x</p>' })).handled).toBe(true);
    const foreign = JSON.stringify({ namespace: 'another-app', nodes: [] });
    expect(paste(editorWith('Banjir'), pasteEvent({ 'application/x-lexical-editor': foreign, 'text/html': '<p>x</p>' })).handled).toBe(true);
  });

  it('leaves a web address pasted over selected words to the link plugin', () => {
    expect(paste(editorWith('Banjir di Tenggarong', true), pasteEvent({ 'text/plain': 'https://kukarkab.go.id/' })).handled).toBe(false);
    expect(paste(editorWith('Banjir di Tenggarong', true), pasteEvent({ 'text/plain': 'Kutai Kartanegara' })).text).toBe('Banjir di Kutai Kartanegara');
  });

  it('leaves a figure’s caption, credit and alt-text fields to the browser', () => {
    const editor = editorWith('Banjir');
    const controls = document.createElement('div');
    controls.setAttribute('data-image-controls', '');
    const caption = document.createElement('input');
    controls.append(caption);
    document.body.append(controls);
    let handled: boolean | null = null;
    caption.addEventListener('paste', (event) => {
      editor.update(() => {
        handled = editor.dispatchCommand(PASTE_COMMAND, event as ClipboardEvent);
      }, { discrete: true });
    });
    caption.dispatchEvent(pasteEvent({ 'text/plain': 'Warga menyeberangi Jalan Mulawarman' }));
    expect(handled).toBe(false);
    controls.remove();
  });

  it('does nothing while the article is read-only', () => {
    const editor = editorWith('Banjir');
    editor.setEditable(false);
    expect(paste(editor, pasteEvent({ 'text/plain': 'tambahan' }))).toEqual({ handled: false, text: 'Banjir' });
  });
});
