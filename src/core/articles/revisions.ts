/**
 * Revisions: full snapshots of an article's title, excerpt and body at meaningful moments.
 *
 * Growth is bounded per article by thinning the automatic ('interval') snapshots as they age:
 *   - younger than a day: all kept (at most one per revision interval, 5 minutes by default);
 *   - one day to a week old: the newest of each hour is kept;
 *   - older than a week: the newest of each day is kept.
 * Snapshots taken for a reason (before a restore, a submission, an external change, or by hand)
 * are not thinned. Above MAX_REVISIONS_PER_ARTICLE the oldest are dropped, interval ones first.
 * Thinning runs for one article whenever an interval snapshot of it is written, so it costs
 * little and never scans other articles.
 */
import { randomUUID } from 'node:crypto';
import type { RevisionReason, RevisionSummary, Revision } from '../../shared/domain';
import { notFound } from '../../shared/errors';
import type { LexicalDocument } from '../../shared/lexical-document';
import type { SqliteDatabase } from '../storage/database';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export const REVISION_RETENTION = {
  keepAllYoungerThanMs: DAY,
  hourlyUntilMs: 7 * DAY,
  maxPerArticle: 500,
} as const;

export interface NewRevision {
  articleId: string;
  reason: RevisionReason;
  createdAt: number;
  title: string;
  excerpt: string;
  bodyJson: string;
  wordCount: number;
  contentHash: string;
}

interface RevisionRow {
  id: string;
  article_id: string;
  created_at: number;
  reason: RevisionReason;
  title: string;
  word_count: number;
}

interface FullRevisionRow extends RevisionRow {
  excerpt: string;
  body_json: string;
}

const toSummary = (row: RevisionRow): RevisionSummary => ({
  id: row.id,
  articleId: row.article_id,
  createdAt: row.created_at,
  reason: row.reason,
  title: row.title,
  wordCount: row.word_count,
});

export class RevisionStore {
  private readonly insertStmt;
  private readonly latestStmt;
  private readonly listStmt;
  private readonly getStmt;
  private readonly thinCandidatesStmt;
  private readonly countStmt;
  private readonly oldestStmt;
  private readonly deleteStmt;

  constructor(private readonly db: SqliteDatabase) {
    this.insertStmt = db.prepare(
      `INSERT INTO article_revisions (id, article_id, created_at, reason, word_count, content_hash, title, excerpt, body_json)
       VALUES (@id, @articleId, @createdAt, @reason, @wordCount, @contentHash, @title, @excerpt, @bodyJson)`,
    );
    this.latestStmt = db.prepare(
      `SELECT created_at, content_hash FROM article_revisions WHERE article_id = ?
       ORDER BY created_at DESC, rowid DESC LIMIT 1`,
    );
    this.listStmt = db.prepare(
      `SELECT id, article_id, created_at, reason, title, word_count FROM article_revisions WHERE article_id = ?
       ORDER BY created_at DESC, rowid DESC`,
    );
    this.getStmt = db.prepare(
      `SELECT id, article_id, created_at, reason, title, word_count, excerpt, body_json FROM article_revisions WHERE id = ?`,
    );
    this.thinCandidatesStmt = db.prepare(
      `SELECT id, created_at FROM article_revisions
       WHERE article_id = ? AND reason = 'interval' AND created_at < ?
       ORDER BY created_at DESC, rowid DESC`,
    );
    this.countStmt = db.prepare(`SELECT count(*) AS n FROM article_revisions WHERE article_id = ?`);
    this.oldestStmt = db.prepare(
      `SELECT id FROM article_revisions WHERE article_id = ?
       ORDER BY (reason = 'interval') DESC, created_at ASC, rowid ASC LIMIT ?`,
    );
    this.deleteStmt = db.prepare(`DELETE FROM article_revisions WHERE id = ?`);
  }

  insert(revision: NewRevision): RevisionSummary {
    const id = randomUUID();
    this.insertStmt.run({ id, ...revision });
    if (revision.reason === 'interval') this.thin(revision.articleId, revision.createdAt);
    return {
      id,
      articleId: revision.articleId,
      createdAt: revision.createdAt,
      reason: revision.reason,
      title: revision.title,
      wordCount: revision.wordCount,
    };
  }

  latest(articleId: string): { createdAt: number; contentHash: string } | undefined {
    const row = this.latestStmt.get(articleId) as { created_at: number; content_hash: string } | undefined;
    return row && { createdAt: row.created_at, contentHash: row.content_hash };
  }

  list(articleId: string): RevisionSummary[] {
    return (this.listStmt.all(articleId) as RevisionRow[]).map(toSummary);
  }

  get(id: string): Revision {
    const row = this.getStmt.get(id) as FullRevisionRow | undefined;
    if (!row) throw notFound('revision', id);
    return { ...toSummary(row), excerpt: row.excerpt, body: JSON.parse(row.body_json) as LexicalDocument };
  }

  /** Raw stored content of a revision, for restoring it without a parse/serialise round trip. */
  getStored(id: string): FullRevisionRow | undefined {
    return this.getStmt.get(id) as FullRevisionRow | undefined;
  }

  /** Applies the retention rules above to one article; returns how many snapshots were dropped. */
  thin(articleId: string, now: number): number {
    // Part of the caller's transaction when there is one (a savepoint), its own otherwise.
    return this.db.transaction(() => this.thinNow(articleId, now))();
  }

  private thinNow(articleId: string, now: number): number {
    let removed = 0;
    const candidates = this.thinCandidatesStmt.all(articleId, now - REVISION_RETENTION.keepAllYoungerThanMs) as {
      id: string;
      created_at: number;
    }[];
    const seenBuckets = new Set<string>();
    for (const row of candidates) {
      const age = now - row.created_at;
      const bucket =
        age < REVISION_RETENTION.hourlyUntilMs ? `h${Math.floor(row.created_at / HOUR)}` : `d${Math.floor(row.created_at / DAY)}`;
      // Candidates come newest first, so the first of each bucket is the one kept.
      if (seenBuckets.has(bucket)) {
        this.deleteStmt.run(row.id);
        removed++;
      } else {
        seenBuckets.add(bucket);
      }
    }
    const { n } = this.countStmt.get(articleId) as { n: number };
    const excess = n - REVISION_RETENTION.maxPerArticle;
    if (excess > 0) {
      for (const { id } of this.oldestStmt.all(articleId, excess) as { id: string }[]) {
        this.deleteStmt.run(id);
        removed++;
      }
    }
    return removed;
  }
}
