// @vitest-environment happy-dom
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { $getRoot, createEditor, type LexicalEditor } from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLexicalDocument, type LexicalDocument } from '../../../../../shared/lexical-document';
import { fakeClient } from '../../../testing/fake-client';
import { allByRole, byRole, click, during, render, type Rendered } from '../../../testing/render';
import { $replaceBody } from '../article-session';
import { EDITOR_NODES } from '../nodes';
import { editorTheme } from '../theme';
import { TableTools } from './TableTools';

const bodyOf = (editor: LexicalEditor) => editor.getEditorState().toJSON() as unknown as LexicalDocument;
/** Nodes in the exact shape Lexical 0.52 serialises them (as the portal parser writes them). */
const element = { direction: null, format: '', indent: 0, version: 1 };
const paragraph = (words: string) => ({ children: [{ detail: 0, format: 0, mode: 'normal', style: '', text: words, type: 'text', version: 1 }], ...element, textFormat: 0, textStyle: '', type: 'paragraph' });
const cell = (words: string, headerState = 0) => ({ children: [paragraph(words)], backgroundColor: null, colSpan: 1, headerState, rowSpan: 1, ...element, type: 'tablecell' });
const row = (...cells: object[]) => ({ children: cells, ...element, type: 'tablerow' });
const documentOf = (children: object[]) => ({ root: { children, ...element, type: 'root' } }) as unknown as LexicalDocument;
const TABLE = documentOf([{ children: [row(cell('Hari', 1), cell('Jam', 1)), row(cell('Senin'), cell('08.00'))], ...element, type: 'table' }]);

describe('tables in the editor', () => {
  it('load from a stored body (as the portal parser writes them) and save back unchanged', () => {
    const editor = createEditor({ namespace: 'redaksi-article', nodes: [...EDITOR_NODES], onError: (error) => { throw error; } });
    editor.update(() => $replaceBody(TABLE), { discrete: true });
    expect(bodyOf(editor)).toEqual(TABLE);
    expect(checkLexicalDocument(bodyOf(editor))).toEqual([]);
    expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toContain('Senin');
  });
});

describe('TableTools', () => {
  let view: Rendered | undefined;
  let editor: LexicalEditor | undefined;
  afterEach(async () => {
    await view?.unmount();
    view = undefined;
  });

  async function open(stored: LexicalDocument) {
    view = await render(
      <LexicalComposer
        initialConfig={{
          namespace: 'redaksi-article',
          nodes: [...EDITOR_NODES],
          theme: editorTheme,
          onError: (error: Error) => {
            throw error;
          },
          editorState: (e: LexicalEditor) => {
            editor = e;
            e.setEditorState(e.parseEditorState(JSON.stringify(stored)));
          },
        }}
      >
        <div role="toolbar" aria-label="Format">
          <TableTools />
        </div>
        <RichTextPlugin contentEditable={<ContentEditable aria-label="Isi artikel" />} ErrorBoundary={LexicalErrorBoundary} />
        <TablePlugin hasCellMerge={false} hasCellBackgroundColor={false} hasTabHandler hasNestedTables={false} />
      </LexicalComposer>,
      fakeClient(),
    );
    return view.container;
  }

  it('inserts a table with a header row that the backend accepts', async () => {
    const container = await open(documentOf([paragraph('Jadwal:')]));
    editor!.update(() => $getRoot().getFirstChildOrThrow().selectEnd(), { discrete: true });
    await click(byRole(container, 'button', 'Sisipkan tabel'));
    const body = bodyOf(editor!);
    const table = body.root.children.find((node) => node.type === 'table')!;
    expect(table.children).toHaveLength(3);
    expect(table.children![0]!.children!.map((c) => c.headerState)).toEqual([1, 1, 1]);
    expect(table.children![1]!.children!.map((c) => c.headerState)).toEqual([0, 0, 0]);
    expect(checkLexicalDocument(body)).toEqual([]);
  });

  it('adds and deletes rows and columns where the caret is, and offers them only inside a table', async () => {
    const container = await open(documentOf([paragraph('Di luar tabel'), ...TABLE.root.children]));
    editor!.update(() => $getRoot().getFirstChildOrThrow().selectEnd(), { discrete: true });
    expect(allByRole(container, 'button', 'Tambah baris di bawah')).toHaveLength(0);
    // The caret in "Senin".
    await during(() => editor!.update(() => $getRoot().getLastDescendant()!.selectEnd(), { discrete: true }));
    const shape = () => bodyOf(editor!).root.children[1]!.children!.map((row) => row.children!.length);
    await click(byRole(container, 'button', 'Tambah baris di bawah'));
    expect(shape()).toEqual([2, 2, 2]);
    await click(byRole(container, 'button', 'Tambah kolom di kanan'));
    expect(shape()).toEqual([3, 3, 3]);
    await click(byRole(container, 'button', 'Hapus kolom tabel'));
    await click(byRole(container, 'button', 'Hapus baris tabel'));
    expect(shape()).toEqual([2, 2]);
    expect(checkLexicalDocument(bodyOf(editor!))).toEqual([]);
  });
});
