/**
 * Articles: create, read, save with optimistic versioning, trash, restore from revisions, search.
 * Every mutation runs in one IMMEDIATE transaction, so the row, its place in the search-index
 * queue and any revision it writes are committed together or not at all.
 */
import { randomUUID } from 'node:crypto';
import type { Article, ArticleSummary, LocalRole, RevisionReason, RevisionSummary, SaveResult, SearchHit } from '../../shared/domain';
import { AppError, notFound } from '../../shared/errors';
import { trashRefusal } from '../../shared/workflow';
import { emptyDocument, lexicalToPlainText, countWords, type LexicalDocument } from '../../shared/lexical-document';
import type { SqliteDatabase } from '../storage/database';
import { contentHash, deriveContent, hasContent, type StoredContent } from './content';
import { RevisionStore } from './revisions';
import { SearchIndex } from './search';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './summary-row';

export const DEFAULT_REVISION_INTERVAL_MS = 5 * 60 * 1000;
/** Trashed articles older than this are deleted for good when the app starts. */
export const TRASH_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

export interface ArticlesServiceOptions {
  db: SqliteDatabase;
  clock: () => number;
  revisionIntervalMs?: number;
}

export interface SaveInput {
  id: string;
  baseVersion: number;
  title: string;
  excerpt: string;
  body: LexicalDocument;
}

interface FullRow extends SummaryRow {
  body_json: string;
}

export function versionConflict(id: string, baseVersion: number, currentVersion: number): AppError {
  return new AppError({
    kind: 'conflict',
    code: 'article.versionConflict',
    message: `The article was changed elsewhere (version ${currentVersion}, this edit is based on ${baseVersion}).`,
    params: { id, baseVersion, currentVersion },
  });
}

export function articleTrashed(id: string): AppError {
  return new AppError({
    kind: 'conflict',
    code: 'article.trashed',
    message: 'The article is in the trash. Restore it from the trash before editing it.',
    params: { id },
  });
}

export class ArticlesService {
  readonly revisions: RevisionStore;
  private readonly searchIndex: SearchIndex;
  private readonly db: SqliteDatabase;
  private readonly clock: () => number;
  private readonly revisionIntervalMs: number;
  private readonly stmts;

