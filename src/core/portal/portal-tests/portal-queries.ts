/**
 * Reading the local WordPress through its REST API, for the sync suites and the portal e2e spec
 * (kept apart from the backend so a Playwright spec can import it without loading the app).
 */
import type { WordPressClient } from '../wordpress-client';
import { clientFor, uniqueId } from './site';

/** Makes sure the portal has this category (created by the administrator). */
export async function ensurePortalCategory(name: string): Promise<number> {
  const admin = clientFor('ADMIN');
  const existing = (await admin.listCategories()).find((c) => c.name === name);
  if (existing) return existing.id;
  return (await admin.createCategory({ name })).id;
}

/** Every post (any status but trash) whose title contains `token`, read by the editor who sees all. */
export async function portalPostsWith(token: string, client: WordPressClient = clientFor('EDITOR')) {
  const posts = [];
  for (let page = 1; page <= 50; page++) {
    const { posts: batch, total } = await client.listPosts({ status: 'draft,pending,future,publish,private', search: token, page, perPage: 100 });
    posts.push(...batch);
    // Asking past the last page is a 400 in WordPress.
    if (batch.length < 100 || (total !== undefined && posts.length >= total)) break;
  }
  return posts;
}

/** Attachment ids an HTML body refers to (wp-image-<id>). */
export function imageIdsIn(html: string): number[] {
  return [...html.matchAll(/wp-image-(\d+)/g)].map((m) => Number(m[1]));
}

export function runToken(): string {
  return `uji${uniqueId().slice(0, 10)}`;
}

