// @vitest-environment happy-dom
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { $getRoot, createEditor, type LexicalEditor } from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLexicalDocument, lexicalToPlainText, type LexicalDocument } from '../../../../../shared/lexical-document';
import { fakeClient } from '../../../testing/fake-client';
import { byRole, click, render, text, type Rendered } from '../../../testing/render';
import { $replaceBody } from '../article-session';
import { EDITOR_NODES } from '../nodes';
import { editorTheme } from '../theme';
import { XSS_VECTORS } from '../../../../../../test-support/xss-vectors';
import { PortalBlockNode } from './portal-block-node';

const GALLERY = '<!-- wp:gallery {"linkTo":"none"} -->\n<figure class="wp-block-gallery"><img src="https://kukarnews.test/a.jpg" alt="" onerror="alert(1)"/></figure>\n<!-- /wp:gallery -->';
const paragraph = (words: string) => ({ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: words }] });
const STORED: LexicalDocument = {
  root: { type: 'root', version: 1, children: [paragraph('Pembuka.'), { type: 'portal-block', version: 1, name: 'core/gallery', raw: GALLERY }, paragraph('Penutup.')] },
};

const bodyOf = (editor: LexicalEditor): LexicalDocument => editor.getEditorState().toJSON() as unknown as LexicalDocument;

describe('PortalBlockNode', () => {
  it('comes back from a stored body exactly as the backend accepts it, its markup not counted as words', () => {
    const editor = createEditor({ namespace: 'redaksi-article', nodes: [...EDITOR_NODES], onError: (error) => { throw error; } });
    editor.update(() => $replaceBody(STORED), { discrete: true });
    expect(editor.getEditorState().read(() => $getRoot().getChildAtIndex(1))).toBeInstanceOf(PortalBlockNode);
    const body = bodyOf(editor);
    expect(body.root.children[1]).toEqual({ type: 'portal-block', version: 1, name: 'core/gallery', raw: GALLERY });
    expect(checkLexicalDocument(body)).toEqual([]);
    expect(lexicalToPlainText(body)).toBe('Pembuka.\nPenutup.');
    expect(editor.getEditorState().read(() => $getRoot().getTextContent())).not.toContain('gallery');
  });
});

describe('PortalBlockCard', () => {
  let view: Rendered | undefined;
  let editor: LexicalEditor | undefined;
  afterEach(async () => {
    await view?.unmount();
    view = undefined;
  });

  async function open(stored: LexicalDocument = STORED): Promise<HTMLElement> {
    const initialConfig = {
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
    };
    view = await render(
      <LexicalComposer initialConfig={initialConfig}>
        <RichTextPlugin contentEditable={<ContentEditable aria-label="Isi artikel" />} ErrorBoundary={LexicalErrorBoundary} />
      </LexicalComposer>,
      fakeClient(),
    );
    return view.container;
  }

  it('is a locked card with the block\'s name and never renders the portal\'s markup', async () => {
    const container = await open();
    const card = byRole(container, 'region', 'Blok dari portal: core/gallery');
    expect(text(card)).toContain('Dikelola di portal. Redaksi mengirimnya kembali tanpa perubahan.');
    expect(container.querySelector('img, figure.wp-block-gallery')).toBeNull();
  });

  it('shows hostile markup kept from the portal as nothing but the block\'s name', async () => {
    const blocks = XSS_VECTORS.map((vector) => ({ type: 'portal-block', version: 1, name: 'core/html', raw: `<!-- wp:html -->\n${vector.html}\n<!-- /wp:html -->` }));
    const container = await open({ root: { type: 'root', version: 1, children: blocks } });
    expect(container.querySelectorAll('[data-portal-block="core/html"]')).toHaveLength(XSS_VECTORS.length);
    expect(container.querySelectorAll('script, iframe, img:not([data-lexical-decorator-boundary]), svg:not(.icon), object, embed, a, form, style, link, meta, math')).toHaveLength(0);
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
  });

  it('moves up and down and is removed with its buttons, leaving the rest of the article as it was', async () => {
    const container = await open();
    await click(byRole(container, 'button', 'Pindahkan blok ke atas'));
    expect(bodyOf(editor!).root.children.map((node) => node.type)).toEqual(['portal-block', 'paragraph', 'paragraph']);
    expect(byRole(container, 'button', 'Pindahkan blok ke atas')).toHaveProperty('disabled', true);
    await click(byRole(container, 'button', 'Pindahkan blok ke bawah'));
    await click(byRole(container, 'button', 'Pindahkan blok ke bawah'));
    expect(bodyOf(editor!).root.children.map((node) => node.type)).toEqual(['paragraph', 'paragraph', 'portal-block']);
    await click(byRole(container, 'button', 'Hapus blok dari artikel'));
    expect(bodyOf(editor!).root.children.map((node) => node.type)).toEqual(['paragraph', 'paragraph']);
    expect(container.querySelector('[data-portal-block]')).toBeNull();
  });
});
