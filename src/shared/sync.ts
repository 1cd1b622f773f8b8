/**
 * What the renderer sees of the portal connection and the sync to it. Instants are UTC epoch ms.
 * The backend (src/core/sync, src/core/portal) produces these; the contract carries them.
 */
import type { AppErrorShape } from './errors';
import type { LexicalDocument } from './lexical-document';

/** The status bar's word: not set up, reachable, not reachable, or delivering right now. */
export type ConnectionState = 'unconfigured' | 'online' | 'offline' | 'syncing';

export interface PortalAccount {
  /** Display name of the WordPress user. */
  name: string;
  username: string;
  /** WordPress roles, e.g. ['contributor']. */
  roles: string[];
  /** contributor/author = writer, editor/administrator = editor. */
  newsroomRole: 'writer' | 'editor';
  canPublish: boolean;
  canUploadMedia: boolean;
  canCreateTags: boolean;
}

/** The saved portal connection. The Application Password itself never leaves the backend. */
export interface PortalConnection {
  /** What the person typed in "Alamat portal" (normalised), '' when not set up. */
  address: string;
  username: string;
  hasPassword: boolean;
  /** Known once a connection test got as far as the credentials. */
  account: PortalAccount | null;
  /** The site's timezone_string, e.g. 'Asia/Makassar' ('' when the site only has an offset). */
  siteTimeZone: string | null;
  /** When the credentials were last proven. */
  verifiedAt: number | null;
}

export type ConnectionStepId = 'reachable' | 'wordpress' | 'credentials' | 'role' | 'timezone' | 'uploadLimit' | 'clock';
export type ConnectionStepStatus = 'ok' | 'warn' | 'fail' | 'skipped';

/** One line of "Uji koneksi": a code under `portal.check.` (or an error code) with its params. */
export interface ConnectionStep {
  id: ConnectionStepId;
  status: ConnectionStepStatus;
  code: string;
  params: Record<string, string | number | boolean>;
}

export interface ConnectionReport {
  ok: boolean;
  steps: ConnectionStep[];
}

/**
 * One article waiting in the outbox. `waiting`: failed with a retryable error, tried again at
 * `nextAttemptAt`. `parked`: failed with an error only a person can fix (shown with its reason);
 * the rest of the outbox goes on.
 */
export type SyncItemState = 'pending' | 'sending' | 'waiting' | 'parked';

export interface SyncItem {
  id: number;
  articleId: string;
  title: string;
  /** In the trash here: the change queued before is still delivered (the trash is local). */
  trashed: boolean;
  state: SyncItemState;
  attempts: number;
  nextAttemptAt: number | null;
  error: AppErrorShape | null;
  queuedAt: number;
}

export interface SyncProgress {
  articleId: string;
  title: string;
  phase: 'media' | 'post' | 'pull';
  /** Upload progress of the current photo batch, in bytes. */
  bytesSent: number;
  bytesTotal: number;
}

export interface SyncStatus {
  connection: ConnectionState;
  /** Items not yet delivered (pending, sending, waiting). */
  pending: number;
  parked: number;
  conflicts: number;
  lastSyncAt: number | null;
  /** Why the last attempt to reach the portal failed (e.g. a captive portal), null when it worked. */
  lastError: AppErrorShape | null;
  /** How far the portal's clock is ahead of this computer's (negative: behind); null when unknown. */
  clockSkewMs: number | null;
  /** True when the skew is over two minutes: scheduling uses the portal's time. */
  clockWarning: boolean;
  progress: SyncProgress | null;
}

/** An article's place on the portal, as last seen. */
export interface ArticlePortalState {
  postId: number | null;
  /** The public (or preview) link WordPress gave. */
  link: string;
  /** WordPress's status: pending, future, publish, draft, ... ('' before the first delivery). */
  remoteStatus: string;
  /** Scheduled, the time has passed, and the portal still has it as future (WP-Cron missed it). */
  missedSchedule: boolean;
  item: SyncItem | null;
  conflict: boolean;
}

/** One side of a conflict, in a form the side-by-side view can show. */
export interface ConflictSide {
  title: string;
  excerpt: string;
  body: LexicalDocument;
  /** Plain text of the body, for a quick comparison. */
  text: string;
  category: string | null;
  tags: string[];
  /** When that side last changed. */
  changedAt: number | null;
}

export interface SyncConflict {
  articleId: string;
  local: ConflictSide;
  remote: ConflictSide;
  detectedAt: number;
}
