/**
 * The one comparison of article summaries in the renderer: the article list decides with it whether
 * a refresh changed anything, and the open article's side panel whether the list knows something
 * newer. Every field counts unless a caller names it: a field added to ArticleSummary must be
 * listed here (the type says so), so that a change the sync makes to it (a publish time moved on
 * the portal changes `publishAt` and nothing else) always reaches the screen.
 */
import type { ArticleSummary } from '../../../../shared/domain';

type Field = keyof ArticleSummary;

const FIELDS: Record<Field, true> = {
  id: true,
  title: true,
  excerpt: true,
  status: true,
  wordCount: true,
  createdAt: true,
  updatedAt: true,
  trashedAt: true,
  featuredMediaId: true,
  author: true,
  categoryId: true,
  tags: true,
  publishAt: true,
  statusChangedAt: true,
};

const ALL_FIELDS = Object.keys(FIELDS) as Field[];

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => item === b[i]);
  return a === b;
}

/** True when the two summaries say the same, apart from the `ignoring` fields. */
export function sameSummary(a: ArticleSummary, b: ArticleSummary, ignoring: readonly Field[] = []): boolean {
  return ALL_FIELDS.every((field) => ignoring.includes(field) || sameValue(a[field], b[field]));
}
