/**
 * The outbox's rows (written by triggers, see migration 004) and what the sync worker does with
 * them: pick the due ones, count an attempt before sending (so a crash mid-request is known to
 * have possibly reached the portal), finish, wait with backoff, or park with a reason.
 */
import type { AppErrorShape } from '../../shared/errors';
import type { SyncItem, SyncItemState } from '../../shared/sync';
import type { SqliteDatabase } from '../storage/database';

export interface OutboxRow {
  id: number;
  article_id: string;
  generation: number;
  state: 'pending' | 'waiting' | 'parked';
  attempts: number;
  next_attempt_at: number | null;
  last_error: string | null;
  queued_at: number;
}

/** Full-jitter exponential backoff (AWS architecture blog): uniform in [0, min(cap, base * 2^n)). */
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 5 * 60_000;

export function backoffDelay(attempts: number, random: () => number, retryAfterMs?: number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  const jittered = Math.floor(random() * ceiling);
  return retryAfterMs !== undefined ? Math.max(jittered, retryAfterMs) : jittered;
}

function parseError(json: string | null): AppErrorShape | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as AppErrorShape;
  } catch {
    return null;
  }
}

export class Outbox {
  private readonly stmts;

  constructor(private readonly db: SqliteDatabase) {
    this.stmts = {
      due: db.prepare(
        `SELECT o.* FROM outbox o JOIN articles a ON a.id = o.article_id
         WHERE (o.state = 'pending' OR (o.state = 'waiting' AND coalesce(o.next_attempt_at, 0) <= ?))
           AND a.status <> 'conflict' AND o.id > ?
         ORDER BY o.id LIMIT 1`,
      ),
      byArticle: db.prepare('SELECT * FROM outbox WHERE article_id = ?'),
      begin: db.prepare('UPDATE outbox SET attempts = attempts + 1 WHERE id = ?'),
      finish: db.prepare('DELETE FROM outbox WHERE id = ? AND generation = ?'),
      // Changed while it was being delivered: deliver again, as a fresh item.
      again: db.prepare(`UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = NULL, last_error = NULL WHERE id = ?`),
      wait: db.prepare(`UPDATE outbox SET state = 'waiting', next_attempt_at = ?, last_error = ? WHERE id = ?`),
      park: db.prepare(`UPDATE outbox SET state = 'parked', next_attempt_at = NULL, last_error = ? WHERE id = ?`),
      wake: db.prepare(`UPDATE outbox SET next_attempt_at = ? WHERE state = 'waiting'`),
      retry: db.prepare(`UPDATE outbox SET state = 'pending', next_attempt_at = NULL WHERE article_id = ? AND state IN ('parked', 'waiting')`),
      enqueue: db.prepare(
        `INSERT INTO outbox (article_id, queued_at) VALUES (?, ?)
         ON CONFLICT (article_id) DO UPDATE SET generation = generation + 1, state = 'pending', next_attempt_at = NULL`,
      ),
      items: db.prepare(
        `SELECT o.*, a.title, a.trashed_at FROM outbox o JOIN articles a ON a.id = o.article_id ORDER BY o.id`,
      ),
      counts: db.prepare(
        `SELECT
           sum(CASE WHEN o.state <> 'parked' THEN 1 ELSE 0 END) AS pending,
           sum(CASE WHEN o.state = 'parked' AND a.status <> 'conflict' THEN 1 ELSE 0 END) AS parked
         FROM outbox o JOIN articles a ON a.id = o.article_id`,
      ),
      nextWake: db.prepare(`SELECT min(next_attempt_at) FROM outbox WHERE state = 'waiting'`).pluck(),
    };
  }

  /** The first item due now after `afterId` (in queue order), so one run visits each item once. */
  nextDue(now: number, afterId: number): OutboxRow | undefined {
    return this.stmts.due.get(now, afterId) as OutboxRow | undefined;
  }

  get(articleId: string): OutboxRow | undefined {
    return this.stmts.byArticle.get(articleId) as OutboxRow | undefined;
  }

  /** Committed before the request goes out: after a crash the next attempt knows to look up first. */
  beginAttempt(row: OutboxRow): OutboxRow {
    this.stmts.begin.run(row.id);
    return { ...row, attempts: row.attempts + 1 };
  }

  /** Delivered the generation it read: gone. Changed meanwhile: stays, to be delivered again. */
  finish(row: OutboxRow): void {
    if (this.stmts.finish.run(row.id, row.generation).changes === 0) this.stmts.again.run(row.id);
  }

  waitUntil(row: OutboxRow, at: number, error: AppErrorShape): void {
    this.stmts.wait.run(at, JSON.stringify(error), row.id);
  }

  park(row: OutboxRow, error: AppErrorShape): void {
    this.stmts.park.run(JSON.stringify(error), row.id);
  }

  /** The connection came back: what was waiting goes now. */
  wakeWaiting(now: number): void {
    this.stmts.wake.run(now);
  }

  /** Articles parked with one of these reasons. */
  parkedWith(codes: readonly string[]): string[] {
    return this.items(null)
      .filter((item) => item.state === 'parked' && item.error !== null && codes.includes(item.error.code))
      .map((item) => item.articleId);
  }

  retry(articleId: string): void {
    this.stmts.retry.run(articleId);
  }

  enqueue(articleId: string, now: number): void {
    this.stmts.enqueue.run(articleId, now);
  }

  nextWakeAt(): number | null {
    return (this.stmts.nextWake.get() as number | null) ?? null;
  }

  counts(): { pending: number; parked: number } {
    const row = this.stmts.counts.get() as { pending: number | null; parked: number | null };
    return { pending: row.pending ?? 0, parked: row.parked ?? 0 };
  }

  items(sendingArticleId: string | null): SyncItem[] {
    return (this.stmts.items.all() as (OutboxRow & { title: string; trashed_at: number | null })[]).map((row) => {
      const state: SyncItemState = row.article_id === sendingArticleId ? 'sending' : row.state;
      return {
        id: row.id,
        articleId: row.article_id,
        title: row.title,
        trashed: row.trashed_at !== null,
        state,
        attempts: row.attempts,
        nextAttemptAt: row.next_attempt_at,
        error: parseError(row.last_error),
        queuedAt: row.queued_at,
      };
    });
  }

  itemFor(articleId: string, sendingArticleId: string | null): SyncItem | null {
    return this.items(sendingArticleId).find((i) => i.articleId === articleId) ?? null;
  }
}
