import { describe, expect, it } from 'vitest';
import type { LexicalDocument } from '../../../../shared/lexical-document';
import { withPhotosAtEnd } from './photo-imports';

function paragraph(text: string) {
  const children = text ? [{ type: 'text', version: 1, text, detail: 0, format: 0, mode: 'normal', style: '' }] : [];
  return { type: 'paragraph', version: 1, children, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '' };
}

function doc(...texts: string[]): LexicalDocument {
  return { root: { type: 'root', version: 1, children: texts.map(paragraph), direction: null, format: '', indent: 0 } } as unknown as LexicalDocument;
}

const shape = (body: LexicalDocument) =>
  (body.root.children as { type: string; mediaId?: string; children?: { text: string }[] }[]).map((node) =>
    node.type === 'image' ? `image:${node.mediaId}` : (node.children ?? []).map((c) => c.text).join(''),
  );

describe('withPhotosAtEnd', () => {
  it('adds the photos in order above the trailing empty line, leaving the text as it was', () => {
    const body = withPhotosAtEnd(doc('Alinea satu.', 'Alinea dua.', ''), ['m1', 'm2']);
    expect(shape(body)).toEqual(['Alinea satu.', 'Alinea dua.', 'image:m1', 'image:m2', '']);
    const [image] = (body.root.children as { type: string }[]).filter((n) => n.type === 'image');
    expect(image).toEqual({ type: 'image', version: 1, mediaId: 'm1', altText: '', caption: '', credit: '' });
  });

  it('leaves an empty line after the photos when the article ended with text', () => {
    expect(shape(withPhotosAtEnd(doc('Alinea satu.'), ['m1']))).toEqual(['Alinea satu.', 'image:m1', '']);
  });
});
