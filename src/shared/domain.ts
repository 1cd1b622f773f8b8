/** Domain types shared by the backend and the renderer. Instants are UTC epoch milliseconds. */
import type { NewsroomTimeZone, UiLanguage } from './newsroom-time';
import type { LexicalDocument } from './lexical-document';

export type ArticleStatus =
  | 'draft'
  | 'submitted'
  | 'approved'
  | 'scheduled'
  | 'published'
  | 'rejected'
  | 'conflict'
  | 'failed';

export interface ArticleSummary {
  id: string;
  title: string;
  excerpt: string;
  status: ArticleStatus;
  wordCount: number;
  createdAt: number;
  updatedAt: number;
  /** Set while the article is in the trash. */
  trashedAt: number | null;
  /** The photo the portal shows with the article in lists and shares. */
  featuredMediaId: string | null;
  /** Who wrote it (the display name set in Pengaturan, or the portal account's name). */
  author: string;
  categoryId: string | null;
  /** Tag names, in the order the writer gave them. */
  tags: string[];
  /** When it is to be (or was) published; set by scheduling or publishing. */
  publishAt: number | null;
  /** When the status last changed (submitted, approved, ...). */
  statusChangedAt: number | null;
}

export interface Article extends ArticleSummary {
  body: LexicalDocument;
  /** Increases with every save; a save must name the version it was based on. */
  version: number;
}

export interface SaveResult {
  id: string;
  version: number;
  updatedAt: number;
  wordCount: number;
}

export interface SearchHit extends ArticleSummary {
  /** A short excerpt of the matching text; matched words are wrapped in \u0001 ... \u0002 markers. */
  snippet: string;
}

export type RevisionReason = 'interval' | 'before-submit' | 'before-restore' | 'before-external' | 'manual';

export interface RevisionSummary {
  id: string;
  articleId: string;
  createdAt: number;
  reason: RevisionReason;
  title: string;
  wordCount: number;
}

export interface Revision extends RevisionSummary {
  excerpt: string;
  body: LexicalDocument;
}

export type ThemePreference = 'light' | 'dark' | 'system';
export type LocalRole = 'writer' | 'editor';

export interface Settings {
  language: UiLanguage;
  theme: ThemePreference;
  role: LocalRole;
  timeZone: NewsroomTimeZone;
  /** False until the first-run welcome has been completed. */
  onboarded: boolean;
  /** The name written into the audit trail for this computer's user. */
  displayName: string;
  /** Long edge of prepared photos, in pixels. */
  photoLongEdge: 1200 | 1600 | 2048;
  photoFormat: 'jpeg' | 'webp';
  /** Stories delivered to the portal end with the writer's name ("Penulis: …"), in the newsroom's chosen style. */
  bylineOnPortal: boolean;
}

/** A prepared photo in the local library. Files are addressed by the sha256 of their bytes. */
export interface MediaItem {
  id: string;
  fileHash: string;
  thumbHash: string;
  mime: 'image/jpeg' | 'image/webp';
  width: number;
  height: number;
  bytes: number;
  originalName: string;
  /** What the person gave: its format, upright size and file size (what preparation saved). */
  original: { format: string; width: number; height: number; bytes: number };
  createdAt: number;
}

export interface MediaImportResult extends MediaItem {
  /** True when this photo had been imported before with the same preset and nothing new was stored. */
  deduplicated: boolean;
}

export interface AppInfo {
  version: string;
  schemaVersion: number;
  transport: 'electron' | 'web';
}

export type WorkflowActionName = 'submit' | 'withdraw' | 'approve' | 'reject' | 'schedule' | 'unschedule' | 'publish-now';

/** One entry of an article's audit trail. */
export interface WorkflowEvent {
  id: string;
  articleId: string;
  action: WorkflowActionName;
  fromStatus: ArticleStatus;
  toStatus: ArticleStatus;
  actorRole: LocalRole;
  actorName: string;
  note: string;
  publishAt: number | null;
  createdAt: number;
}

/** Something that keeps an article from being submitted, e.g. a photo without alt text. */
export interface ReadinessProblem {
  code: 'missingTitle' | 'missingBody' | 'missingCategory' | 'imageWithoutAlt';
  /** For imageWithoutAlt: the 1-based position of the image in the article. */
  position?: number;
}

export interface Term {
  id: string;
  taxonomy: 'category' | 'tag';
  name: string;
  /** The portal's term id once known. */
  remoteId: number | null;
}

export interface QueueItem extends ArticleSummary {
  /** Scheduled and its time has passed without it being published. */
  overdue: boolean;
  /** The newest note an editor left (for a rejection). */
  lastNote: string;
}
