/**
 * Titles and excerpts are plain text in Redaksi and HTML in WordPress: sent escaped, they show on the
 * portal as the words written (never as markup, for any role) and come back exactly as sent.
 */
import { describe, expect, it } from 'vitest';
import { clientFor, uniqueId, type TestRole } from './site';

const TITLES = [
  'Banjir & Longsor di <Kukar>: "Tenggarong" 5 > 3',
  '<script>alert(document.cookie)</script> Kutipan pelaku',
  'Harga cabai Rp50.000/kg &amp; naik',
  '<img src=x onerror=alert(1)> di judul',
];

describe('titles and excerpts on the portal', () => {
  it.each(['EDITOR', 'AUTHOR'] as TestRole[])('survive the round trip for %s and are text, not markup, on the portal', async (role) => {
    const client = clientFor(role);
    for (const [i, title] of TITLES.entries()) {
      const excerpt = `Ringkasan ${i}: ${title}`;
      const token = uniqueId();
      const created = await client.createPost({ title: `${title} ${token}`, excerpt, content: '<p>Isi.</p>', status: 'draft' });
      const read = await client.getPost(created.id);
      expect(read.title, title).toBe(`${title} ${token}`);
      expect(read.excerpt, title).toBe(excerpt);
      const updated = await client.updatePost(created.id, { title: `${title} diperbarui`, excerpt: `${excerpt}!` });
      expect([updated.title, updated.excerpt]).toEqual([`${title} diperbarui`, `${excerpt}!`]);
      // What WordPress prints: the rendered fields, as the theme gets them.
      const { body } = await client.request(`/wp/v2/posts/${created.id}`, { query: { context: 'edit', _fields: 'title,excerpt' } });
      const printed = body as { title: { rendered: string }; excerpt: { rendered: string } };
      for (const html of [printed.title.rendered, printed.excerpt.rendered]) {
        expect(html, `${role} ${title}`).not.toMatch(/<(script|img|kukar)\b/i);
      }
      await client.request(`/wp/v2/posts/${created.id}`, { method: 'DELETE', query: { force: 'true' } });
    }
  });
});
