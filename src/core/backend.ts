/**
 * The backend as the transports see it: a handler table for the contract, the dispatcher that
 * validates and wraps every call, push events, and an orderly close.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { EventName, Events, Handlers } from '../shared/contract';
import { AppError } from '../shared/errors';
import { ArticlesService } from './articles/articles-service';
import { imageMediaIds } from '../shared/lexical-document';
import { createInvoke, type Invoke } from './dispatch';
import { MediaStore } from './media/media-store';
import { TermsService } from './workflow/terms-service';
import { WorkflowService } from './workflow/workflow-service';
import { createEventHub } from './events';
import { consoleLogger, type Logger } from './logger';
import { SettingsService } from './settings/settings-service';
import type { Settings } from '../shared/domain';
import { PortalService } from './portal/portal-service';
import type { HttpPort } from './portal/wordpress-client';
import type { HostLookup } from './portal/download';
import { fileSecretStore, type SecretStore } from './secrets/secret-store';
import { SyncEngine } from './sync/sync-engine';
import { lockDataFolder } from './storage/data-folder-lock';
import { assertSqliteLoads } from './storage/sqlite-engine';
import { BackupService, prepareDatabaseFile } from './backup/backup-service';
import { LATEST_SCHEMA_VERSION } from './storage/migrations';
import { checkpointPassive, closeDatabase, openDatabase, schemaVersion, type SqliteDatabase } from './storage/database';

export const DATABASE_FILE_NAME = 'redaksi.sqlite3';

/**
 * Work kept off the save path (bringing the search index up to date, checkpointing the WAL) runs
 * once the backend has had no mutation for IDLE_MAINTENANCE_DELAY_MS, and during a long stretch of
 * autosaves at least every IDLE_MAINTENANCE_MAX_WAIT_MS, between two saves. A search catches the
 * index up itself, so neither delay ever makes a result stale.
 */
export const IDLE_MAINTENANCE_DELAY_MS = 1500;
export const IDLE_MAINTENANCE_MAX_WAIT_MS = 10_000;
/**
 * After this many mutations the WAL is also checkpointed right after the reply has gone out, so a
 * burst of saves never leaves SQLite's own automatic checkpoint (which would run inside the
 * committing save and make it wait for extra fsyncs) to do it.
 */
export const CHECKPOINT_EVERY_MUTATIONS = 16;

export interface BackendOptions {
  /** Folder for the database (and, later, media); created if missing. */
  dataDir: string;
  appVersion: string;
  transport: 'electron' | 'web';
  /** Epoch milliseconds; tests and the e2e host drive time through it. */
  clock?: () => number;
  /** How old the newest revision must be before a save takes another automatic snapshot (default 5 minutes). */
  revisionIntervalMs?: number;
  logger?: Logger;
  /** Where the portal's Application Password is kept (default: a file only this user can read, in dataDir). */
  secrets?: SecretStore;
  /** The HTTP port for the portal (tests route it through a fault proxy). */
  fetch?: HttpPort;
  /** Per-request timeout for the portal (default 20 s). */
  portalTimeoutMs?: number;
  /** Host look-ups for the rules on where portal photos may be downloaded from (tests give their own). */
  portalLookup?: HostLookup;
  /** Deliver in the background (on a timer, after changes); default true. Tests drive `sync-run` themselves. */
  backgroundSync?: boolean;
  /** Jitter for retry backoff (tests pass () => 0). */
  random?: () => number;
  /** Automatic backups on a timer (default true); tests call `backup.runDue()` themselves. */
  backupSchedule?: boolean;
}

export interface Backend {
  handlers: Handlers;
  invoke: Invoke;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  /** The articles service, for backend features that need more than the handlers (e.g. `articles.snapshot(id, 'before-submit')`). */
  articles: ArticlesService;
  /** The photo library, for the transports that serve its files. */
  media: MediaStore;
  /** The sync worker (for tests and an orderly close). */
  sync: SyncEngine;
  /** Backups of the data folder ("Cadangan"). */
  backup: BackupService;
  /** Safe to call more than once; afterwards every handler answers with 'backend.closed'. */
  close(): void;
}

function closedError(): AppError {
  return new AppError({ kind: 'internal', code: 'backend.closed', message: 'The app is shutting down.' });
}

