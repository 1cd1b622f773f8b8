/** The queue's filters and what each row shows, kept apart from React so they are easy to test. */
import type { QueueItem } from '../../../../shared/domain';

export type QueueStatus = 'submitted' | 'approved' | 'scheduled';
export const QUEUE_STATUSES: readonly QueueStatus[] = ['submitted', 'approved', 'scheduled'];

export interface QueueFilter {
  status: QueueStatus | 'all';
  /** A writer's name exactly as stored ('' matches articles without a name); null: everyone. */
  author: string | null;
  /** A category id, 'none' for articles without one, or null: every category. */
  category: string | null;
}

export const NO_FILTER: QueueFilter = { status: 'all', author: null, category: null };

export function filterQueue(items: readonly QueueItem[], filter: QueueFilter): readonly QueueItem[] {
  if (filter.status === 'all' && filter.author === null && filter.category === null) return items;
  return items.filter(
    (item) =>
      (filter.status === 'all' || item.status === filter.status) &&
      (filter.author === null || item.author === filter.author) &&
      (filter.category === null || (filter.category === 'none' ? item.categoryId === null : item.categoryId === filter.category)),
  );
}

/** Every writer in the queue, alphabetically (Indonesian collation), once each. */
export function queueAuthors(items: readonly QueueItem[]): string[] {
  const names = new Set<string>();
  for (const item of items) names.add(item.author);
  return [...names].sort((a, b) => a.localeCompare(b, 'id', { sensitivity: 'base' }));
}

/**
 * Scheduled and past its time. The backend flags this when it answers; the screen re-checks against
 * the clock so an item turns overdue while the editor looks at the list.
 */
export function isOverdue(item: Pick<QueueItem, 'status' | 'publishAt' | 'overdue'>, now: number): boolean {
  return item.overdue || (item.status === 'scheduled' && item.publishAt !== null && item.publishAt <= now);
}

/** The time a row shows: when it publishes (scheduled), otherwise since when it has had its status. */
export function queueTime(item: Pick<QueueItem, 'status' | 'publishAt' | 'statusChangedAt' | 'updatedAt'>): { kind: 'publish' | 'since'; at: number } {
  if (item.status === 'scheduled' && item.publishAt !== null) return { kind: 'publish', at: item.publishAt };
  return { kind: 'since', at: item.statusChangedAt ?? item.updatedAt };
}

/** A filter that names a writer or category no longer in the queue falls back to everyone. */
export function reconcileFilter(filter: QueueFilter, authors: readonly string[], categoryIds: ReadonlySet<string>): QueueFilter {
  const author = filter.author !== null && !authors.includes(filter.author) ? null : filter.author;
  const category = filter.category !== null && filter.category !== 'none' && !categoryIds.has(filter.category) ? null : filter.category;
  return author === filter.author && category === filter.category ? filter : { ...filter, author, category };
}
