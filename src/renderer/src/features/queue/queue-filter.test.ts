import { describe, expect, it } from 'vitest';
import type { QueueItem } from '../../../../shared/domain';
import { filterQueue, isOverdue, NO_FILTER, queueAuthors, queueTime, reconcileFilter } from './queue-filter';

function item(id: string, over: Partial<QueueItem>): QueueItem {
  return {
    id,
    title: id,
    excerpt: '',
    status: 'submitted',
    wordCount: 0,
    createdAt: 0,
    updatedAt: 10,
    trashedAt: null,
    featuredMediaId: null,
    author: 'Siti',
    categoryId: null,
    tags: [],
    publishAt: null,
    statusChangedAt: 5,
    overdue: false,
    lastNote: '',
    ...over,
  };
}

const items = [
  item('a', { status: 'submitted', author: 'Siti', categoryId: 'daerah' }),
  item('b', { status: 'approved', author: 'Budi', categoryId: 'politik' }),
  item('c', { status: 'scheduled', author: 'Siti', categoryId: null, publishAt: 1000 }),
  item('d', { status: 'scheduled', author: '', categoryId: 'daerah', publishAt: 3000 }),
];

describe('filterQueue', () => {
  it('returns the same list without filters', () => {
    expect(filterQueue(items, NO_FILTER)).toBe(items);
  });

  it('combines status, writer and category', () => {
    expect(filterQueue(items, { status: 'scheduled', author: null, category: null }).map((i) => i.id)).toEqual(['c', 'd']);
    expect(filterQueue(items, { status: 'all', author: 'Siti', category: null }).map((i) => i.id)).toEqual(['a', 'c']);
    expect(filterQueue(items, { status: 'all', author: null, category: 'daerah' }).map((i) => i.id)).toEqual(['a', 'd']);
    expect(filterQueue(items, { status: 'all', author: null, category: 'none' }).map((i) => i.id)).toEqual(['c']);
    expect(filterQueue(items, { status: 'scheduled', author: '', category: 'daerah' }).map((i) => i.id)).toEqual(['d']);
  });
});

describe('queue helpers', () => {
  it('lists writers once, alphabetically', () => {
    expect(queueAuthors(items)).toEqual(['', 'Budi', 'Siti']);
  });

  it('marks scheduled items overdue once their time has passed, by the backend flag or the clock', () => {
    expect(isOverdue(items[2]!, 999)).toBe(false);
    expect(isOverdue(items[2]!, 1000)).toBe(true);
    expect(isOverdue({ ...items[3]!, overdue: true }, 0)).toBe(true);
    expect(isOverdue(items[0]!, 1e15)).toBe(false);
  });

  it('shows the publish time for scheduled items and the status time for the others', () => {
    expect(queueTime(items[2]!)).toEqual({ kind: 'publish', at: 1000 });
    expect(queueTime(items[0]!)).toEqual({ kind: 'since', at: 5 });
    expect(queueTime({ ...items[0]!, statusChangedAt: null })).toEqual({ kind: 'since', at: 10 });
  });

  it('drops a chosen writer or category that no longer exists', () => {
    const filter = { status: 'approved' as const, author: 'Rina', category: 'hilang' };
    expect(reconcileFilter(filter, ['Siti'], new Set(['daerah']))).toEqual({ status: 'approved', author: null, category: null });
    const kept = { status: 'all' as const, author: 'Siti', category: 'none' };
    expect(reconcileFilter(kept, ['Siti'], new Set())).toBe(kept);
  });
});
