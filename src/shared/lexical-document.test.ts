import { describe, expect, it } from 'vitest';
import { checkLexicalDocument, countWords, emptyDocument, lexicalToPlainText, readingMinutes, type LexicalDocument } from './lexical-document';

/** The definition countWords implements as a scan. */
const referenceCount = (text: string) => text.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu)?.length ?? 0;

describe('countWords', () => {
  it('counts words as a reader does', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  ,.;  ')).toBe(0);
    expect(countWords('Anak-anak bermain di café.')).toBe(4);
    expect(countWords("Jum'at, 10.000 warga — ke-2 kalinya")).toBe(6);
    expect(countWords('a--b -c d- ’e’')).toBe(5);
    expect(countWords('𝐀𝐁 日本語 ١٢٣')).toBe(3);
  });

  it('agrees with the regular-expression definition on random text', () => {
    const alphabet = ['a', 'Z', '9', 'é', 'ß', '-', "'", '’', ' ', '\n', '.', ',', '—', '𝐀', '日', '\u0301', '_', '٣'];
    let seed = 12345;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed);
    for (let round = 0; round < 2000; round++) {
      let text = '';
      const length = next() % 40;
      for (let i = 0; i < length; i++) text += alphabet[next() % alphabet.length];
      expect(countWords(text), JSON.stringify(text)).toBe(referenceCount(text));
    }
  });
});

describe('lexical documents', () => {
  const body: LexicalDocument = {
    root: {
      type: 'root',
      children: [
        { type: 'heading', tag: 'h2', children: [{ type: 'text', text: 'Judul' }] },
        { type: 'paragraph', children: [{ type: 'text', text: 'Satu' }, { type: 'linebreak' }, { type: 'text', text: 'dua' }] },
        { type: 'list', children: [{ type: 'listitem', children: [{ type: 'link', url: 'https://kukar.go.id', children: [{ type: 'text', text: 'tautan' }] }] }] },
      ],
    },
  };

  it('derives plain text with blocks on their own lines', () => {
    expect(lexicalToPlainText(body)).toBe('Judul\nSatu\ndua\ntautan');
    expect(lexicalToPlainText(emptyDocument())).toBe('');
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(50)).toBe(1);
    expect(readingMinutes(1000)).toBe(5);
  });

  it('accepts a well-formed document and the empty one', () => {
    expect(checkLexicalDocument(body)).toEqual([]);
    expect(checkLexicalDocument(emptyDocument())).toEqual([]);
  });

  it('refuses element names and versions the editor would turn into something else', () => {
    const one = (node: Record<string, unknown>) => checkLexicalDocument({ root: { type: 'root', children: [node] } }).map((i) => i.code);
    const text = { type: 'text', text: 'x' };
    expect(one({ type: 'heading', tag: 'h6', children: [text] })).toEqual([]);
    expect(one({ type: 'list', tag: 'ol', listType: 'number', version: 1, children: [] })).toEqual([]);
    for (const node of [
      { type: 'heading', tag: 'script', children: [text] },
      { type: 'heading', tag: 'iframe', children: [text] },
      { type: 'heading', children: [text] },
      { type: 'list', tag: 'object', children: [] },
      { type: 'list', listType: '<b>', children: [] },
      { type: 'paragraph', version: '1', children: [] },
      { type: 'paragraph', version: 0, children: [] },
      { type: 'paragraph', version: 1.5, children: [] },
      { type: 'paragraph', version: { major: 1 }, children: [] },
      { type: 'paragraph', children: [{ ...text, version: -1 }] },
      JSON.parse('{"type":"paragraph","children":[],"__proto__":{"type":"script"}}') as Record<string, unknown>,
    ]) {
      expect(one(node), JSON.stringify(node)).toEqual(['body.invalid']);
    }
  });

  it('accepts every field the editor writes and refuses inline styles, link targets and fields it never writes', () => {
    const one = (node: Record<string, unknown>) => checkLexicalDocument({ root: { type: 'root', children: [node] } }).map((i) => i.code);
    const text = { detail: 0, format: 1, mode: 'normal', style: '', text: 'x', type: 'text', version: 1 };
    const element = { direction: 'ltr', format: 'center', indent: 1, textFormat: 0, textStyle: '', version: 1 };
    const link = { ...element, type: 'link', url: 'https://kukar.go.id', rel: 'noopener noreferrer', target: null, title: 'Kukar', children: [text] };
    const image = { type: 'image', version: 1, mediaId: '0f8fad5b-d9cb-469f-a165-70867728950e', altText: 'a', caption: 'b', credit: 'c' };
    expect(one({ ...element, type: 'paragraph', children: [text, link, { ...text, type: 'tab', text: '\t' }] })).toEqual([]);
    expect(one({ ...element, type: 'list', listType: 'check', start: 1, tag: 'ul', children: [{ ...element, type: 'listitem', checked: true, value: 1, children: [text] }] })).toEqual([]);
    expect(one(image)).toEqual([]);
    const overlay = 'position:fixed;inset:0;z-index:9999;background:white';
    for (const node of [
      { ...element, type: 'paragraph', children: [{ ...text, style: overlay }] },
      { ...element, type: 'paragraph', textStyle: overlay, children: [text] },
      { ...element, type: 'paragraph', children: [{ ...link, target: '_top' }] },
      { ...element, type: 'paragraph', children: [{ ...link, target: '_blank' }] },
      { ...element, type: 'paragraph', children: [{ ...link, rel: 'opener' }] },
      { ...element, type: 'paragraph', style: overlay, children: [text] },
      { ...element, type: 'paragraph', className: 'modal', children: [text] },
      { ...element, type: 'paragraph', direction: 'sideways', children: [text] },
      { ...element, type: 'paragraph', format: 'url(x)', children: [text] },
      { ...element, type: 'paragraph', children: [{ ...text, mode: 'html' }] },
      { ...element, type: 'paragraph', children: [{ ...text, $: { style: overlay } }] },
      { ...image, style: overlay },
      { ...image, src: 'file:///etc/passwd' },
      { type: 'horizontalrule', version: 1, style: overlay },
    ]) {
      expect(one(node), JSON.stringify(node)).toEqual(['body.invalid']);
    }
  });
});
