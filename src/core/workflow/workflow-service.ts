/**
 * The editorial workflow in the backend: every transition is decided by the shared rules
 * (src/shared/workflow.ts), checked against the article's readiness when it is submitted, and
 * recorded as a workflow event in the same transaction as the status change.
 */
import { randomUUID } from 'node:crypto';
import type {
  ArticleStatus,
  ArticleSummary,
  LocalRole,
  QueueItem,
  ReadinessProblem,
  WorkflowActionName,
  WorkflowEvent,
} from '../../shared/domain';
import { AppError, notFound } from '../../shared/errors';
import { canEdit, decideTransition, readinessProblems, type TransitionRefusal } from '../../shared/workflow';
import type { ArticlesService } from '../articles/articles-service';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from '../articles/summary-row';
import type { SqliteDatabase } from '../storage/database';

export interface Actor {
  role: LocalRole;
  name: string;
}

export interface TransitionInput {
  id: string;
  action: WorkflowActionName;
  note?: string;
  publishAt?: number;
}

interface EventRow {
  id: string;
  article_id: string;
  action: WorkflowActionName;
  from_status: ArticleStatus;
  to_status: ArticleStatus;
  actor_role: LocalRole;
  actor_name: string;
  note: string;
  publish_at: number | null;
  created_at: number;
}

const toEvent = (row: EventRow): WorkflowEvent => ({
  id: row.id,
  articleId: row.article_id,
  action: row.action,
  fromStatus: row.from_status,
  toStatus: row.to_status,
  actorRole: row.actor_role,
  actorName: row.actor_name,
  note: row.note,
  publishAt: row.publish_at,
  createdAt: row.created_at,
});

function refusalError(refusal: TransitionRefusal, action: WorkflowActionName): AppError {
  const params: Record<string, string> = { action };
  if ('status' in refusal) params.status = refusal.status;
  if ('role' in refusal) params.role = refusal.role;
  return new AppError({
    kind: refusal.code === 'workflow.notAllowedFromStatus' ? 'conflict' : 'validation',
    code: refusal.code,
    message: `Cannot ${action}: ${refusal.code}`,
    params,
  });
}