export function createBackend(options: BackendOptions): Backend {
  const logger = options.logger ?? consoleLogger;
  const clock = options.clock ?? Date.now;
  fs.mkdirSync(options.dataDir, { recursive: true });
  assertSqliteLoads();
  // Before anything is read or tidied: a second process on this folder must not touch it at all.
  const folderLock = lockDataFolder(options.dataDir);
  let db: SqliteDatabase;
  try {
    const file = path.join(options.dataDir, DATABASE_FILE_NAME);
    prepareDatabaseFile(options.dataDir, file, LATEST_SCHEMA_VERSION, clock, logger);
    db = openDatabase(file);
  } catch (err) {
    folderLock.release();
    throw err;
  }

  let articles: ArticlesService;
  let settings: SettingsService;
  let media: MediaStore;
  let workflow: WorkflowService;
  let terms: TermsService;
  let portal: PortalService;
  let backup: BackupService;
  try {
    articles = new ArticlesService({ db, clock, revisionIntervalMs: options.revisionIntervalMs });
    settings = new SettingsService(db);
    media = new MediaStore({ db, dir: path.join(options.dataDir, 'media'), clock });
    workflow = new WorkflowService(db, articles, clock);
    terms = new TermsService(db, clock);
    portal = new PortalService({
      db,
      secrets: options.secrets ?? fileSecretStore(options.dataDir),
      clock,
      fetch: options.fetch,
      timeoutMs: options.portalTimeoutMs,
      lookup: options.portalLookup,
    });
    backup = new BackupService({ db, dataDir: options.dataDir, clock, logger, supported: schemaVersion(db), schedule: options.backupSchedule });
    const orphans = media.removeOrphanFiles();
    if (orphans > 0) logger.info('removed photo files left by an interrupted import', { count: orphans });
    const purged = articles.purgeExpiredTrash();
    if (purged.length > 0) logger.info('emptied expired trash', { count: purged.length });
  } catch (err) {
    closeDatabase(db);
    folderLock.release();
    throw err;
  }

  const events = createEventHub(logger);
  // While a portal account is connected, its role decides (contributor/author: writer; editor: editor).
  const effectiveSettings = (): Settings => {
    const stored = settings.get();
    const account = portal.account();
    return account ? { ...stored, role: account.newsroomRole, displayName: stored.displayName || account.name } : stored;
  };
  const sync = new SyncEngine({
    db,
    articles,
    media,
    workflow,
    portal,
    clock,
    logger,
    random: options.random,
    background: options.backgroundSync ?? true,
    bylineOnPortal: () => settings.get().bylineOnPortal,
    photoPreset: () => {
      const { photoLongEdge, photoFormat } = settings.get();
      return { longEdge: photoLongEdge, format: photoFormat, quality: 80 };
    },
    onStatus: (status) => events.emit('sync-status', status),
    // A re-check found the account changed: its role decides the person's role.
    onAccountChanged: () => events.emit('settings-changed', effectiveSettings()),
    onArticles: (ids) => {
      scheduleMaintenance();
      events.emit('articles-changed', { ids });
    },
  });
  let closed = false;
  let maintenanceTimer: NodeJS.Timeout | undefined;
  let mutationsSinceCheckpoint = 0;
  let checkpointQueued = false;
  // Monotonic time, not the injected clock: this is about the process's own rhythm.
  let maintenanceDueBy: number | undefined;
  const runMaintenance = () => {
    maintenanceTimer = undefined;
    maintenanceDueBy = undefined;
    if (closed) return;
    try {
      articles.catchUpSearchIndex();
      mutationsSinceCheckpoint = 0;
      checkpointPassive(db);
    } catch (err) {
      logger.error('idle maintenance failed', { error: err instanceof Error ? err.message : String(err) });
    }
  };
  const scheduleMaintenance = () => {
    if (closed) return;
    const now = performance.now();
    maintenanceDueBy ??= now + IDLE_MAINTENANCE_MAX_WAIT_MS;
    if (maintenanceTimer) clearTimeout(maintenanceTimer);
    maintenanceTimer = setTimeout(runMaintenance, Math.max(0, Math.min(IDLE_MAINTENANCE_DELAY_MS, maintenanceDueBy - now)));
    maintenanceTimer.unref();
  };
  const checkpointSoon = () => {
    checkpointQueued = false;
    if (closed) return;
    try {
      mutationsSinceCheckpoint = 0;
      checkpointPassive(db);
    } catch (err) {
      logger.error('checkpoint failed', { error: err instanceof Error ? err.message : String(err) });
    }
  };
  const changed = (...ids: string[]) => {
    scheduleMaintenance();
    if (++mutationsSinceCheckpoint >= CHECKPOINT_EVERY_MUTATIONS && !checkpointQueued) {
      checkpointQueued = true;
      // setImmediate runs after the handler's answer has been sent (promise callbacks come first).
      setImmediate(checkpointSoon);
    }
    events.emit('articles-changed', { ids });
    sync.poke();
  };
  // Changes a crash left unindexed are picked up soon after start (or by the first search).
  if (articles.pendingSearchIndexCount() > 0) scheduleMaintenance();
  const info = { version: options.appVersion, schemaVersion: schemaVersion(db), transport: options.transport };

  // Articles started here before the person had a name get it once there is one.
  const claimUnnamed = (name: string) => {
    const ids = articles.claimAuthor(name);
    if (ids.length > 0) events.emit('articles-changed', { ids });
  };

  // A body may only place photos the library has: a dangling reference could never be published.
  const assertMediaExist = (ids: string[]) => {
    const missing = [...new Set(ids)].filter((id) => !media.exists(id));
    if (missing.length > 0) {
      throw new AppError({
        kind: 'validation',
        code: 'body.unknownMedia',
        message: `The article places photos that are not in the library: ${missing.join(', ')}`,
        params: { count: missing.length },
      });
    }
  };

  const handlers: Handlers = {
    'app-info': () => ({ ...info }),
    'settings-get': () => effectiveSettings(),
    'settings-update': (patch) => {
      if (patch.role !== undefined && portal.account() && patch.role !== portal.account()!.newsroomRole) {
        throw new AppError({
          kind: 'validation',
          code: 'settings.roleFromPortal',
          message: 'The role comes from the portal account while one is connected.',
          params: { role: portal.account()!.newsroomRole },
        });
      }
      settings.update(patch);
      const next = effectiveSettings();
      if (patch.displayName !== undefined) claimUnnamed(next.displayName);
      events.emit('settings-changed', next);
      return next;
    },
    'articles-list': ({ scope, limit }) => articles.list(scope, limit),
    'articles-search': ({ query, limit }) => articles.search(query, limit),
    'articles-create': ({ id, title }) => {
      const article = articles.create(title, effectiveSettings().displayName, id);
      changed(article.id);
      return article;
    },
    'articles-get': ({ id }) => articles.get(id),
    'articles-save': (input) => {
      workflow.assertEditable(input.id, effectiveSettings().role);
      assertMediaExist(imageMediaIds(input.body));
      const result = articles.save(input);
      changed(result.id);
      return result;
    },
    'articles-set-featured-image': ({ id, mediaId }) => {
      workflow.assertEditable(id, effectiveSettings().role);
      if (mediaId !== null) assertMediaExist([mediaId]);
      const summary = articles.setFeaturedImage(id, mediaId);
      changed(id);
      return summary;
    },
    'articles-trash': ({ id }) => {
      const summary = articles.trash(id, effectiveSettings().role);
      changed(id);
      return summary;
    },
    'articles-untrash': ({ id }) => {
      const summary = articles.untrash(id);
      changed(id);
      return summary;
    },
    'articles-delete-forever': ({ id }) => {
      const result = articles.deleteForever(id);
      changed(id);
      return result;
    },
    'articles-discard-if-blank': ({ id }) => {
      const discarded = articles.discardIfBlank(id);
      if (discarded) changed(id);
      return { id, discarded };
    },
    'revisions-list': ({ articleId }) => {
      articles.assertExists(articleId);
      return articles.revisions.list(articleId);
    },
    'revisions-get': ({ id }) => articles.revisions.get(id),
    'revisions-restore': ({ articleId, revisionId, baseVersion }) => {
      // Its own code: the save's message ("the last change is not saved") would be wrong here.
      workflow.assertEditable(articleId, effectiveSettings().role, 'workflow.restoreNotEditable');
      const article = articles.restoreRevision(articleId, revisionId, baseVersion);
      changed(articleId);
      return article;
    },
    'media-import': ({ fileName, data }) => {
      const { photoLongEdge, photoFormat } = settings.get();
      return media.import(fileName, data, { longEdge: photoLongEdge, format: photoFormat, quality: 80 });
    },
    'media-get': ({ id }) => media.get(id),

    'workflow-transition': (input) => {
      const { role, displayName } = effectiveSettings();
      const result = workflow.transition(input, { role, name: displayName });
      changed(input.id);
      return result;
    },
    'workflow-history': ({ id }) => workflow.history(id),
    'workflow-check': ({ id }) => workflow.check(id),
    'queue-list': (filter) => workflow.queue(filter),
    'terms-list': ({ taxonomy }) => terms.list(taxonomy),
    'terms-create': ({ taxonomy, name }) => {
      // With a portal connected, categories come from the portal's list (synced into the local one);
      // a new name would only be refused when the article is delivered.
      if (taxonomy === 'category' && portal.configured() && !terms.find('category', name)) {
        throw new AppError({
          kind: 'validation',
          code: 'terms.categoryNotOnPortal',
          message: `The portal has no category "${name}"; categories are chosen from the portal's list.`,
          params: { name },
        });
      }
      return terms.create(taxonomy, name);
    },
    'articles-set-terms': ({ id, categoryId, tags }) => {
      workflow.assertEditable(id, effectiveSettings().role);
      const summary = terms.setArticleTerms(id, categoryId, tags);
      changed(id);
      return summary;
    },

    'portal-get': () => portal.connection(),
    'portal-test': async (input) => {
      const { ok, steps } = await portal.test(input, settings.get().timeZone);
      return { ok, steps };
    },
    'portal-save': async (input) => {
      const { connection } = await portal.save(input, settings.get().timeZone);
      sync.connectionChanged();
      // The account's name is the person's name while none is set here.
      claimUnnamed(effectiveSettings().displayName);
      events.emit('settings-changed', effectiveSettings());
      return connection;
    },
    'portal-forget': async () => {
      const connection = await portal.forget();
      sync.connectionChanged();
      events.emit('settings-changed', effectiveSettings());
      return connection;
    },
    'sync-status': () => sync.status(),
    'sync-run': () => sync.run(),
    'sync-items': () => sync.items(),
    'sync-retry': ({ articleId }) => {
      articles.assertExists(articleId);
      sync.retry(articleId);
      return sync.items();
    },
    'sync-hold': ({ articleId, window }) => {
      if (articleId !== null) articles.assertExists(articleId);
      sync.hold(articleId, window);
      return { articleId };
    },
    'sync-article': ({ id }) => sync.portalState(id),
    'sync-conflict-get': ({ articleId }) => sync.conflict(articleId),
    ...backup.handlers(),
    'sync-conflict-resolve': async ({ articleId, choice, merged }) => {
      const article = await sync.resolveConflict(articleId, choice, merged);
      changed(articleId);
      return article;
    },
  };

  // After close the table stays callable (a late IPC message may still arrive) but refuses politely.
  const guarded = Object.fromEntries(
    Object.entries(handlers).map(([name, fn]) => [
      name,
      (args: never) => {
        if (closed) throw closedError();
        return (fn as (a: never) => unknown)(args);
      },
    ]),
  ) as unknown as Handlers;

  const invoke = createInvoke(guarded, (name, err) =>
    logger.error('handler failed', { handler: name, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  );

  return {
    handlers: guarded,
    invoke,
    on: (event, listener) => events.on(event, listener),
    articles,
    media,
    sync,
    backup,
    close() {
      if (closed) return;
      closed = true;
      backup.close();
      sync.close();
      if (maintenanceTimer) clearTimeout(maintenanceTimer);
      events.clear();
      try {
        articles.catchUpSearchIndex();
      } catch (err) {
        logger.error('search index catch-up at close failed', { error: err instanceof Error ? err.message : String(err) });
      }
      try {
        closeDatabase(db);
      } finally {
        // Even when the last checkpoint failed: the folder must not stay locked for a next start.
        folderLock.release();
      }
    },
  };
}
