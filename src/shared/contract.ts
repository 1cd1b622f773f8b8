/**
 * The one handler contract. Every backend capability is a named handler with a zod input schema and
 * an output type. src/core builds the implementation table; Electron IPC (src/main + src/preload)
 * and the browser-mode host (src/web) are two loops over the same table, and the renderer reaches
 * it only through the typed client in src/renderer/src/api.
 */
import { z } from 'zod';
import type { CommandId } from './commands';
import type {
  AppInfo,
  Article,
  MediaImportResult,
  MediaItem,
  QueueItem,
  ReadinessProblem,
  Term,
  WorkflowEvent,
  ArticleSummary,
  Revision,
  RevisionSummary,
  SaveResult,
  SearchHit,
  Settings,
} from './domain';
import { LexicalDocumentSchema } from './lexical-document';
import type { ArticlePortalState, ConnectionReport, PortalConnection, SyncConflict, SyncItem, SyncStatus } from './sync';
import { NEWSROOM_TIME_ZONES } from './newsroom-time';
import { BACKUP_INTERVALS, BACKUP_LIMITS, BACKUP_NAME_PATTERN, type BackupEntry, type BackupStatus } from './backup';

/** Declares a handler: its input schema now, its output type through `returns<T>()`. */
function handler<I extends z.ZodType>(input: I) {
  return { returns: <O>() => ({ input, output: undefined as unknown as O }) };
}

export const LIMITS = {
  titleLength: 300,
  excerptLength: 1_000,
  searchQueryLength: 200,
  /**
   * Largest request body either transport accepts: a 100,000-word article is about 6 MB of JSON, and
   * a photo up to `photoBytes` travels as raw bytes.
   */
  requestBytes: 48 * 1024 * 1024,
  /** Largest photo file accepted for import (a 200 MP phone photo is about 30 MB). */
  photoBytes: 40 * 1024 * 1024,
  fileNameLength: 255,
  noteLength: 2_000,
  termNameLength: 60,
  tagsPerArticle: 20,
  portalAddressLength: 500,
  portalUserLength: 200,
  appPasswordLength: 200,
} as const;

/** An unpaired UTF-16 surrogate: SQLite stores text as UTF-8, where it has no encoding. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Text that is stored as given (titles, notes, names). Must be well-formed Unicode: a lone
 * surrogate would be saved as replacement characters, so what was acknowledged is not what is kept.
 */
const StoredText = () =>
  z
    .string()
    .refine((value) => !LONE_SURROGATE.test(value), { message: 'text is not well-formed Unicode', params: { code: 'validation' } });

const Id = z.uuid();
const Empty = z.object({}).strict();
const ById = z.object({ id: Id }).strict();

/** "Alamat portal", "Nama pengguna", "Kata sandi aplikasi" (left out: keep the saved one). */
const PortalCredentials = z
  .object({
    address: StoredText().trim().min(1).max(LIMITS.portalAddressLength),
    username: StoredText().trim().min(1).max(LIMITS.portalUserLength),
    appPassword: StoredText().trim().min(1).max(LIMITS.appPasswordLength).optional(),
  })
  .strict();

export const SettingsSchema = z
  .object({
    language: z.enum(['id', 'en']),
    theme: z.enum(['light', 'dark', 'system']),
    role: z.enum(['writer', 'editor']),
    timeZone: z.enum(NEWSROOM_TIME_ZONES),
    onboarded: z.boolean(),
    displayName: StoredText().trim().max(80),
    photoLongEdge: z.union([z.literal(1200), z.literal(1600), z.literal(2048)]),
    photoFormat: z.enum(['jpeg', 'webp']),
    bylineOnPortal: z.boolean(),
  })
  .strict();

