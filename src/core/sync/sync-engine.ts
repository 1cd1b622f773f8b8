/**
 * The sync worker: when the portal is reachable it delivers the outbox (photos first, then the
 * post with its status, terms and featured image), then reads back what changed on the portal.
 * Exactly once: creates go through the lookups of ../portal/exactly-once.ts, updates are
 * idempotent, and every attempt is counted before its request leaves. Conflicts are detected
 * against the portal version last seen and kept for a person to decide; nothing is overwritten.
 * See docs/sync.md.
 */
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { LIMITS } from '../../shared/contract';
import type { Article, ArticleStatus, WorkflowActionName } from '../../shared/domain';
import { AppError, toErrorShape, type AppErrorShape } from '../../shared/errors';
import { imageMediaIds, lexicalToPlainText, type LexicalDocument } from '../../shared/lexical-document';
import type { ArticlePortalState, ConflictSide, ConnectionState, PortalAccount, SyncConflict, SyncProgress, SyncStatus } from '../../shared/sync';
import type { ArticlesService } from '../articles/articles-service';
import { parsePortalHtml, renderPortalHtml } from '../content';
import type { Logger } from '../logger';
import type { MediaStore } from '../media/media-store';
import type { PhotoPreset } from '../media/prepare-photo';
import { createPostOnce, uploadMediaOnce } from '../portal/exactly-once';
import type { PortalService } from '../portal/portal-service';
import { CLOCK_SKEW_LIMIT_MS } from '../portal/test-connection';
import { fromWpGmt, markerBlock, type PostInput, type WordPressClient, type WpPost, type WpPostState, type WpTerm } from '../portal/wordpress-client';
import type { SqliteDatabase } from '../storage/database';
import type { WorkflowService } from '../workflow/workflow-service';
import { DEFAULT_WINDOW, Holds, planRemoteChange } from './holds';
import { PortalLinks, type PostLink } from './links';
import { bylineMarker, bylineParagraph, noteMarker, readByline, readClientId, readNote, remoteHash, stripMarkers } from './markers';
import { backoffDelay, Outbox, type OutboxRow } from './outbox';
import { withholdPhotos } from './withheld-photos';

export const SYNC_INTERVAL_MS = 60_000;
/** A change is delivered this long after it was made (a burst of edits becomes one delivery). */
export const SYNC_DEBOUNCE_MS = 1_500;
/** How often to look for the portal while offline with something to deliver. */
export const OFFLINE_PROBE_MS = 15_000;
/** WordPress publishes a `future` post whose date is less than this ahead right away. */
const WP_FUTURE_MARGIN_MS = 60_000;

export interface SyncEngineOptions {
  db: SqliteDatabase;
  articles: ArticlesService;
  media: MediaStore;
  workflow: WorkflowService;
  portal: PortalService;
  clock: () => number;
  logger: Logger;
  photoPreset: () => PhotoPreset;
  onStatus: (status: SyncStatus) => void;
  onArticles: (ids: string[]) => void;
  /** The portal account's role or abilities changed (found on a re-check): the person's role may follow. */
  onAccountChanged?: () => void;
  /** Jitter source (tests pass () => 0 for immediate retries). */
  random?: () => number;
  /** Background runs (timer, after changes); off in unit tests that drive runs themselves. */
  background?: boolean;
  /** Whether delivered stories end with the writer's line (Pengaturan); read at each delivery. */
  bylineOnPortal?: () => boolean;
  intervalMs?: number;
}

/** The portal's version while a conflict waits for a person. */
interface RemoteSide {
  title: string;
  excerpt: string;
  content: string;
  categories: number[];
  tags: number[];
  featuredMedia: number;
  modifiedGmt: string;
  hash: string;
}

class Parked extends AppError {}

/** Parked for what the account may do: worth a fresh look at the account before trying again. */
const CAPABILITY_CODES = ['sync.cannotPublish', 'sync.cannotUploadMedia', 'sync.photosNotUploaded', 'sync.accountChanged', 'sync.refusedForRole', 'portal.forbidden'] as const;

const sameAccount = (a: PortalAccount, b: PortalAccount): boolean => JSON.stringify(a) === JSON.stringify(b);

function parked(code: string, message: string, params?: Record<string, string | number>): Parked {
  return new Parked({ kind: 'validation', code, message, params });
}

/** Local status -> what WordPress should have. */
function remoteStatusFor(article: Article): PostInput['status'] | undefined {
  switch (article.status) {
    case 'submitted':
      return 'pending';
    case 'approved':
      // WordPress has no "approved": with a publish time it waits as future, without one in review.
      return article.publishAt !== null ? 'future' : 'pending';
    case 'scheduled':
      return 'future';
    case 'published':
      return 'publish';
    case 'rejected':
    case 'draft':
      return 'draft';
    default:
      return undefined;
  }
}

/**
 * Scheduled, its time (plus WordPress's own one-minute margin) has passed on the portal's clock,
 * and the portal still has it as future: WP-Cron, which runs only when someone visits the site,
 * missed it.
 */
export function missedSchedule(localStatus: ArticleStatus, remoteStatus: string, publishAt: number | null, portalNow: number): boolean {
  return localStatus === 'scheduled' && remoteStatus === 'future' && publishAt !== null && publishAt + WP_FUTURE_MARGIN_MS < portalNow;
}

/** What travels with the text: the writer's name and, after a rejection, the editor's note. */
/** What goes after the article's own blocks: the writer's line when the newsroom shows it, then the markers. */
function markersFor(article: Article, note: string, showByline: boolean): string {
  const line = showByline ? bylineParagraph(article.author) : '';
  // The markers in Custom HTML blocks, like the client id: the post stays free of classic content.
  const markers = [bylineMarker(article.author), note].filter(Boolean).map((m) => `\n\n${markerBlock(m)}`).join('');
  return (line ? `\n\n${line}` : '') + markers;
}

