// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { imageFilesFromClipboard, looksLikePhoto } from './clipboard-files';

function clipboard(files: File[], text = '', items?: { kind: string; type: string; getAsFile(): File | null }[]) {
  return { files, items, getData: (format: string) => (format === 'text/plain' ? text : '') };
}

describe('photos on the clipboard', () => {
  const jpeg = new File([new Uint8Array([0xff, 0xd8])], 'banjir.jpg', { type: 'image/jpeg' });
  const heic = new File([new Uint8Array([0])], 'IMG_2041.HEIC', { type: '' });
  const pdf = new File([new Uint8Array([0x25])], 'surat.pdf', { type: 'application/pdf' });

  it('takes image files, including HEIC without a type', () => {
    expect(imageFilesFromClipboard(clipboard([jpeg, heic, pdf]))).toEqual([jpeg, heic]);
    expect(looksLikePhoto(heic)).toBe(true);
    expect(looksLikePhoto(pdf)).toBe(false);
  });

  it('leaves a paste with text to the editor (e.g. from a word processor that adds a picture of the text)', () => {
    expect(imageFilesFromClipboard(clipboard([jpeg], 'Banjir di Tenggarong'))).toEqual([]);
  });

  it('falls back to clipboard items when there are no files', () => {
    const screenshot = new File([new Uint8Array([0x89])], 'image.png', { type: 'image/png' });
    const items = [
      { kind: 'string', type: 'text/html', getAsFile: () => null },
      { kind: 'file', type: 'image/png', getAsFile: () => screenshot },
    ];
    expect(imageFilesFromClipboard(clipboard([], '', items))).toEqual([screenshot]);
  });
});