  constructor(options: ArticlesServiceOptions) {
    this.db = options.db;
    this.clock = options.clock;
    this.revisionIntervalMs = options.revisionIntervalMs ?? DEFAULT_REVISION_INTERVAL_MS;
    this.revisions = new RevisionStore(this.db);
    this.searchIndex = new SearchIndex(this.db);
    const db = this.db;
    this.stmts = {
      insert: db.prepare(
        `INSERT INTO articles (id, status, version, word_count, created_at, updated_at, author, title, excerpt, body_text, body_json)
         VALUES (@id, 'draft', 1, 0, @now, @now, @author, @title, '', '', @bodyJson)`,
      ),
      summaryById: db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles WHERE id = ?`),
      fullById: db.prepare(`SELECT ${SUMMARY_COLUMNS}, body_json FROM articles WHERE id = ?`),
      updateContent: db.prepare(
        `UPDATE articles SET title = @title, excerpt = @excerpt, body_text = @bodyText, body_json = @bodyJson,
                word_count = @wordCount, version = version + 1, updated_at = @now
         WHERE seq = @seq`,
      ),
      listActive: db.prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM articles WHERE trashed_at IS NULL ORDER BY updated_at DESC, seq DESC LIMIT ?`,
      ),
      listTrash: db.prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM articles WHERE trashed_at IS NOT NULL ORDER BY trashed_at DESC, seq DESC LIMIT ?`,
      ),
      setFeatured: db.prepare(`UPDATE articles SET featured_media_id = ?, updated_at = ? WHERE seq = ?`),
      setTrashed: db.prepare(`UPDATE articles SET trashed_at = ? WHERE seq = ?`),
      deleteBySeq: db.prepare(`DELETE FROM articles WHERE seq = ?`),
      // Nothing was ever written, chosen or kept: no text, photo, category, tag, revision, history or post.
      blank: db
        .prepare(
          `SELECT seq FROM articles a WHERE a.id = ? AND a.status = 'draft' AND a.trashed_at IS NULL
             AND trim(a.title) = '' AND trim(a.excerpt) = '' AND a.word_count = 0 AND a.featured_media_id IS NULL
             AND a.category_id IS NULL AND instr(a.body_json, '"type":"image"') = 0
             AND NOT EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id)
             AND NOT EXISTS (SELECT 1 FROM article_revisions r WHERE r.article_id = a.id)
             AND NOT EXISTS (SELECT 1 FROM workflow_events e WHERE e.article_id = a.id)
             AND NOT EXISTS (SELECT 1 FROM portal_posts p WHERE p.article_id = a.id AND p.post_id IS NOT NULL)
             AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.article_id = a.id)`,
        )
        .pluck(),
      // Waiting (not parked) deliveries keep a trashed article until they are done.
      deliveryPending: db.prepare(`SELECT 1 FROM outbox WHERE article_id = ? AND state <> 'parked'`),
      expiredTrash: db
        .prepare(
          `SELECT id FROM articles WHERE trashed_at IS NOT NULL AND trashed_at < ?
             AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.article_id = articles.id AND o.state <> 'parked')`,
        )
        .pluck(),
      deleteById: db.prepare(`DELETE FROM articles WHERE id = ?`),
      // Another computer's article (its portal key is not its own id) keeps whatever it came with.
      claimAuthor: db
        .prepare(
          `UPDATE articles SET author = @name
           WHERE author = '' AND (@id IS NULL OR id = @id)
             AND NOT EXISTS (SELECT 1 FROM portal_posts p WHERE p.article_id = articles.id AND p.client_id <> articles.id)
           RETURNING id`,
        )
        .pluck(),
    };
  }

  private summaryRow(id: string): SummaryRow {
    const row = this.stmts.summaryById.get(id) as SummaryRow | undefined;
    if (!row) throw notFound('article', id);
    return row;
  }

  private fullRow(id: string): FullRow {
    const row = this.stmts.fullById.get(id) as FullRow | undefined;
    if (!row) throw notFound('article', id);
    return row;
  }

  private toArticle(row: FullRow): Article {
    return { ...toSummary(row), version: row.version, body: JSON.parse(row.body_json) as LexicalDocument };
  }

  /**
   * Makes an article, with the id the caller chose (a window shows it before the answer comes) or a
   * new one. An id that exists already is a repeated request: that article is returned as it is.
   */
  create(title = '', author = '', id: string = randomUUID()): Article {
    return this.db
      .transaction(() => {
        if (!this.stmts.summaryById.get(id)) {
          this.stmts.insert.run({ id, now: this.clock(), author, title, bodyJson: JSON.stringify(emptyDocument()) });
        }
        return this.get(id);
      })
      .immediate();
  }

  /**
   * Gives this computer's person as author to articles written here without one (started before
   * the name was set), all of them or only `id`. Returns the ids changed.
   */
  claimAuthor(name: string, id: string | null = null): string[] {
    const trimmed = name.trim();
    if (trimmed === '') return [];
    return this.stmts.claimAuthor.all({ name: trimmed, id }) as string[];
  }

  get(id: string): Article {
    return this.toArticle(this.fullRow(id));
  }

  /** Throws not-found unless the article exists (in the trash or not); cheaper than get(). */
  assertExists(id: string): void {
    this.summaryRow(id);
  }

  list(scope: 'active' | 'trash', limit: number): ArticleSummary[] {
    const stmt = scope === 'trash' ? this.stmts.listTrash : this.stmts.listActive;
    return (stmt.all(limit) as SummaryRow[]).map(toSummary);
  }

  search(query: string, limit: number): SearchHit[] {
    return this.searchIndex.search(query, limit);
  }

  /** Re-indexes the articles changed since the last catch-up (see search.ts); returns how many. */
  catchUpSearchIndex(): number {
    return this.searchIndex.catchUp();
  }

  pendingSearchIndexCount(): number {
    return this.searchIndex.pendingCount();
  }

  /** Checks that an article can be edited from `baseVersion`; returns its row. Call inside a transaction. */
  private editableRow(id: string, baseVersion: number): SummaryRow {
    const row = this.summaryRow(id);
    if (row.trashed_at !== null) throw articleTrashed(id);
    if (row.version !== baseVersion) throw versionConflict(id, baseVersion, row.version);
    return row;
  }

  save(input: SaveInput): SaveResult {
    // Derived outside the transaction: the write lock is held only for the writes themselves.
    const content = deriveContent(input.title, input.excerpt, input.body);
    const now = this.clock();
    const run = this.db.transaction(() => {
      const row = this.editableRow(input.id, input.baseVersion);
      this.stmts.updateContent.run({ ...content, now, seq: row.seq });
      this.maybeIntervalSnapshot(input.id, content, now);
      return { id: input.id, version: row.version + 1, updatedAt: now, wordCount: content.wordCount };
    });
    return run.immediate();
  }

  /**
   * An automatic snapshot when the newest one is older than the revision interval and the content
   * has changed since, and the first time an article has any content at all.
   */
  private maybeIntervalSnapshot(articleId: string, content: StoredContent, now: number): void {
    const latest = this.revisions.latest(articleId);
    if (latest === undefined) {
      if (!hasContent(content)) return;
    } else if (now - latest.createdAt < this.revisionIntervalMs) {
      return;
    }
    const hash = contentHash(content.title, content.excerpt, content.bodyJson);
    if (latest !== undefined && latest.contentHash === hash) return;
    this.revisions.insert({
      articleId,
      reason: 'interval',
      createdAt: now,
      title: content.title,
      excerpt: content.excerpt,
      bodyJson: content.bodyJson,
      wordCount: content.wordCount,
      contentHash: hash,
    });
  }

  /** Snapshots the article's current content with a reason (before a submission, an external change, by hand). */
  snapshot(articleId: string, reason: RevisionReason): RevisionSummary {
    const now = this.clock();
    return this.db.transaction(() => this.snapshotRow(this.fullRow(articleId), reason, now)).immediate();
  }

  private snapshotRow(row: FullRow, reason: RevisionReason, now: number): RevisionSummary {
    return this.revisions.insert({
      articleId: row.id,
      reason,
      createdAt: now,
      title: row.title,
      excerpt: row.excerpt,
      bodyJson: row.body_json,
      wordCount: row.word_count,
      contentHash: contentHash(row.title, row.excerpt, row.body_json),
    });
  }

  /**
   * Puts a revision's content back. The current content is snapshotted first ('before-restore'),
   * so restoring that snapshot undoes the restore.
   */
  restoreRevision(articleId: string, revisionId: string, baseVersion: number): Article {
    const now = this.clock();
    const run = this.db.transaction(() => {
      const current = this.fullRow(articleId);
      if (current.trashed_at !== null) throw articleTrashed(articleId);
      if (current.version !== baseVersion) throw versionConflict(articleId, baseVersion, current.version);
      const revision = this.revisions.getStored(revisionId);
      if (!revision || revision.article_id !== articleId) throw notFound('revision', revisionId);
      this.snapshotRow(current, 'before-restore', now);
      const body = JSON.parse(revision.body_json) as LexicalDocument;
      const bodyText = lexicalToPlainText(body);
      this.stmts.updateContent.run({
        seq: current.seq,
        title: revision.title,
        excerpt: revision.excerpt,
        bodyText,
        bodyJson: revision.body_json,
        wordCount: countWords(bodyText),
        now,
      });
      return this.get(articleId);
    });
    return run.immediate();
  }

  /**
   * Replaces the content with a version that came from elsewhere (the portal, or a conflict's
   * resolution). The current content is snapshotted first ('before-external'), so nothing is lost.
   * Call inside the caller's transaction; returns the new version.
   */
  applyExternalContent(articleId: string, content: { title: string; excerpt: string; body: LexicalDocument }): number {
    const now = this.clock();
    const current = this.fullRow(articleId);
    const derived = deriveContent(content.title, content.excerpt, content.body);
    if (derived.title === current.title && derived.excerpt === current.excerpt && derived.bodyJson === current.body_json) return current.version;
    if (current.word_count > 0 || current.title.trim() !== '' || current.excerpt.trim() !== '') {
      this.snapshotRow(current, 'before-external', now);
    }
    this.stmts.updateContent.run({ ...derived, now, seq: current.seq });
    return current.version + 1;
  }

  /** A new local article for a post that came from the portal (another writer's, for the editor). */
  createExternal(input: { title: string; excerpt: string; body: LexicalDocument; author: string; createdAt: number }): string {
    const id = randomUUID();
    this.stmts.insert.run({ id, now: input.createdAt, author: input.author, title: '', bodyJson: JSON.stringify(emptyDocument()) });
    const derived = deriveContent(input.title, input.excerpt, input.body);
    this.stmts.updateContent.run({ ...derived, now: this.clock(), seq: this.summaryRow(id).seq });
    return id;
  }

  /** The caller has checked that the media exists. */
  setFeaturedImage(id: string, mediaId: string | null): ArticleSummary {
    return this.db
      .transaction(() => {
        const row = this.summaryRow(id);
        if (row.trashed_at !== null) throw articleTrashed(id);
        const now = this.clock();
        this.stmts.setFeatured.run(mediaId, now, row.seq);
        return toSummary({ ...row, featured_media_id: mediaId, updated_at: now });
      })
      .immediate();
  }

  /**
   * Moves an article to the trash (this computer only: a published post stays on the portal).
   * Refused while the article is in the workflow: its post on the portal would go on without it.
   */
  trash(id: string, role: LocalRole): ArticleSummary {
    const now = this.clock();
    return this.db
      .transaction(() => {
        const row = this.summaryRow(id);
        if (row.trashed_at !== null) return toSummary(row);
        const refusal = trashRefusal(row.status, role);
        if (refusal !== null) {
          throw new AppError({
            kind: 'conflict',
            code: `trash.${refusal}`,
            message: `An article that is ${row.status} cannot be moved to the trash (${refusal}).`,
            params: { id, status: row.status, role },
          });
        }
        this.stmts.setTrashed.run(now, row.seq);
        return toSummary({ ...row, trashed_at: now });
      })
      .immediate();
  }

  untrash(id: string): ArticleSummary {
    return this.db
      .transaction(() => {
        const row = this.summaryRow(id);
        if (row.trashed_at === null) return toSummary(row);
        this.stmts.setTrashed.run(null, row.seq);
        return toSummary({ ...row, trashed_at: null });
      })
      .immediate();
  }

  /** Only a trashed article can be deleted for good; its revisions go with it. */
  deleteForever(id: string): { id: string } {
    this.db
      .transaction(() => {
        const row = this.summaryRow(id);
        if (row.trashed_at === null) {
          throw new AppError({
            kind: 'conflict',
            code: 'article.notTrashed',
            message: 'Only an article in the trash can be deleted for good.',
            params: { id },
          });
        }
        // Its outbox row would go with it, and the portal would never hear of the last change.
        if (this.stmts.deliveryPending.get(id) !== undefined) {
          throw new AppError({
            kind: 'conflict',
            code: 'article.deliveryPending',
            message: 'The last change of this article has not reached the portal yet.',
            params: { id },
          });
        }
        this.stmts.deleteBySeq.run(row.seq);
      })
      .immediate();
    return { id };
  }

  /**
   * Deletes an article nothing was ever written in (left right after "Naskah baru"), so that such
   * articles do not pile up in the list; anything else is left alone. True when it was deleted.
   */
  discardIfBlank(id: string): boolean {
    return this.db
      .transaction(() => {
        this.summaryRow(id); // not found: said so, like every handler taking an id
        const seq = this.stmts.blank.get(id) as number | undefined;
        if (seq === undefined) return false;
        this.stmts.deleteBySeq.run(seq);
        return true;
      })
      .immediate();
  }

  /** Deletes articles that have been in the trash longer than the retention period; returns their ids. */
  purgeExpiredTrash(): string[] {
    const cutoff = this.clock() - TRASH_RETENTION_MS;
    return this.db
      .transaction(() => {
        const ids = this.stmts.expiredTrash.all(cutoff) as string[];
        for (const id of ids) this.stmts.deleteById.run(id);
        return ids;
      })
      .immediate();
  }
}
