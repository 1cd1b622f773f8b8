import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../../shared/domain';
import { fakeClient } from '../../testing/fake-client';
import { isNewerSummary } from '../workflow/article-meta';
import { ArticlesStore } from './articles-store';
import { sameSummary } from './summary';

const scheduled: ArticleSummary = {
  id: '11111111-1111-4111-8111-111111111111',
  title: 'Banjir Tenggarong',
  excerpt: '',
  status: 'scheduled',
  wordCount: 120,
  createdAt: 1,
  updatedAt: 100,
  trashedAt: null,
  featuredMediaId: null,
  author: 'Siti',
  categoryId: 'c1',
  tags: ['banjir'],
  publishAt: Date.UTC(2026, 11, 8, 1, 0),
  statusChangedAt: 90,
};

const flush = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe('one summary comparison', () => {
  it('sees a change in any field, and only ignores what the caller names', () => {
    expect(sameSummary(scheduled, { ...scheduled, tags: ['banjir'] })).toBe(true);
    for (const change of [
      { publishAt: scheduled.publishAt! + 3_600_000 },
      { categoryId: 'c2' },
      { tags: ['banjir', 'kukar'] },
      { statusChangedAt: 95 },
      { featuredMediaId: 'm1' },
      { author: 'Rina' },
      { status: 'published' as const },
    ]) {
      expect(sameSummary(scheduled, { ...scheduled, ...change }), JSON.stringify(change)).toBe(false);
    }
    expect(sameSummary(scheduled, { ...scheduled, title: 'Lain', updatedAt: 200 }, ['title', 'updatedAt'])).toBe(true);
  });

  it('a publish time moved on the portal (publish_at changes, updated_at does not) reaches the list and the open article', async () => {
    const client = fakeClient();
    let listed: ArticleSummary[] = [scheduled];
    client.answer('articles-list', () => listed);
    const articles = new ArticlesStore(client);
    await articles.refresh('active');
    const moved = { ...scheduled, publishAt: scheduled.publishAt! + 2 * 3_600_000 };
    listed = [moved];
    client.emit('articles-changed', { ids: [scheduled.id] });
    await articles.refresh('active');
    await flush();
    const inList = articles.active.get().items?.[0];
    expect(inList?.publishAt).toBe(moved.publishAt);
    // The open article's side panel takes it from the list.
    expect(isNewerSummary(scheduled, inList!)).toBe(true);
  });
});
