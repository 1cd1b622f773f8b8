/**
 * Photos of a post the editor pulls from the real WordPress, written by another account: only those
 * on the portal's own origin are downloaded, and a scan bomb served from the portal itself is
 * refused from its markers instead of holding the sync for most of a minute.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article, QueueItem } from '../../../shared/domain';
import { progressiveScanBomb } from '../../testing/jpeg-scan-bomb';
import type { HttpPort } from '../wordpress-client';
import { clientFor, testSite } from './site';
import { distinctPhoto, newsroomComputer, runToken, type Newsroom } from './sync-helpers';

let spy: Server;
let spyOrigin = '';
const spyRequests: string[] = [];
let editor: Newsroom | undefined;

beforeAll(async () => {
  spy = createServer((req, res) => {
    spyRequests.push(req.url ?? '');
    res.writeHead(200, { 'Content-Type': 'image/jpeg' });
    res.end();
  });
  await new Promise<void>((r) => spy.listen(0, '127.0.0.1', r));
  spyOrigin = `http://127.0.0.1:${(spy.address() as AddressInfo).port}`;
});

afterAll(async () => {
  editor?.dispose();
  spy.closeAllConnections();
  await new Promise<void>((r) => spy.close(() => r()));
});

describe('photos in a post pulled from the portal', () => {
  it('come only from the portal itself; a scan bomb there is refused at once', async () => {
    const site = testSite();
    const token = runToken();
    const bombPath = `/wp-content/uploads/redaksi-bom-${token}.jpg`;
    const bomb = progressiveScanBomb();
    // The portal itself serves the bomb (as if an author had uploaded it past WordPress's own checks).
    const portalWithBomb: HttpPort = async (url, init) => (new URL(url).pathname === bombPath ? new Response(bomb.bytes, { headers: { 'Content-Type': 'image/jpeg' } }) : fetch(url, init));

    // Opened first: its first sync pulls what other suites left on the portal.
    editor = await newsroomComputer('EDITOR', { backend: { fetch: portalWithBomb } });
    const author = clientFor('AUTHOR');
    const media = await author.uploadMedia({ data: await distinctPhoto(4242), mime: 'image/jpeg', filename: `asli-${token}.jpg` });
    const localhostAlias = site.url.replace('127.0.0.1', 'localhost');
    const title = `Foto dari mana-mana ${token}`;
    await author.createPost({
      title,
      status: 'pending',
      content: [
        '<p>Banjir di Tenggarong.</p>',
        `<figure class="wp-block-image"><img src="${media.sourceUrl}" alt="Asli" class="wp-image-${media.id}"/></figure>`,
        `<figure class="wp-block-image"><img src="${spyOrigin}/internal/admin.jpg" alt="Lain"/></figure>`,
        `<figure class="wp-block-image"><img src="${localhostAlias}/wp-content/uploads/alias.jpg" alt="Alias"/></figure>`,
        `<figure class="wp-block-image"><img src="http://169.254.169.254/latest/meta-data/" alt="Metadata"/></figure>`,
        `<figure class="wp-block-image"><img src="${site.url}${bombPath}" alt="Bom"/></figure>`,
      ].join('\n'),
    });

    const started = Date.now();
    await editor.sync();
    const seconds = (Date.now() - started) / 1000;

    const local = (await editor.call<QueueItem[]>('queue-list', {})).find((q) => q.title === title);
    expect(local, 'the pulled post is in the queue').toBeDefined();
    const article = await editor.call<Article>('articles-get', { id: local!.id });
    const images = article.body.root.children.filter((n) => n.type === 'image');
    // Only the portal's own photo came in; the others are left out of the local copy.
    expect(images).toHaveLength(1);
    expect(spyRequests).toEqual([]);
    // Decoding the bomb took 24-47 s; refused from its markers, the whole sync stays well under that.
    expect(seconds).toBeLessThan(15);
  });
});
