/**
 * A contributor's story with photos: WordPress's contributor role has no `upload_files`, so the
 * photo files cannot go, but the story must still reach the editor's queue. Each photo that cannot
 * be uploaded stays in the post as a visible line in its place, naming the file and keeping its
 * caption and credit, so the editor sees exactly what is missing and nothing is silently dropped.
 * Once the account may upload (the administrator makes it an author, or grants `upload_files`),
 * the next delivery uploads the photos and puts them in those places. See docs/sync.md.
 */
import type { LexicalDocument, LexicalNode } from '../../shared/lexical-document';

const text = (value: string): LexicalNode => ({ type: 'text', version: 1, text: value, format: 0, detail: 0, mode: 'normal', style: '' });

/** The line standing in for a photo that could not be uploaded. */
export function withheldPhotoLine(name: string, caption: string, credit: string): string {
  const words = [caption.trim(), credit.trim() ? `Foto: ${credit.trim()}` : ''].filter(Boolean).join(' ');
  return `[Foto belum terunggah: ${name} — akun portal penulis tidak boleh mengunggah foto]${words ? ` ${words}` : ''}`;
}

/** The body with every photo in `names` (media id -> file name) replaced by its line. */
export function withholdPhotos(body: LexicalDocument, names: ReadonlyMap<string, string>): LexicalDocument {
  const swap = (node: LexicalNode, atRoot: boolean): LexicalNode => {
    if (node.type === 'image' && typeof node.mediaId === 'string' && names.has(node.mediaId)) {
      const line = text(withheldPhotoLine(names.get(node.mediaId)!, String(node.caption ?? ''), String(node.credit ?? '')));
      return atRoot ? { type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '', children: [line] } : line;
    }
    return node.children ? { ...node, children: node.children.map((child) => swap(child, false)) } : node;
  };
  return { ...body, root: { ...body.root, children: (body.root.children ?? []).map((child) => swap(child, true)) } };
}