const ACTION_FOR: Partial<Record<ArticleStatus, WorkflowActionName>> = {
  submitted: 'submit',
  approved: 'approve',
  scheduled: 'schedule',
  published: 'publish-now',
  rejected: 'reject',
  draft: 'withdraw',
};

export class SyncEngine {
  private readonly outbox: Outbox;
  private readonly links: PortalLinks;
  private readonly random: () => number;
  private connection: ConnectionState;
  private lastError: AppErrorShape | null = null;
  private clockSkewMs: number | null = null;
  private progress: SyncProgress | null = null;
  private sending: string | null = null;
  private readonly holds: Holds;
  private running: Promise<SyncStatus> | null = null;
  private rerun = false;
  /** "Coba lagi" was pressed: ask the portal what the account may do before the next delivery. */
  private accountCheckWanted = false;
  private closed = false;
  private intervalTimer: NodeJS.Timeout | undefined;
  private debounceTimer: NodeJS.Timeout | undefined;
  private wakeTimer: NodeJS.Timeout | undefined;
  private categoriesCache: WpTerm[] | null = null;
  private readonly stmts;

  constructor(private readonly options: SyncEngineOptions) {
    this.outbox = new Outbox(options.db);
    this.links = new PortalLinks(options.db, options.clock);
    this.random = options.random ?? Math.random;
    this.holds = new Holds(options.clock);
    this.connection = options.portal.configured() ? 'offline' : 'unconfigured';
    const { db } = options;
    this.stmts = {
      guardOn: db.prepare('INSERT OR IGNORE INTO sync_applying (id) VALUES (1)'),
      guardOff: db.prepare('DELETE FROM sync_applying'),
      setStatus: db.prepare('UPDATE articles SET status = ?, updated_at = ? WHERE id = ?'),
      setTerms: db.prepare('UPDATE articles SET category_id = ? WHERE id = ?'),
      clearTags: db.prepare('DELETE FROM article_tags WHERE article_id = ?'),
      addTag: db.prepare('INSERT OR IGNORE INTO article_tags (article_id, term_id, position) VALUES (?, ?, ?)'),
      setFeatured: db.prepare('UPDATE articles SET featured_media_id = ? WHERE id = ?'),
      setPublishAt: db.prepare('UPDATE articles SET publish_at = ? WHERE id = ?'),
    };
    if (options.background) {
      this.intervalTimer = setInterval(() => void this.runInBackground(), options.intervalMs ?? SYNC_INTERVAL_MS);
      this.intervalTimer.unref();
      // A first look soon after start: the person may have come back online while the app was closed.
      this.poke();
    }
  }

  // ------------------------------------------------------------------ public

  status(): SyncStatus {
    const counts = this.outbox.counts();
    const configured = this.options.portal.configured();
    return {
      connection: configured ? this.connection : 'unconfigured',
      pending: counts.pending,
      parked: counts.parked,
      conflicts: this.links.conflictCount(),
      lastSyncAt: this.options.portal.lastPullAt(),
      lastError: configured ? this.lastError : null,
      clockSkewMs: this.clockSkewMs,
      clockWarning: this.clockSkewMs !== null && Math.abs(this.clockSkewMs) > CLOCK_SKEW_LIMIT_MS,
      progress: this.progress,
    };
  }

  items() {
    return this.outbox.items(this.sending);
  }

