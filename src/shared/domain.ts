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
  /** Long edge of prepared photos, in pixels. */
  photoLongEdge: 1200 | 1600 | 2048;
  photoFormat: 'jpeg' | 'webp';
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
