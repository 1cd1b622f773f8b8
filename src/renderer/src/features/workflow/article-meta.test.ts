import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../../shared/domain';
import { isNewerSummary } from './article-meta';

const base: ArticleSummary = {
  id: 'a',
  title: 'Banjir',
  excerpt: '',
  status: 'submitted',
  wordCount: 10,
  createdAt: 1,
  updatedAt: 100,
  trashedAt: null,
  featuredMediaId: null,
  author: 'Siti',
  categoryId: null,
  tags: [],
  publishAt: null,
  statusChangedAt: 90,
};

describe('isNewerSummary', () => {
  it('takes a later listing that changed the workflow facts', () => {
    expect(isNewerSummary(base, { ...base, updatedAt: 120, status: 'approved', statusChangedAt: 120 })).toBe(true);
    expect(isNewerSummary(base, { ...base, updatedAt: 120, tags: ['banjir'] })).toBe(true);
    expect(isNewerSummary(base, { ...base, categoryId: 'c1' })).toBe(true);
  });

  it('ignores an older listing (e.g. fetched before our own step) and one that says the same', () => {
    expect(isNewerSummary(base, { ...base, updatedAt: 99, status: 'draft' })).toBe(false);
    expect(isNewerSummary(base, { ...base, updatedAt: 150, wordCount: 40 })).toBe(false);
    expect(isNewerSummary(base, { ...base, id: 'b', updatedAt: 150, status: 'draft' })).toBe(false);
  });
});