export const contract = {
  'app-info': handler(Empty).returns<AppInfo>(),

  'settings-get': handler(Empty).returns<Settings>(),
  'settings-update': handler(SettingsSchema.partial().strict()).returns<Settings>(),

  'articles-list': handler(
    z.object({ scope: z.enum(['active', 'trash']).default('active'), limit: z.number().int().min(1).max(1000).default(200) }).strict(),
  ).returns<ArticleSummary[]>(),
  'articles-search': handler(
    z.object({ query: z.string().max(LIMITS.searchQueryLength), limit: z.number().int().min(1).max(100).default(20) }).strict(),
  ).returns<SearchHit[]>(),
  /**
   * Makes an article. The window names the id itself so that it can show the new article (and take
   * what is typed into it) before this answers; asked again with the same id, it returns that article.
   */
  'articles-create': handler(z.object({ id: Id.optional(), title: StoredText().max(LIMITS.titleLength).optional() }).strict()).returns<Article>(),
  'articles-get': handler(ById).returns<Article>(),
  'articles-save': handler(
    z
      .object({
        id: Id,
        baseVersion: z.number().int().min(0),
        title: StoredText().max(LIMITS.titleLength),
        excerpt: StoredText().max(LIMITS.excerptLength),
        body: LexicalDocumentSchema,
      })
      .strict(),
  ).returns<SaveResult>(),
  /** Chooses the article's featured image (null: none). Not a content change: the version stays. */
  'articles-set-featured-image': handler(z.object({ id: Id, mediaId: Id.nullable() }).strict()).returns<ArticleSummary>(),
  'articles-trash': handler(ById).returns<ArticleSummary>(),
  'articles-untrash': handler(ById).returns<ArticleSummary>(),
  'articles-delete-forever': handler(ById).returns<{ id: string }>(),
  /** Deletes the article if nothing was ever written in it (left right after "Naskah baru"); says whether it did. */
  'articles-discard-if-blank': handler(ById).returns<{ id: string; discarded: boolean }>(),

  'revisions-list': handler(z.object({ articleId: Id }).strict()).returns<RevisionSummary[]>(),
  'revisions-get': handler(ById).returns<Revision>(),
  /** Replaces the article's content with a revision; the current content is kept as a revision first. */
  'revisions-restore': handler(z.object({ articleId: Id, revisionId: Id, baseVersion: z.number().int().min(0) }).strict()).returns<Article>(),

  /** Prepares a photo (orient, resize, strip metadata) and keeps it; the same photo twice is stored once. */
  'media-import': handler(
    z
      .object({
        fileName: z.string().max(LIMITS.fileNameLength),
        data: z.instanceof(Uint8Array).refine((d) => d.byteLength <= LIMITS.photoBytes, { params: { code: 'media.fileTooLarge' } }),
      })
      .strict(),
  ).returns<MediaImportResult>(),
  'media-get': handler(ById).returns<MediaItem>(),

  /** Takes an article through the workflow (submit, approve, reject with a note, schedule, ...). */
  'workflow-transition': handler(
    z
      .object({
        id: Id,
        action: z.enum(['submit', 'withdraw', 'approve', 'reject', 'schedule', 'unschedule', 'publish-now']),
        note: StoredText().max(LIMITS.noteLength).optional(),
        publishAt: z.number().int().min(0).max(8.64e15).optional(),
      })
      .strict(),
  ).returns<{ article: ArticleSummary; event: WorkflowEvent }>(),
  'workflow-history': handler(ById).returns<WorkflowEvent[]>(),
  /** What keeps the article from being submitted (empty when it is ready). */
  'workflow-check': handler(ById).returns<ReadinessProblem[]>(),
  /** The editor's queue: submitted, approved and scheduled articles by publish time. */
  'queue-list': handler(
    z
      .object({
        statuses: z.array(z.enum(['submitted', 'approved', 'scheduled'])).max(3).optional(),
        author: z.string().max(80).optional(),
        categoryId: Id.optional(),
      })
      .strict(),
  ).returns<QueueItem[]>(),

  'terms-list': handler(z.object({ taxonomy: z.enum(['category', 'tag']) }).strict()).returns<Term[]>(),
  'terms-create': handler(
    z.object({ taxonomy: z.enum(['category', 'tag']), name: StoredText().trim().min(1).max(LIMITS.termNameLength) }).strict(),
  ).returns<Term>(),
  /** Sets the article's category and tags (tags by name; new names become local tags). Not a content change. */
  'articles-set-terms': handler(
    z
      .object({
        id: Id,
        categoryId: Id.nullable(),
        tags: z.array(StoredText().trim().min(1).max(LIMITS.termNameLength)).max(LIMITS.tagsPerArticle),
      })
      .strict(),
  ).returns<ArticleSummary>(),

  /** The saved portal connection (never the password). */
  'portal-get': handler(Empty).returns<PortalConnection>(),
  /** "Uji koneksi": checks address, WordPress, credentials, role, time zone, upload limit, clock. */
  'portal-test': handler(PortalCredentials).returns<ConnectionReport>(),
  /** "Simpan": tests, then keeps the connection (the password in the secret store). Bad credentials are refused. */
  'portal-save': handler(PortalCredentials).returns<PortalConnection>(),
  /** Forgets the connection and its password; the outbox keeps its items for a later connection. */
  'portal-forget': handler(Empty).returns<PortalConnection>(),

  'sync-status': handler(Empty).returns<SyncStatus>(),
  /** "Sinkronkan sekarang": probes the portal and delivers the outbox now; answers when the run is over. */
  'sync-run': handler(Empty).returns<SyncStatus>(),
  'sync-items': handler(Empty).returns<SyncItem[]>(),
  /** Tries a parked (or waiting) item again now. */
  'sync-retry': handler(z.object({ articleId: Id }).strict()).returns<SyncItem[]>(),
  /**
   * The article a window's editor shows right now (null: another screen, or none). Sync never changes
   * its text, only offers the portal's as a choice; said again while shown (it lapses otherwise).
   */
  'sync-hold': handler(
    z.object({ articleId: Id.nullable(), window: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional() }).strict(),
  ).returns<{ articleId: string | null }>(),
  'sync-article': handler(ById).returns<ArticlePortalState>(),
  'sync-conflict-get': handler(z.object({ articleId: Id }).strict()).returns<SyncConflict>(),
  /** Ends a conflict: keep this computer's version, take the portal's, or a merge the person made. */
  'sync-conflict-resolve': handler(
    z
      .object({
        articleId: Id,
        choice: z.enum(['local', 'remote', 'merged']),
        merged: z
          .object({ title: StoredText().max(LIMITS.titleLength), excerpt: StoredText().max(LIMITS.excerptLength), body: LexicalDocumentSchema })
          .strict()
          .optional(),
      })
      .strict()
      .refine((v) => (v.choice === 'merged') === (v.merged !== undefined), { params: { code: 'sync.mergedNeedsContent' }, path: ['merged'] }),
  ).returns<Article>(),

  /** "Cadangan": the chosen folder, the schedule, the last backup and a restore waiting for the next start. */
  'backup-status': handler(Empty).returns<BackupStatus>(),
  /** Chooses the backup folder (null: no automatic backups), how many to keep and how often. The folder is checked here. */
  'backup-configure': handler(
    z
      .object({
        folder: z.string().min(1).max(BACKUP_LIMITS.folderLength).nullable().optional(),
        keep: z.number().int().min(BACKUP_LIMITS.keepMin).max(BACKUP_LIMITS.keepMax).optional(),
        intervalHours: z.union(BACKUP_INTERVALS.map((h) => z.literal(h)) as [z.ZodLiteral<1>, z.ZodLiteral<4>, z.ZodLiteral<12>, z.ZodLiteral<24>]).optional(),
      })
      .strict(),
  ).returns<BackupStatus>(),
  /** "Cadangkan sekarang": answers when the backup is made and checked. */
  'backup-now': handler(Empty).returns<BackupEntry>(),
  /** The backups in the chosen folder, newest first, each opened and checked (a damaged one says so). */
  'backup-list': handler(Empty).returns<BackupEntry[]>(),
  /** "Pulihkan dari cadangan": checks the backup again and stages it; it takes the data's place at the next start. */
  'backup-restore': handler(z.object({ name: z.string().regex(BACKUP_NAME_PATTERN) }).strict()).returns<BackupStatus>(),
  'backup-restore-cancel': handler(Empty).returns<BackupStatus>(),
} as const;

