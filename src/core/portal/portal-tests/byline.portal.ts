/**
 * A newsroom that shows the writer under its stories: with "Nama penulis di portal" on, the story
 * reaches the portal ending in "Penulis: <Nama Anda>", whatever the portal account's display name;
 * the line is not part of the article, so neither the editor's copy nor a later sync sees it as text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article, QueueItem } from '../../../shared/domain';
import { clientFor } from './site';
import { ensurePortalCategory, newsroomComputer, portalPostsWith, runToken, type Newsroom, writeArticle } from './sync-helpers';

const CATEGORY = 'Kutai Kartanegara';
const WRITER = 'Siti Rahma';
const PARAGRAPHS = ['TENGGARONG – Pasar Tangga Arung ramai menjelang Ramadan.', 'Harga cabai naik menjadi Rp60.000 per kilogram.'];

let token: string;
const computers: Newsroom[] = [];

beforeAll(async () => {
  token = runToken();
  await ensurePortalCategory(CATEGORY);
});
afterAll(() => computers.splice(0).forEach((c) => c.dispose()));

async function deliver(showByline: boolean, title: string): Promise<{ writer: Newsroom; article: Article }> {
  const writer = await newsroomComputer('AUTHOR');
  computers.push(writer);
  await writer.call('settings-update', { displayName: WRITER, bylineOnPortal: showByline });
  const article = await writeArticle(writer, { title, paragraphs: PARAGRAPHS, category: CATEGORY });
  await writer.call('workflow-transition', { id: article.id, action: 'submit' });
  expect(await writer.sync()).toMatchObject({ pending: 0, parked: 0, conflicts: 0 });
  return { writer, article };
}

async function rendered(postId: number): Promise<string> {
  const { body } = await clientFor('EDITOR').request(`/wp/v2/posts/${postId}`, { query: { context: 'edit', _fields: 'content' } });
  return (body as { content: { rendered: string } }).content.rendered;
}

describe("the writer's name on the portal", () => {
  it('ends the story with "Penulis: <Nama Anda>" when chosen, and never comes back as text', async () => {
    const { writer, article } = await deliver(true, `Harga cabai naik ${token}`);
    const [post] = (await portalPostsWith(token)).filter((p) => p.title === article.title);
    expect(post).toBeDefined();
    expect(await rendered(post!.id)).toMatch(/<p class="[^"]*redaksi-byline[^"]*">Penulis: Siti Rahma<\/p>/);

    // The editor's computer: the story is in the queue by its writer, and the line is not in its text.
    const editor = await newsroomComputer('EDITOR');
    computers.push(editor);
    const [queued] = (await editor.call<QueueItem[]>('queue-list', {})).filter((q) => q.title === article.title);
    expect(queued).toMatchObject({ author: WRITER, status: 'submitted' });
    const copy = await editor.call<Article>('articles-get', { id: queued!.id });
    expect(JSON.stringify(copy.body)).not.toContain('Penulis:');

    // Neither side sees a change of text in it.
    expect(await writer.sync()).toMatchObject({ conflicts: 0, pending: 0 });
    expect(await editor.sync()).toMatchObject({ conflicts: 0, pending: 0 });
  });

  it('is left out when the newsroom does not show it', async () => {
    const { article } = await deliver(false, `Harga bawang turun ${token}`);
    const [post] = (await portalPostsWith(token)).filter((p) => p.title === article.title);
    expect(post).toBeDefined();
    expect(await rendered(post!.id)).not.toContain('redaksi-byline');
  });
});
