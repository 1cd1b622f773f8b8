/**
 * Local ids <-> the portal's: an article's post (with the conflict base), a photo's attachment,
 * a term's id. Plain row access; the sync engine decides what to write.
 */
import { randomUUID } from 'node:crypto';
import type { SqliteDatabase } from '../storage/database';
import { termKey } from '../workflow/terms-service';

export interface PostLink {
  article_id: string;
  client_id: string;
  post_id: number | null;
  remote_status: string;
  link: string;
  base_hash: string | null;
  pushed_hash: string | null;
  seen_modified: string;
  note_seen: string;
  missed_schedule: number;
  status_before: string | null;
  conflict_json: string | null;
  conflict_at: number | null;
  synced_at: number | null;
}

export interface MediaLink {
  media_id: string;
  remote_id: number;
  url: string;
}

export interface TermRef {
  id: string;
  taxonomy: 'category' | 'tag';
  name: string;
  remote_id: number | null;
}

export class PortalLinks {
  private readonly stmts;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly clock: () => number,
  ) {
    this.stmts = {
      post: db.prepare('SELECT * FROM portal_posts WHERE article_id = ?'),
      postByRemote: db.prepare('SELECT * FROM portal_posts WHERE post_id = ?'),
      postByClientId: db.prepare('SELECT * FROM portal_posts WHERE client_id = ?'),
      insertPost: db.prepare('INSERT OR IGNORE INTO portal_posts (article_id, client_id) VALUES (?, ?)'),
      updatePost: db.prepare(
        `UPDATE portal_posts SET post_id = @post_id, remote_status = @remote_status, link = @link, base_hash = @base_hash,
           pushed_hash = @pushed_hash, seen_modified = @seen_modified, note_seen = @note_seen, missed_schedule = @missed_schedule, synced_at = @synced_at
         WHERE article_id = @article_id`,
      ),
      setConflict: db.prepare('UPDATE portal_posts SET conflict_json = ?, conflict_at = ?, status_before = ? WHERE article_id = ?'),
      clearConflict: db.prepare('UPDATE portal_posts SET conflict_json = NULL, conflict_at = NULL, status_before = NULL WHERE article_id = ?'),
      linked: db.prepare(
        `SELECT p.* FROM portal_posts p JOIN articles a ON a.id = p.article_id
         WHERE p.post_id IS NOT NULL AND a.trashed_at IS NULL AND a.status <> 'conflict'
           AND NOT (a.status = 'published' AND p.remote_status = 'publish')`,
      ),
      conflicts: db.prepare(`SELECT count(*) FROM portal_posts WHERE conflict_json IS NOT NULL`).pluck(),
      media: db.prepare('SELECT * FROM portal_media WHERE media_id = ?'),
      mediaByRemote: db.prepare('SELECT * FROM portal_media WHERE remote_id = ?'),
      mediaByUrl: db.prepare('SELECT * FROM portal_media WHERE url = ?'),
      upsertMedia: db.prepare(
        `INSERT INTO portal_media (media_id, remote_id, url) VALUES (?, ?, ?)
         ON CONFLICT (media_id) DO UPDATE SET remote_id = excluded.remote_id, url = excluded.url`,
      ),
      term: db.prepare('SELECT id, taxonomy, name, remote_id FROM terms WHERE id = ?'),
      termByRemote: db.prepare('SELECT id, taxonomy, name, remote_id FROM terms WHERE taxonomy = ? AND remote_id = ?'),
      termByKey: db.prepare('SELECT id, taxonomy, name, remote_id FROM terms WHERE taxonomy = ? AND name_key = ?'),
      setTermRemote: db.prepare('UPDATE terms SET remote_id = ? WHERE id = ?'),
      insertTerm: db.prepare('INSERT INTO terms (id, taxonomy, name, name_key, remote_id, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
      articleTags: db.prepare(
        `SELECT t.id, t.taxonomy, t.name, t.remote_id FROM article_tags at JOIN terms t ON t.id = at.term_id
         WHERE at.article_id = ? ORDER BY at.position`,
      ),
    };
  }

  post(articleId: string): PostLink | undefined {
    return this.stmts.post.get(articleId) as PostLink | undefined;
  }

  postByRemoteId(postId: number): PostLink | undefined {
    return this.stmts.postByRemote.get(postId) as PostLink | undefined;
  }

  postByClientId(clientId: string): PostLink | undefined {
    return this.stmts.postByClientId.get(clientId) as PostLink | undefined;
  }

  /** The article's link, created with its client id (the article's own uuid) on first use. */
  ensurePost(articleId: string, clientId: string = articleId): PostLink {
    this.stmts.insertPost.run(articleId, clientId);
    return this.post(articleId)!;
  }

  savePost(link: PostLink): void {
    this.stmts.updatePost.run({ ...link, synced_at: this.clock() });
  }

  setConflict(articleId: string, remoteJson: string, statusBefore: string): void {
    this.stmts.setConflict.run(remoteJson, this.clock(), statusBefore, articleId);
  }

  clearConflict(articleId: string): void {
    this.stmts.clearConflict.run(articleId);
  }

  /** Posts worth reading back: delivered, not in conflict, and not settled as published on both sides. */
  linkedPosts(): PostLink[] {
    return this.stmts.linked.all() as PostLink[];
  }

  conflictCount(): number {
    return this.stmts.conflicts.get() as number;
  }

  media(mediaId: string): MediaLink | undefined {
    return this.stmts.media.get(mediaId) as MediaLink | undefined;
  }

  mediaByRemoteId(remoteId: number): MediaLink | undefined {
    return this.stmts.mediaByRemote.get(remoteId) as MediaLink | undefined;
  }

  mediaByUrl(url: string): MediaLink | undefined {
    return this.stmts.mediaByUrl.get(url) as MediaLink | undefined;
  }

  saveMedia(mediaId: string, remoteId: number, url: string): void {
    this.stmts.upsertMedia.run(mediaId, remoteId, url);
  }

  term(id: string): TermRef | undefined {
    return this.stmts.term.get(id) as TermRef | undefined;
  }

  articleTags(articleId: string): TermRef[] {
    return this.stmts.articleTags.all(articleId) as TermRef[];
  }

  setTermRemoteId(termId: string, remoteId: number): void {
    this.stmts.setTermRemote.run(remoteId, termId);
  }

  /** The local term the portal knows by this id, if any. */
  termByRemoteId(taxonomy: 'category' | 'tag', remoteId: number): TermRef | undefined {
    return this.stmts.termByRemote.get(taxonomy, remoteId) as TermRef | undefined;
  }

  /** The local term for a portal term: matched by the portal's id, then by name; created if new. */
  localTermFor(taxonomy: 'category' | 'tag', remoteId: number, name: string): TermRef {
    const byRemote = this.termByRemoteId(taxonomy, remoteId);
    if (byRemote) return byRemote;
    const display = name.trim().replace(/\s+/g, ' ') || `#${remoteId}`;
    const byName = this.stmts.termByKey.get(taxonomy, termKey(display)) as TermRef | undefined;
    if (byName) {
      if (byName.remote_id === null) this.setTermRemoteId(byName.id, remoteId);
      return { ...byName, remote_id: byName.remote_id ?? remoteId };
    }
    const id = randomUUID();
    this.stmts.insertTerm.run(id, taxonomy, display, termKey(display), remoteId, this.clock());
    return { id, taxonomy, name: display, remote_id: remoteId };
  }
}
