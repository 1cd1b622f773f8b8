/**
 * The columns every article listing reads (lists, search hits, the editor's queue) and how a row
 * becomes an ArticleSummary: one definition, so a new field reaches every screen at once.
 * Tags come along as a JSON array from a correlated subquery, in the writer's order.
 */
import type { ArticleStatus, ArticleSummary } from '../../shared/domain';

export interface SummaryRow {
  seq: number;
  id: string;
  status: ArticleStatus;
  version: number;
  word_count: number;
  created_at: number;
  updated_at: number;
  trashed_at: number | null;
  featured_media_id: string | null;
  author: string;
  category_id: string | null;
  publish_at: number | null;
  status_changed_at: number | null;
  tags_json: string;
  title: string;
  excerpt: string;
}

/** Columns of `articles` (which must be named `articles` in the FROM clause). */
export const SUMMARY_COLUMNS = `articles.seq, articles.id, articles.status, articles.version, articles.word_count,
  articles.created_at, articles.updated_at, articles.trashed_at, articles.featured_media_id, articles.author,
  articles.category_id, articles.publish_at, articles.status_changed_at,
  (SELECT coalesce(json_group_array(name), '[]') FROM (SELECT terms.name FROM article_tags JOIN terms ON terms.id = article_tags.term_id
     WHERE article_tags.article_id = articles.id ORDER BY article_tags.position)) AS tags_json,
  articles.title, articles.excerpt`;

export const toSummary = (row: SummaryRow): ArticleSummary => ({
  id: row.id,
  title: row.title,
  excerpt: row.excerpt,
  status: row.status,
  wordCount: row.word_count,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  trashedAt: row.trashed_at,
  featuredMediaId: row.featured_media_id,
  author: row.author,
  categoryId: row.category_id,
  tags: JSON.parse(row.tags_json) as string[],
  publishAt: row.publish_at,
  statusChangedAt: row.status_changed_at,
});
