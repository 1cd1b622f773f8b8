/**
 * What the portal holds of a data folder's articles and photos, found the way the sync engine's
 * exactly-once lookups find them (the client id marker in a post's content, the content hash in an
 * attachment's file name), so the soak can count copies and afterwards remove them again.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE_NAME } from '../../src/core/backend';
import type { WordPressClient, WpMedia, WpPost } from '../../src/core/portal/wordpress-client';
import { imageMediaIds, type LexicalDocument } from '../../src/shared/lexical-document';

export interface PortalCopies {
  /** Every local article: its status, the post it is linked to, and the posts carrying its marker. */
  posts: Map<string, { status: string; linkedPostId: number | null; found: WpPost[] }>;
  /** Photos placed in an article that is not a draft, or linked to an attachment: their attachments by hash. */
  photos: Map<string, { hash: string; linkedRemoteId: number | null; found: WpMedia[] }>;
}

export async function portalCopies(dataDir: string, client: WordPressClient): Promise<PortalCopies> {
  const db = new Database(path.join(dataDir, DATABASE_FILE_NAME), { readonly: true, fileMustExist: true });
  const articles = db
    .prepare('SELECT a.id, a.status, a.body_json AS bodyJson, p.post_id AS postId FROM articles a LEFT JOIN portal_posts p ON p.article_id = a.id')
    .all() as { id: string; status: string; bodyJson: string; postId: number | null }[];
  const media = new Map(
    (db.prepare('SELECT m.id, m.file_hash AS hash, pm.remote_id AS remoteId FROM media m LEFT JOIN portal_media pm ON pm.media_id = m.id').all() as {
      id: string;
      hash: string;
      remoteId: number | null;
    }[]).map((m) => [m.id, m]),
  );
  db.close();

  const copies: PortalCopies = { posts: new Map(), photos: new Map() };
  const photoIds = new Set([...media.values()].filter((m) => m.remoteId !== null).map((m) => m.id));
  for (const article of articles) {
    copies.posts.set(article.id, { status: article.status, linkedPostId: article.postId, found: await client.findPostByClientId(article.id) });
    if (article.status !== 'draft') imageMediaIds(JSON.parse(article.bodyJson) as LexicalDocument).forEach((id) => photoIds.add(id));
  }
  for (const id of photoIds) {
    const photo = media.get(id);
    if (photo) copies.photos.set(id, { hash: photo.hash, linkedRemoteId: photo.remoteId, found: await client.findMediaByContentHash(photo.hash) });
  }
  return copies;
}

/** Problems with the copies: exactly one post per article in the workflow (none for drafts), one attachment per photo. */
export function duplicateProblems(copies: PortalCopies): string[] {
  const problems: string[] = [];
  for (const [id, { status, linkedPostId, found }] of copies.posts) {
    const expected = status === 'draft' ? 0 : 1;
    if (found.length !== expected) {
      problems.push(`article ${id} (${status}) has ${found.length} posts with its marker on the portal, expected ${expected}: ${found.map((p) => p.id).join(', ')}`);
    } else if (expected === 1 && found[0]!.id !== linkedPostId) {
      problems.push(`article ${id} is linked to post ${linkedPostId}, but the post with its marker is ${found[0]!.id}`);
    }
  }
  for (const [id, { hash, linkedRemoteId, found }] of copies.photos) {
    if (found.length !== 1) {
      problems.push(`photo ${id} (${hash.slice(0, 24)}) has ${found.length} attachments on the portal: ${found.map((m) => m.id).join(', ')}`);
    } else if (found[0]!.id !== linkedRemoteId) {
      problems.push(`photo ${id} is linked to attachment ${linkedRemoteId}, but the attachment with its hash is ${found[0]!.id}`);
    }
  }
  return problems;
}

/** Deletes the copies for good (the portal is shared with other test runs). */
export async function removeFromPortal(copies: PortalCopies, admin: WordPressClient): Promise<void> {
  const remove = (route: string) => admin.request(route, { method: 'DELETE', query: { force: 'true' } }).catch(() => undefined);
  for (const { found } of copies.posts.values()) for (const post of found) await remove(`/wp/v2/posts/${post.id}`);
  for (const { found } of copies.photos.values()) for (const item of found) await remove(`/wp/v2/media/${item.id}`);
}