  /** Something changed locally: deliver it soon (debounced), if a portal is set up. */
  poke(): void {
    if (this.closed || !this.options.background) return;
    this.emitStatus();
    if (!this.options.portal.configured()) return;
    if (this.debounceTimer) clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => void this.runInBackground(), SYNC_DEBOUNCE_MS);
    this.debounceTimer.unref();
  }

  /** What `windowId`'s editor shows right now (null: another screen or nothing); see ./holds.ts. */
  hold(articleId: string | null, windowId: string = DEFAULT_WINDOW): void {
    this.holds.set(windowId, articleId);
  }

  retry(articleId: string): void {
    this.accountCheckWanted = true;
    this.outbox.retry(articleId);
    this.poke();
  }

  portalState(articleId: string): ArticlePortalState {
    this.options.articles.assertExists(articleId);
    const link = this.links.post(articleId);
    return {
      postId: link?.post_id ?? null,
      link: link?.link ?? '',
      remoteStatus: link?.remote_status ?? '',
      missedSchedule: (link?.missed_schedule ?? 0) === 1,
      item: this.outbox.itemFor(articleId, this.sending),
      conflict: Boolean(link?.conflict_json),
    };
  }

  /** The connection changed (saved, forgotten): forget what we knew about the old one. */
  connectionChanged(): void {
    this.categoriesCache = null;
    this.lastError = null;
    this.clockSkewMs = null;
    this.connection = this.options.portal.configured() ? 'offline' : 'unconfigured';
    this.emitStatus();
    this.poke();
  }

  /** One run now ("Sinkronkan sekarang"); a run already going is followed by another. */
  run(): Promise<SyncStatus> {
    if (this.closed) return Promise.resolve(this.status());
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.rerun = false;
          await this.runOnce();
        } while (this.rerun && !this.closed);
      } finally {
        this.running = null;
        this.scheduleWake();
      }
      return this.status();
    })();
    return this.running;
  }

  close(): void {
    this.closed = true;
    clearInterval(this.intervalTimer);
    clearTimeout(this.debounceTimer);
    clearTimeout(this.wakeTimer);
  }

  // ------------------------------------------------------------------ conflicts

  conflict(articleId: string): SyncConflict {
    const article = this.options.articles.get(articleId);
    const link = this.links.post(articleId);
    if (!link?.conflict_json) {
      throw new AppError({ kind: 'not-found', code: 'sync.noConflict', message: 'This article has no conflict.', params: { id: articleId } });
    }
    const remote = JSON.parse(link.conflict_json) as RemoteSide;
    const remoteBody = this.parseContent(remote.content).body;
    const local: ConflictSide = {
      title: article.title,
      excerpt: article.excerpt,
      body: article.body,
      text: lexicalToPlainText(article.body),
      category: article.categoryId ? (this.links.term(article.categoryId)?.name ?? null) : null,
      tags: article.tags,
      changedAt: article.updatedAt,
    };
    const termName = (taxonomy: 'category' | 'tag', id: number) => this.links.termByRemoteId(taxonomy, id)?.name;
    return {
      articleId,
      local,
      remote: {
        title: remote.title,
        excerpt: remote.excerpt,
        body: remoteBody,
        text: lexicalToPlainText(remoteBody),
        category: remote.categories[0] !== undefined ? (termName('category', remote.categories[0]) ?? `#${remote.categories[0]}`) : null,
        tags: remote.tags.map((id) => termName('tag', id) ?? `#${id}`),
        changedAt: remote.modifiedGmt ? fromWpGmt(remote.modifiedGmt) : null,
      },
      detectedAt: link.conflict_at ?? 0,
    };
  }

  /**
   * Ends a conflict. 'local': the portal gets this computer's version. 'remote': this computer
   * takes the portal's (the local one stays in the revisions). 'merged': the person's merge goes
   * to both. Either way the portal's version becomes the new base, so the next delivery passes.
   */
  async resolveConflict(
    articleId: string,
    choice: 'local' | 'remote' | 'merged',
    merged?: { title: string; excerpt: string; body: LexicalDocument },
  ): Promise<Article> {
    const link = this.links.post(articleId);
    if (!link?.conflict_json) {
      throw new AppError({ kind: 'not-found', code: 'sync.noConflict', message: 'This article has no conflict.', params: { id: articleId } });
    }
    const remote = JSON.parse(link.conflict_json) as RemoteSide;
    let content: { title: string; excerpt: string; body: LexicalDocument } | undefined;
    if (choice === 'remote') {
      content = { title: remote.title, excerpt: remote.excerpt, body: (await this.parseContentWithMedia(remote.content)).body };
    } else if (choice === 'merged') {
      const ids = imageMediaIds(merged!.body).filter((id) => !this.options.media.exists(id));
      if (ids.length > 0) {
        throw new AppError({ kind: 'validation', code: 'body.unknownMedia', message: 'The merge places unknown photos.', params: { count: ids.length } });
      }
      content = merged;
    }
    this.applying(() => {
      if (content) this.options.articles.applyExternalContent(articleId, content);
      if (choice === 'remote') this.applyRemoteTerms(articleId, remote.categories, remote.tags, remote.featuredMedia);
      const after = this.options.articles.get(articleId);
      this.links.savePost({
        ...this.links.post(articleId)!,
        base_hash: remote.hash,
        seen_modified: this.trustedModified(remote.modifiedGmt),
        // 'remote': nothing local left to send; otherwise the local side must be delivered.
        pushed_hash: choice === 'remote' ? this.localHash(after) : null,
      });
      this.stmts.setStatus.run(link.status_before ?? 'draft', this.options.clock(), articleId);
      this.links.clearConflict(articleId);
      this.outbox.enqueue(articleId, this.options.clock());
    });
    this.options.onArticles([articleId]);
    this.poke();
    return this.options.articles.get(articleId);
  }

  // ------------------------------------------------------------------ the run

  private async runInBackground(): Promise<void> {
    try {
      await this.run();
    } catch (err) {
      this.options.logger.error('sync run failed', { error: err instanceof Error ? err.message : String(err) });
    }
  }

  private scheduleWake(): void {
    if (this.closed || !this.options.background) return;
    clearTimeout(this.wakeTimer);
    // Offline with work waiting: look for the connection more often than the regular interval, so
    // delivery starts soon after the signal comes back (and never sooner: no busy loop offline).
    const offline = this.connection === 'offline' || this.connection === 'unconfigured';
    const at = offline
      ? this.connection === 'offline' && this.outbox.counts().pending > 0
        ? this.options.clock() + OFFLINE_PROBE_MS
        : null
      : this.outbox.nextWakeAt();
    if (at === null) return;
    this.wakeTimer = setTimeout(() => void this.runInBackground(), Math.max(0, at - this.options.clock()) + 50);
    this.wakeTimer.unref();
  }

  private emitStatus(): void {
    this.options.onStatus(this.status());
  }

  private setConnection(state: ConnectionState, error: AppErrorShape | null = null): void {
    this.connection = state;
    this.lastError = error;
    this.emitStatus();
  }

  private portalNow(): number {
    return this.options.clock() + (this.clockSkewMs ?? 0);
  }

  private async runOnce(): Promise<void> {
    const { portal } = this.options;
    if (!portal.configured()) {
      this.setConnection('unconfigured');
      return;
    }
    const wasOffline = this.connection !== 'online' && this.connection !== 'syncing';
    this.setConnection('syncing', this.lastError);
    let session: Awaited<ReturnType<PortalService['client']>>;
    try {
      session = await portal.client();
      if (!session) {
        this.setConnection('offline', { kind: 'auth', code: 'portal.credentialsMissing', message: 'No Application Password saved.', retryable: false });
        return;
      }
      const { meta } = await session.client.probe();
      if (meta.clockSkewMs !== undefined) this.clockSkewMs = meta.clockSkewMs;
    } catch (err) {
      this.setConnection('offline', toErrorShape(err));
      return;
    }
    // Back online: whatever was waiting for the connection goes now, not at its backoff time.
    if (wasOffline) this.outbox.wakeWaiting(this.options.clock());
    const generation = portal.connectionGeneration;

    // What the account may do is asked again when it matters: after "Coba lagi", and while items
    // wait for a permission (an administrator may have changed the role since "Simpan").
    let account = session.account;
    const waitingForPermission = this.outbox.parkedWith(CAPABILITY_CODES);
    if (this.accountCheckWanted || waitingForPermission.length > 0) {
      this.accountCheckWanted = false;
      try {
        account = await this.recheckAccount(session.client, account, waitingForPermission);
      } catch (err) {
        const shape = toErrorShape(err);
        if (shape.kind === 'network') {
          this.setConnection('offline', shape);
          return;
        }
        this.options.logger.info('account re-check failed', { code: shape.code });
      }
    }
    const offline = await this.deliverDue(session.client, account);
    if (offline) {
      this.setConnection('offline', offline);
      return;
    }
    if (portal.connectionGeneration !== generation) return;
    try {
      await this.pull(session.client, session.account.newsroomRole);
    } catch (err) {
      const shape = toErrorShape(err);
      if (shape.kind === 'network') {
        this.setConnection('offline', shape);
        return;
      }
      this.options.logger.error('reading back from the portal failed', { code: shape.code, message: shape.message });
    }
    portal.markPulled(this.options.clock());
    this.setConnection('online');
  }

  /** The account as the portal sees it now; items parked for a permission go again when it changed. */
  private async recheckAccount(client: WordPressClient, before: PortalAccount, parkedIds: string[]): Promise<PortalAccount> {
    const after = (await this.options.portal.recheckAccount(client)).account;
    if (!after) return before;
    if (!sameAccount(before, after)) {
      for (const id of parkedIds) this.outbox.retry(id);
      this.options.onAccountChanged?.();
    }
    return after;
  }

  /**
   * The portal refused a delivery (403): say precisely why. The account is asked again; a changed
   * role is named as such, an unchanged one with the role it has.
   */
  private async refusal(client: WordPressClient, account: PortalAccount, shape: AppErrorShape): Promise<{ shape: AppErrorShape; account: PortalAccount }> {
    let after: PortalAccount | null;
    let roles: string;
    try {
      const found = await this.options.portal.recheckAccount(client);
      after = found.account;
      roles = found.roles.join(', ') || '-';
    } catch {
      return { shape, account };
    }
    const params = { roles, wpCode: String(shape.params?.wpCode ?? '') };
    if (!after || !sameAccount(account, after)) {
      this.options.onAccountChanged?.();
      const changed = toErrorShape(parked('sync.accountChanged', 'The portal account\'s role changed; the portal refused this step.', params));
      return { shape: changed, account: after ?? account };
    }
    return { shape: toErrorShape(parked('sync.refusedForRole', 'The portal refused this step for the account\'s role.', params)), account };
  }

  /** Delivers every due item; returns the network error that ended the run early, if any. */
  private async deliverDue(client: WordPressClient, account: PortalAccount): Promise<AppErrorShape | null> {
    let lastId = 0;
    for (;;) {
      const row = this.outbox.nextDue(this.options.clock(), lastId);
      if (!row || this.closed) return null;
      lastId = row.id;
      const attempt = this.outbox.beginAttempt(row);
      this.sending = row.article_id;
      this.emitStatus();
      try {
        await this.deliver(client, account, attempt);
        this.outbox.finish(attempt);
      } catch (err) {
        let shape = toErrorShape(err);
        if (shape.code === 'portal.forbidden') ({ shape, account } = await this.refusal(client, account, shape));
        if (err instanceof Parked || !shape.retryable) {
          this.outbox.park(attempt, shape);
          this.options.logger.info('sync item parked', { article: row.article_id, code: shape.code });
        } else {
          const retryAfter = typeof shape.params?.retryAfterMs === 'number' ? shape.params.retryAfterMs : undefined;
          this.outbox.waitUntil(attempt, this.options.clock() + backoffDelay(attempt.attempts, this.random, retryAfter), shape);
          // Unreachable or rate-limited: the rest would fare no better now.
          if (shape.kind === 'network' || shape.code === 'portal.rateLimited') return shape.kind === 'network' ? shape : null;
        }
      } finally {
        this.sending = null;
        this.progress = null;
        this.emitStatus();
        this.options.onArticles([row.article_id]);
      }
    }
  }

  // ------------------------------------------------------------------ push

  private localHash(article: Article): string {
    return createHash('sha256')
      .update(JSON.stringify([article.title, article.excerpt, article.body, article.categoryId, article.tags, article.featuredMediaId]))
      .digest('base64url');
  }

  private async deliver(client: WordPressClient, account: NonNullable<ReturnType<PortalService['account']>>, row: OutboxRow): Promise<void> {
    let article = this.options.articles.get(row.article_id);
    let link = this.links.ensurePost(article.id);
    const status = remoteStatusFor(article);
    const mayExist = row.attempts > 1;
    // A draft that never reached the portal has nothing to deliver.
    if (status === undefined || (status === 'draft' && link.post_id === null)) return;
    // The trash is local: what was queued before still goes, so that e.g. a rejection made just
    // before trashing takes the post back. But a trashed article never creates a post; if an
    // earlier attempt may have, the post is looked up and brought in line.
    if (article.trashedAt !== null && link.post_id === null) {
      const earlier = mayExist ? (await client.findPostByClientId(link.client_id))[0] : undefined;
      if (!earlier) return;
      this.links.savePost({ ...link, post_id: earlier.id, remote_status: earlier.status, link: earlier.link });
      link = this.links.post(article.id)!;
    }
    if ((status === 'future' || status === 'publish') && !account.canPublish) {
      throw parked('sync.cannotPublish', 'The portal account may not publish or schedule posts.');
    }

    // 1. Photos, each once per content hash.
    const mediaIds = [...new Set([...imageMediaIds(article.body), ...(article.featuredMediaId ? [article.featuredMediaId] : [])])];
    // A story on its way to review goes even when its photos cannot (a contributor): see ./withheld-photos.ts.
    const withheld = await this.uploadPhotos(client, account, article, mediaIds, mayExist, status === 'pending' || status === 'draft');

    // 2. Terms: categories only from the portal's list; tags created when the account may.
    const categories = await this.remoteCategories(client, article);
    const tags = await this.remoteTags(client, account, article);

    // 3. The post.
    const featuredMedia = article.featuredMediaId && !withheld.has(article.featuredMediaId) ? this.links.media(article.featuredMediaId)!.remote_id : 0;
    let localHash = this.localHash(article);
    let keepBase = false;
    const rejection = article.status === 'rejected' ? this.options.workflow.latestRejection(article.id) : undefined;
    const note = rejection ? noteMarker({ note: rejection.note, by: rejection.actorName, at: rejection.createdAt }) : '';
    const date = status === 'publish' ? this.portalNow() : status === 'future' ? article.publishAt! : undefined;
    this.progress = { articleId: article.id, title: article.title, phase: 'post', bytesSent: 0, bytesTotal: 0 };
    this.emitStatus();

    let post: WpPost;
    if (link.post_id === null) {
      const content = this.render(article, withheld) + markersFor(article, note, this.showByline());
      const input: PostInput = { title: article.title, content, excerpt: article.excerpt, status, categories, tags, featuredMedia, publishAt: date };
      const created = await createPostOnce(client, link.client_id, input, { mayExist, maxAttempts: 3 });
      post = created.item;
      if (created.found) {
        // An earlier attempt made it; it may hold an older version of the article: bring it up to date.
        post = await client.updatePost(post.id, { ...input, clientId: link.client_id });
      }
    } else {
      let remote: WpPost;
      try {
        remote = await client.getPost(link.post_id);
      } catch (err) {
        if (err instanceof AppError && err.code === 'portal.notFound') {
          throw parked('sync.remoteDeleted', 'The post was deleted on the portal.', { postId: link.post_id });
        }
        throw err;
      }
      const remoteChanged = link.base_hash !== null && remoteHash(remote) !== link.base_hash;
      const localChanged = link.pushed_hash !== localHash;
      if (remoteChanged && localChanged) {
        this.markConflict(article, remote);
        throw parked('sync.conflict', 'The article was changed on the portal and on this computer.');
      }
      const sendContent = localChanged;
      if (remoteChanged) {
        // Changed only on the portal: take it in, then deliver the status. While the person has the
        // article open its text is left alone and the old base kept, so the change is still seen later.
        if (!this.holds.isHeld(article.id)) {
          await this.takeRemoteContent(article.id, remote, client);
          article = this.options.articles.get(article.id);
          localHash = this.localHash(article);
        } else {
          keepBase = true;
        }
      }
      const hadNote = readNote(remote.content)?.token;
      const wantNote = note ? readNote(note)?.token : undefined;
      const input: PostInput & { clientId?: string } = { status, publishAt: date, clientId: link.client_id };
      if (sendContent) {
        Object.assign(input, { title: article.title, excerpt: article.excerpt, content: this.render(article, withheld), categories, tags, featuredMedia });
      } else if (hadNote !== wantNote) {
        // Only the note changes: keep the portal's text exactly as it is.
        input.content = stripMarkers(remote.content).trim();
      }
      if (input.content !== undefined) input.content += markersFor(article, note, this.showByline());
      post = await client.updatePost(link.post_id, input);
    }
    const saved = this.links.post(article.id)!;
    this.links.savePost({
      ...saved,
      post_id: post.id,
      remote_status: post.status,
      link: post.link,
      base_hash: keepBase ? saved.base_hash : remoteHash(post),
      // The version the portal now reflects. A change made while this was in flight bumped the
      // outbox row's generation, so it is delivered next.
      // Photos held back: the portal does not have this version in full yet, so the next delivery sends it again.
      pushed_hash: withheld.size > 0 ? `${localHash}~photos-withheld` : localHash,
      note_seen: readNote(post.content)?.token ?? '',
      // A portal text change left for the person is read again by the pull that follows, which offers the choice.
      seen_modified: keepBase ? '' : this.trustedModified(post.modifiedGmt),
      missed_schedule: 0,
    });
    // Published now on the portal's clock (perhaps long after "Terbitkan sekarang" was pressed
    // offline): the article keeps the time it really went out.
    const publishedAt = status === 'publish' && post.status === 'publish' && post.dateGmt ? fromWpGmt(post.dateGmt) : null;
    if (publishedAt !== null && Number.isFinite(publishedAt) && publishedAt !== article.publishAt) {
      this.applying(() => this.stmts.setPublishAt.run(publishedAt, article.id));
      this.options.onArticles([article.id]);
    }
    if (withheld.size > 0) {
      // Sent, and parked: the person sees which photos did not go and why; a re-check of the
      // account sends them once it may upload (CAPABILITY_CODES).
      const names = [...withheld.values()];
      throw parked('sync.photosNotUploaded', 'The story reached the portal without its photos: the account may not upload.', {
        count: names.length,
        names: names.join(', '),
      });
    }
  }

  /**
   * modified_gmt has one-second resolution: an edit in the same second as the version we read would
   * not move it. So it vouches for "unchanged" only once that second is over ('' means: read again).
   */
  private trustedModified(modifiedGmt: string): string {
    const at = modifiedGmt ? fromWpGmt(modifiedGmt) : Number.NaN;
    return Number.isFinite(at) && this.portalNow() - at >= 1_500 ? modifiedGmt : '';
  }

  private showByline(): boolean {
    return this.options.bylineOnPortal?.() ?? false;
  }

  private render(article: Article, withheld: ReadonlyMap<string, string> = new Map()): string {
    return renderPortalHtml(withheld.size > 0 ? withholdPhotos(article.body, withheld) : article.body, (mediaId) => {
      const m = this.links.media(mediaId);
      if (!m) return undefined;
      const item = this.options.media.get(mediaId);
      return { remoteId: m.remote_id, url: m.url, width: item.width, height: item.height };
    });
  }

  private async uploadPhotos(
    client: WordPressClient,
    account: NonNullable<ReturnType<PortalService['account']>>,
    article: Article,
    mediaIds: string[],
    mayExist: boolean,
    mayWithhold: boolean,
  ): Promise<Map<string, string>> {
    // A photo known only by its address (it came from the portal without an attachment id) is uploaded as ours.
    const missing = mediaIds.filter((id) => !this.links.media(id)?.remote_id);
    if (missing.length === 0) return new Map();
    if (!account.canUploadMedia) {
      // Photos the account may not upload: named, media id -> file name, for the story to go without them.
      if (mayWithhold) return new Map(missing.map((id) => [id, this.options.media.get(id).originalName]));
      throw parked('sync.cannotUploadMedia', 'The portal account may not upload photos.', { count: missing.length });
    }
    const items = missing.map((id) => this.options.media.get(id));
    const bytesTotal = items.reduce((sum, item) => sum + item.bytes, 0);
    let bytesSent = 0;
    this.progress = { articleId: article.id, title: article.title, phase: 'media', bytesSent, bytesTotal };
    this.emitStatus();
    const alts = new Map<string, string>();
    const visit = (node: { type?: string; mediaId?: unknown; altText?: unknown; children?: unknown }) => {
      if (node.type === 'image' && typeof node.mediaId === 'string' && typeof node.altText === 'string') alts.set(node.mediaId, node.altText);
      if (Array.isArray(node.children)) node.children.forEach(visit);
    };
    visit(article.body.root as never);
    for (const item of items) {
      const file = this.options.media.resolveFile('full', item.fileHash);
      if (!file) throw parked('sync.photoMissing', 'A photo file of the article is missing from this computer.', { name: item.originalName });
      const data = await fs.promises.readFile(file.path);
      const uploaded = await uploadMediaOnce(
        client,
        { data, mime: item.mime, contentHash: item.fileHash, name: item.originalName, altText: alts.get(item.id) },
        { mayExist, maxAttempts: 3 },
      );
      this.links.saveMedia(item.id, uploaded.item.id, uploaded.item.sourceUrl);
      bytesSent += item.bytes;
      this.progress = { articleId: article.id, title: article.title, phase: 'media', bytesSent, bytesTotal };
      this.emitStatus();
    }
    return new Map();
  }

  private async portalCategories(client: WordPressClient): Promise<WpTerm[]> {
    this.categoriesCache ??= await client.listCategories();
    return this.categoriesCache;
  }

  private async remoteCategories(client: WordPressClient, article: Article): Promise<number[]> {
    if (!article.categoryId) return [];
    const term = this.links.term(article.categoryId);
    if (!term) return [];
    if (term.remote_id !== null) return [term.remote_id];
    const key = term.name.trim().toLocaleLowerCase('id');
    let match = (await this.portalCategories(client)).find((c) => c.name.trim().toLocaleLowerCase('id') === key);
    if (!match) {
      this.categoriesCache = null; // perhaps just created on the portal
      match = (await this.portalCategories(client)).find((c) => c.name.trim().toLocaleLowerCase('id') === key);
    }
    if (!match) throw parked('sync.categoryNotOnPortal', `The portal has no category "${term.name}".`, { name: term.name });
    this.links.setTermRemoteId(term.id, match.id);
    return [match.id];
  }

  private async remoteTags(client: WordPressClient, account: NonNullable<ReturnType<PortalService['account']>>, article: Article): Promise<number[]> {
    const ids: number[] = [];
    for (const tag of this.links.articleTags(article.id)) {
      if (tag.remote_id !== null) {
        ids.push(tag.remote_id);
      } else if (account.canCreateTags) {
        const remote = await client.ensureTag(tag.name);
        this.links.setTermRemoteId(tag.id, remote.id);
        ids.push(remote.id);
      } else {
        const found = (await client.searchTags(tag.name)).find((t) => t.name.toLocaleLowerCase('id') === tag.name.toLocaleLowerCase('id'));
        if (found) {
          this.links.setTermRemoteId(tag.id, found.id);
          ids.push(found.id);
        }
      }
    }
    return ids;
  }

  private markConflict(article: Article, remote: WpPost): void {
    const side: RemoteSide = {
      title: remote.title,
      excerpt: remote.excerpt,
      content: stripMarkers(remote.content).trim(),
      categories: remote.categories,
      tags: remote.tags,
      featuredMedia: remote.featuredMedia,
      modifiedGmt: remote.modifiedGmt,
      hash: remoteHash(remote),
    };
    this.applying(() => {
      this.links.setConflict(article.id, JSON.stringify(side), article.status);
      this.stmts.setStatus.run('conflict', this.options.clock(), article.id);
    });
    this.options.onArticles([article.id]);
  }

  // ------------------------------------------------------------------ pull

  /** Runs `fn` in one transaction whose changes the outbox triggers ignore (they came from the portal). */
  private applying<T>(fn: () => T): T {
    return this.options.db
      .transaction(() => {
        this.stmts.guardOn.run();
        const result = fn();
        this.stmts.guardOff.run();
        return result;
      })
      .immediate();
  }

  private parseContent(html: string) {
    return parsePortalHtml(stripMarkers(html), (remoteId, url) =>
      (remoteId !== undefined ? this.links.mediaByRemoteId(remoteId) : undefined)?.media_id ?? this.links.mediaByUrl(url)?.media_id,
    );
  }

  /** Parses portal HTML, bringing its photos into the local library first (prepared as usual). */
  private async parseContentWithMedia(html: string, client?: WordPressClient): Promise<{ body: LexicalDocument }> {
    const first = this.parseContent(html);
    if (first.unknownImages.length === 0) return first;
    for (const image of first.unknownImages) {
      if (!client || !/^https?:\/\//i.test(image.url)) continue;
      try {
        const response = await client.download(image.url, LIMITS.photoBytes);
        const imported = await this.options.media.import(image.url.split('/').pop() ?? 'foto.jpg', response, this.options.photoPreset());
        // Known by its portal id where the markup names one (wp-image-<id>), else by its address.
        this.links.saveMedia(imported.id, image.remoteId ?? 0, image.url);
      } catch (err) {
        // A photo that cannot be fetched is left out of the local copy; the portal keeps it.
        this.options.logger.info('could not bring a portal photo in', { url: image.url.slice(0, 200), code: toErrorShape(err).code });
      }
    }
    return this.parseContent(html);
  }

  private async takeRemoteContent(articleId: string, remote: WpPost, client?: WordPressClient): Promise<void> {
    const { body } = await this.parseContentWithMedia(remote.content, client);
    this.applying(() => {
      this.options.articles.applyExternalContent(articleId, { title: remote.title, excerpt: remote.excerpt, body });
      this.applyRemoteTerms(articleId, remote.categories, remote.tags, remote.featuredMedia);
      const after = this.options.articles.get(articleId);
      this.links.savePost({ ...this.links.post(articleId)!, base_hash: remoteHash(remote), pushed_hash: this.localHash(after), seen_modified: this.trustedModified(remote.modifiedGmt) });
    });
    this.options.onArticles([articleId]);
  }

  private applyRemoteTerms(articleId: string, categories: number[], tags: number[], featuredMedia: number): void {
    const category = categories
      .map((id) => this.links.termByRemoteId('category', id)?.id)
      .find((id) => id !== undefined);
    this.stmts.setTerms.run(category ?? null, articleId);
    this.stmts.clearTags.run(articleId);
    let position = 0;
    for (const remoteId of tags) {
      const id = this.links.termByRemoteId('tag', remoteId)?.id;
      if (id) this.stmts.addTag.run(articleId, id, position++);
    }
    if (featuredMedia) {
      const local = this.links.mediaByRemoteId(featuredMedia);
      if (local) this.stmts.setFeatured.run(local.media_id, articleId);
    }
  }

  private async refreshTerms(client: WordPressClient, posts: WpPost[]): Promise<void> {
    this.categoriesCache = await client.listCategories();
    const tagIds = [...new Set(posts.flatMap((p) => p.tags))].filter(
      (id) => !this.links.termByRemoteId('tag', id),
    );
    const tags: WpTerm[] = [];
    for (let i = 0; i < tagIds.length; i += 100) {
      const { body } = await client.request('/wp/v2/tags', { query: { include: tagIds.slice(i, i + 100).join(','), per_page: 100 } });
      if (Array.isArray(body)) tags.push(...body.map((t) => ({ id: Number(t.id), name: String(t.name ?? ''), slug: '', parent: 0, count: 0 })));
    }
    this.applying(() => {
      for (const c of this.categoriesCache!) this.links.localTermFor('category', c.id, c.name);
      for (const t of tags) this.links.localTermFor('tag', t.id, t.name);
    });
  }

  private async pull(client: WordPressClient, role: 'writer' | 'editor'): Promise<void> {
    // First status and dates only; the content only of posts changed since it was last read (a
    // person's edit moves modified_gmt; WP-Cron publishing changes only the status).
    const linked = this.links.linkedPosts();
    const states: WpPostState[] = [];
    for (let i = 0; i < linked.length; i += 100) {
      states.push(...(await client.postStatesByIds(linked.slice(i, i + 100).map((l) => l.post_id!))));
    }
    const stale = states.filter((state) => {
      const link = this.links.postByRemoteId(state.id);
      return link !== undefined && (link.base_hash === null || link.seen_modified !== state.modifiedGmt);
    });
    const full = await this.postsByIds(client, stale.map((s) => s.id));
    // The editor's queue includes what other writers sent to the portal.
    const foreign = role === 'editor' ? await this.postsByIds(client, (await client.postIds('pending,future')).filter((id) => !this.links.postByRemoteId(id))) : [];
    await this.refreshTerms(client, [...full, ...foreign]);
    const changed: string[] = [];
    for (const state of states) {
      const link = this.links.postByRemoteId(state.id);
      if (!link || this.closed) continue;
      if (await this.applyRemote(link, full.find((p) => p.id === state.id) ?? state, client)) changed.push(link.article_id);
    }
    for (const post of foreign) {
      if (this.closed) break;
      const id = await this.importPost(post, client);
      if (id) changed.push(id);
    }
    if (changed.length > 0) this.options.onArticles(changed);
  }

  private async postsByIds(client: WordPressClient, ids: number[]): Promise<WpPost[]> {
    const posts: WpPost[] = [];
    for (let i = 0; i < ids.length; i += 100) posts.push(...(await client.postsByIds(ids.slice(i, i + 100))));
    return posts;
  }

  /** Brings one portal post's changes into its local article; true when something changed. */
  /** `post` without content: its content is as last read (its modified_gmt has not moved). */
  private async applyRemote(link: PostLink, post: WpPost | WpPostState, client: WordPressClient): Promise<boolean> {
    const articleId = link.article_id;
    const article = this.options.articles.get(articleId);
    const content = 'content' in post ? post : undefined;
    // What still waits to be delivered is left to the delivery (it compares versions and finds any
    // conflict). The text of an article open in an editor is never changed under the person's
    // fingers: a portal text change becomes a visible choice. Everything else follows at once.
    const row = this.outbox.get(articleId);
    const plan = planRemoteChange({
      held: this.holds.isHeld(articleId),
      waitingDelivery: row !== undefined && row.state !== 'parked',
      parkedDelivery: row?.state === 'parked',
      inConflict: article.status === 'conflict',
      textChanged: content !== undefined && link.base_hash !== null && remoteHash(content) !== link.base_hash,
    });
    if (plan.skip) return false;
    let changed = false;
    if (plan.takeText) {
      await this.takeRemoteContent(articleId, content!, client);
      changed = true;
    }
    const note = content ? readNote(content.content) : undefined;
    const publishAt = post.dateGmt ? fromWpGmt(post.dateGmt) : null;
    const target = this.localStatusFor(article, post, note?.token !== undefined && note.token !== link.note_seen);
    const missed = missedSchedule(article.status, post.status, publishAt, this.portalNow());
    this.applying(() => {
      if (target && target !== article.status) {
        this.options.workflow.recordExternal(articleId, {
          to: target,
          action: ACTION_FOR[target] ?? 'submit',
          // Sent (again) by the writer, whose name travels with the text; the rest is an editor's step.
          actorRole: target === 'submitted' ? 'writer' : 'editor',
          actorName: target === 'rejected' ? (note?.note.by ?? '') : target === 'submitted' ? ((content && readByline(content.content)) ?? article.author) : '',
          note: target === 'rejected' ? note?.note.note : undefined,
          publishAt: target === 'scheduled' || target === 'published' ? publishAt : article.publishAt,
          at: target === 'rejected' && note?.note.at ? note.note.at : undefined,
        });
        changed = true;
      } else if (article.status === 'scheduled' && post.status === 'future' && publishAt !== article.publishAt) {
        this.stmts.setPublishAt.run(publishAt, articleId);
        changed = true;
      }
      this.links.savePost({
        ...this.links.post(articleId)!,
        remote_status: post.status,
        link: post.link,
        note_seen: note?.token ?? link.note_seen,
        seen_modified: content ? this.trustedModified(post.modifiedGmt) : link.seen_modified,
        missed_schedule: missed ? 1 : 0,
      });
    });
    if (plan.offerChoice) {
      this.markConflict(this.options.articles.get(articleId), content!);
      changed = true;
    }
    return changed || missed !== (link.missed_schedule === 1);
  }

  /** What the local status should be, given the portal's; undefined: leave it. */
  private localStatusFor(article: Article, post: WpPostState, newNote: boolean): ArticleStatus | undefined {
    switch (post.status) {
      case 'publish':
      case 'private':
        return 'published';
      case 'future':
        return 'scheduled';
      case 'pending':
        // Approved-without-a-time is pending on the portal too.
        return article.status === 'approved' || article.status === 'submitted' ? undefined : 'submitted';
      case 'draft':
        if (newNote) return 'rejected';
        return article.status === 'draft' || article.status === 'rejected' ? undefined : 'draft';
      default:
        return undefined;
    }
  }

  /** A post another writer sent to the portal becomes a local article in the editor's queue. */
  private async importPost(post: WpPost, client: WordPressClient): Promise<string | undefined> {
    const clientId = readClientId(post.content) ?? `portal-post-${post.id}`;
    if (this.links.postByClientId(clientId)) return undefined;
    const { body } = await this.parseContentWithMedia(post.content, client);
    // The writer's own name (Nama Anda) when the post carries it; the account's display name otherwise.
    let author = readByline(post.content) ?? '';
    if (!author) {
      try {
        const { body: user } = await client.request(`/wp/v2/users/${post.author}`);
        author = typeof (user as { name?: unknown })?.name === 'string' ? (user as { name: string }).name : '';
      } catch {
        author = '';
      }
    }
    const publishAt = post.status === 'future' && post.dateGmt ? fromWpGmt(post.dateGmt) : null;
    const status: ArticleStatus = post.status === 'future' ? 'scheduled' : 'submitted';
    return this.applying(() => {
      const id = this.options.articles.createExternal({
        title: post.title,
        excerpt: post.excerpt,
        body,
        author,
        createdAt: post.dateGmt ? fromWpGmt(post.dateGmt) : this.options.clock(),
      });
      this.applyRemoteTerms(id, post.categories, post.tags, post.featuredMedia);
      this.options.workflow.recordExternal(id, { to: status, action: ACTION_FOR[status]!, actorRole: 'writer', actorName: author, publishAt });
      this.links.ensurePost(id, clientId);
      const article = this.options.articles.get(id);
      this.links.savePost({
        ...this.links.post(id)!,
        post_id: post.id,
        remote_status: post.status,
        link: post.link,
        base_hash: remoteHash(post),
        pushed_hash: this.localHash(article),
        note_seen: readNote(post.content)?.token ?? '',
        seen_modified: this.trustedModified(post.modifiedGmt),
        missed_schedule: 0,
      });
      return id;
    });
  }
}
