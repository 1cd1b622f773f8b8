/**
 * Which pasted or dropped things are photos. A screenshot or "Copy image" puts the picture on the
 * clipboard as a file (sometimes only as an item); copying from a word processor puts text there
 * too, together with a picture of the text: then the text is what the person meant to paste.
 */

/** HEIC/HEIF often arrive without a MIME type (or as application/octet-stream): go by the name too. */
const PHOTO_NAME = /\.(jpe?g|png|webp|gif|tiff?|avif|heic|heif)$/i;

export function looksLikePhoto(file: { name: string; type: string }): boolean {
  return file.type.startsWith('image/') || PHOTO_NAME.test(file.name);
}

interface ClipboardLike {
  readonly files: ArrayLike<File>;
  readonly items?: ArrayLike<{ kind: string; type: string; getAsFile(): File | null }>;
  getData(format: string): string;
}

/** The photos to import from a paste; empty when the paste is text (pasted as usual). */
export function imageFilesFromClipboard(data: ClipboardLike): File[] {
  if (data.getData('text/plain').trim() !== '') return [];
  const files = Array.from(data.files).filter(looksLikePhoto);
  if (files.length > 0) return files;
  const fromItems: File[] = [];
  for (const item of Array.from(data.items ?? [])) {
    if (item.kind !== 'file' || !item.type.startsWith('image/')) continue;
    const file = item.getAsFile();
    if (file) fromItems.push(file);
  }
  return fromItems;
}