export class WorkflowService {
  private readonly stmts;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly articles: ArticlesService,
    private readonly clock: () => number,
  ) {
    this.stmts = {
      summary: db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles WHERE articles.id = ?`),
      setStatus: db.prepare(
        `UPDATE articles SET status = @status, status_changed_at = @now, publish_at = @publishAt, updated_at = @now WHERE id = @id`,
      ),
      insertEvent: db.prepare(
        `INSERT INTO workflow_events (id, article_id, action, from_status, to_status, actor_role, actor_name, note, publish_at, created_at)
         VALUES (@id, @article_id, @action, @from_status, @to_status, @actor_role, @actor_name, @note, @publish_at, @created_at)`,
      ),
      history: db.prepare(`SELECT * FROM workflow_events WHERE article_id = ? ORDER BY created_at, rowid`),
      latestRejection: db.prepare(
        `SELECT * FROM workflow_events WHERE article_id = ? AND to_status = 'rejected' ORDER BY created_at DESC, rowid DESC LIMIT 1`,
      ),
      queue: db.prepare(
        `SELECT ${SUMMARY_COLUMNS},
           (SELECT note FROM workflow_events e WHERE e.article_id = articles.id AND e.note <> '' ORDER BY e.created_at DESC, e.rowid DESC LIMIT 1) AS last_note
         FROM articles
         WHERE articles.trashed_at IS NULL AND articles.status IN ('submitted', 'approved', 'scheduled')
         ORDER BY coalesce(articles.publish_at, articles.status_changed_at, articles.updated_at), articles.seq`,
      ),
    };
  }

  private summary(id: string): ArticleSummary {
    const row = this.stmts.summary.get(id) as SummaryRow | undefined;
    if (!row) throw notFound('article', id);
    return toSummary(row);
  }

  /** Refuses a content change the person's role may not make in the article's current status. */
  assertEditable(id: string, role: LocalRole, code: 'workflow.notEditable' | 'workflow.restoreNotEditable' = 'workflow.notEditable'): void {
    const { status } = this.summary(id);
    if (!canEdit(status, role)) {
      throw new AppError({
        kind: 'conflict',
        code,
        message: `A ${role} cannot change an article that is ${status}.`,
        params: { status, role },
      });
    }
  }

  check(id: string): ReadinessProblem[] {
    return readinessProblems(this.articles.get(id));
  }

  transition(input: TransitionInput, actor: Actor): { article: ArticleSummary; event: WorkflowEvent } {
    const now = this.clock();
    return this.db
      .transaction(() => {
        const article = this.articles.get(input.id);
        if (article.trashedAt !== null) {
          throw new AppError({ kind: 'conflict', code: 'article.trashed', message: 'The article is in the trash.', params: { id: input.id } });
        }
        const decision = decideTransition({
          action: input.action,
          status: article.status,
          role: actor.role,
          note: input.note,
          publishAt: input.publishAt,
          now,
        });
        if (!decision.ok) throw refusalError(decision.refusal, input.action);
        if (input.action === 'submit') {
          const problems = readinessProblems(article);
          if (problems.length > 0) {
            throw new AppError({
              kind: 'validation',
              code: 'workflow.notReady',
              message: `The article is not ready: ${problems.map((p) => p.code).join(', ')}`,
              params: { count: problems.length },
              issues: problems.map((p) => ({ path: p.position ? `image.${p.position}` : p.code, code: `readiness.${p.code}`, message: p.code })),
            });
          }
          this.articles.snapshot(input.id, 'before-submit');
          this.articles.claimAuthor(actor.name, input.id);
        }
        const publishAt =
          input.action === 'schedule' ? input.publishAt! : input.action === 'publish-now' ? now : input.action === 'unschedule' ? null : article.publishAt;
        this.stmts.setStatus.run({ id: input.id, status: decision.to, now, publishAt });
        const event: EventRow = {
          id: randomUUID(),
          article_id: input.id,
          action: input.action,
          from_status: article.status,
          to_status: decision.to,
          actor_role: actor.role,
          actor_name: actor.name,
          note: input.note?.trim() ?? '',
          publish_at: publishAt,
          created_at: now,
        };
        this.stmts.insertEvent.run(event);
        return { article: this.summary(input.id), event: toEvent(event) };
      })
      .immediate();
  }

  /**
   * A status change made elsewhere (on the portal, or by an editor on another computer), recorded
   * with its own actor. Call inside the caller's transaction; no readiness check, no rules: it
   * already happened.
   */
  recordExternal(
    articleId: string,
    change: { to: ArticleStatus; action: WorkflowActionName; actorRole: LocalRole; actorName: string; note?: string; publishAt: number | null; at?: number },
  ): WorkflowEvent {
    const now = this.clock();
    const article = this.summary(articleId);
    this.stmts.setStatus.run({ id: articleId, status: change.to, now, publishAt: change.publishAt });
    const event: EventRow = {
      id: randomUUID(),
      article_id: articleId,
      action: change.action,
      from_status: article.status,
      to_status: change.to,
      actor_role: change.actorRole,
      actor_name: change.actorName,
      note: change.note?.trim() ?? '',
      publish_at: change.publishAt,
      created_at: change.at ?? now,
    };
    this.stmts.insertEvent.run(event);
    return toEvent(event);
  }

  /** The newest rejection note, for the post's content (stock WordPress has no field for it). */
  latestRejection(articleId: string): WorkflowEvent | undefined {
    const row = this.stmts.latestRejection.get(articleId) as EventRow | undefined;
    return row ? toEvent(row) : undefined;
  }

  history(id: string): WorkflowEvent[] {
    this.summary(id);
    return (this.stmts.history.all(id) as EventRow[]).map(toEvent);
  }

  queue(filter: { statuses?: ArticleStatus[]; author?: string; categoryId?: string }): QueueItem[] {
    const now = this.clock();
    const statuses = filter.statuses && filter.statuses.length > 0 ? new Set(filter.statuses) : null;
    const author = filter.author?.trim().toLocaleLowerCase('id');
    const items: QueueItem[] = [];
    for (const row of this.stmts.queue.iterate() as Iterable<SummaryRow & { last_note: string | null }>) {
      if (statuses && !statuses.has(row.status)) continue;
      if (author && row.author.toLocaleLowerCase('id') !== author) continue;
      if (filter.categoryId && row.category_id !== filter.categoryId) continue;
      items.push({
        ...toSummary(row),
        overdue: row.status === 'scheduled' && row.publish_at !== null && row.publish_at <= now,
        lastNote: row.last_note ?? '',
      });
    }
    return items;
  }
}