export type Contract = typeof contract;
export type HandlerName = keyof Contract;
/** What a caller may send (defaults not yet applied). */
export type HandlerInput<K extends HandlerName> = z.input<Contract[K]['input']>;
/** What a handler receives (validated, defaults applied). */
export type HandlerArgs<K extends HandlerName> = z.output<Contract[K]['input']>;
export type HandlerOutput<K extends HandlerName> = Contract[K]['output'];

/** The implementation table src/core builds. */
export type Handlers = {
  [K in HandlerName]: (args: HandlerArgs<K>) => Promise<HandlerOutput<K>> | HandlerOutput<K>;
};

export const HANDLER_NAMES = Object.keys(contract) as HandlerName[];

export function isHandlerName(name: unknown): name is HandlerName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Push events from the backend to every window (IPC `webContents.send`, or server-sent events). */
export interface Events {
  'settings-changed': Settings;
  'articles-changed': { ids: string[] };
  'sync-status': SyncStatus;
  /** Electron only: the application menu asks the renderer to run a command (never emitted by the backend). */
  'menu-command': { command: CommandId };
}
export type EventName = keyof Events;
export const EVENT_NAMES: EventName[] = ['settings-changed', 'articles-changed', 'sync-status', 'menu-command'];

/** The envelope both transports use for a handler's answer. */
export type InvokeResult<T> = { ok: true; value: T } | { ok: false; error: import('./errors').AppErrorShape };
