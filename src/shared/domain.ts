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
}

export interface AppInfo {
  version: string;
  schemaVersion: number;
  transport: 'electron' | 'web';
}
