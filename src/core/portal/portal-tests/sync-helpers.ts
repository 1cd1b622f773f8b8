/**
 * Helpers for the sync suites: newsroom computers (backends) connected to the local WordPress with
 * one of its accounts, realistic articles with photos, and counting what is on the portal through
 * its REST API.
 */
import sharp from 'sharp';
import type { Article, MediaImportResult, Term } from '../../../shared/domain';
import type { LexicalDocument, LexicalNode } from '../../../shared/lexical-document';
import type { SyncStatus } from '../../../shared/sync';
import { memorySecretStore } from '../../secrets/secret-store';
import { openTestBackend, paragraph, text, type TestBackend } from '../../testing/fixtures';
import type { BackendOptions } from '../../backend';
import { testSite, type TestRole } from './site';

export { ensurePortalCategory, imageIdsIn, portalPostsWith, runToken } from './portal-queries';

export interface Newsroom extends TestBackend {
  role: TestRole;
  sync(): Promise<SyncStatus>;
}

/** A newsroom computer whose portal account is `role`, talking to WordPress at `base` (a proxy, or the site itself). */
export async function newsroomComputer(role: TestRole, options: { base?: string; backend?: Partial<BackendOptions> } = {}): Promise<Newsroom> {
  const site = testSite();
  const backend = openTestBackend({ secrets: memorySecretStore(), portalTimeoutMs: 8_000, ...options.backend });
  await backend.call('portal-save', {
    address: options.base ?? site.url,
    username: site.users[role].username,
    appPassword: site.users[role].appPassword,
  });
  // The first sync brings the portal's categories into the local list.
  await backend.call<SyncStatus>('sync-run');
  return Object.assign(backend, { role, sync: () => backend.call<SyncStatus>('sync-run') });
}

/** A distinct small photo (a colour field with a seed-dependent pattern), with GPS in its EXIF. */
export async function distinctPhoto(seed: number, size = { width: 320, height: 240 }): Promise<Buffer> {
  const r = (seed * 37) % 256;
  const g = (seed * 91) % 256;
  const b = (seed * 53) % 256;
  // The seed's bits as black and white squares: distinct pixels for every seed, no fonts needed.
  const cell = Math.max(2, Math.floor(size.width / 32));
  const bits = Array.from({ length: 32 }, (_, i) => `<rect x="${i * cell}" y="${size.height - cell}" width="${cell}" height="${cell}" fill="${(seed >>> i) & 1 ? '#000' : '#fff'}"/>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}">
    <rect width="100%" height="100%" fill="rgb(${r},${g},${b})"/>
    <circle cx="${(seed * 13) % size.width}" cy="${(seed * 7) % size.height}" r="${20 + (seed % 40)}" fill="#fff" fill-opacity="0.6"/>
    ${bits}</svg>`;
  return sharp(Buffer.from(svg))
    .jpeg({ quality: 90 })
    .withExif({ IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '0/1 25/1 1200/100', GPSLongitudeRef: 'E', GPSLongitude: '116/1 59/1 3000/100' } })
    .toBuffer();
}

export function imageNode(media: MediaImportResult, n: number): LexicalNode {
  return {
    type: 'image',
    version: 1,
    mediaId: media.id,
    altText: `Warga mengungsi di Tenggarong, foto ${n}`,
    caption: `Banjir merendam permukiman di Tenggarong, Senin (24/11/2026). Foto ${n}`,
    credit: 'Andi/Redaksi',
  } as LexicalNode;
}

export function articleBody(paragraphs: string[], images: LexicalNode[] = []): LexicalDocument {
  const children: LexicalNode[] = [];
  paragraphs.forEach((p, i) => {
    children.push(paragraph(text(p)));
    if (images[i]) children.push(images[i]!);
  });
  images.slice(paragraphs.length).forEach((img) => children.push(img));
  return { root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children } } as LexicalDocument;
}

/** Writes an article (title, body, category, tags) and returns it. */
export async function writeArticle(
  computer: TestBackend,
  input: { title: string; paragraphs: string[]; photos?: Buffer[]; category: string; tags?: string[]; featured?: boolean },
): Promise<Article> {
  const article = await computer.call<Article>('articles-create', {});
  const images: LexicalNode[] = [];
  const media: MediaImportResult[] = [];
  for (const [i, photo] of (input.photos ?? []).entries()) {
    const imported = await computer.call<MediaImportResult>('media-import', { fileName: `banjir-${i + 1}.jpg`, data: new Uint8Array(photo) });
    media.push(imported);
    images.push(imageNode(imported, i + 1));
  }
  await computer.call('articles-save', {
    id: article.id,
    baseVersion: article.version,
    title: input.title,
    excerpt: `${input.title} — ringkasan.`,
    body: articleBody(input.paragraphs, images),
  });
  const category = await computer.call<Term>('terms-create', { taxonomy: 'category', name: input.category });
  await computer.call('articles-set-terms', { id: article.id, categoryId: category.id, tags: input.tags ?? [] });
  if (input.featured && media[0]) await computer.call('articles-set-featured-image', { id: article.id, mediaId: media[0].id });
  return computer.call<Article>('articles-get', { id: article.id });
}

/**
 * Syncs until nothing is left to deliver or `budgetMs` has passed. A run ends early when a request
 * fails at the network level (as it would when the signal goes), so a faulty link takes many runs.
 */
export async function syncUntilDelivered(computer: Newsroom, budgetMs = 60_000): Promise<{ runs: number; status: SyncStatus }> {
  const deadline = Date.now() + budgetMs;
  let status = await computer.sync();
  let runs = 1;
  while (status.pending > 0 && Date.now() < deadline) {
    const items = await computer.call<{ state: string; nextAttemptAt: number | null }[]>('sync-items');
    const wake = Math.min(...items.filter((i) => i.state === 'waiting' && i.nextAttemptAt !== null).map((i) => i.nextAttemptAt!));
    // Waiting out a Retry-After rather than spinning.
    if (Number.isFinite(wake) && !items.some((i) => i.state === 'pending')) await new Promise((r) => setTimeout(r, Math.max(0, Math.min(2_000, wake - Date.now()))));
    status = await computer.sync();
    runs++;
  }
  return { runs, status };
}
