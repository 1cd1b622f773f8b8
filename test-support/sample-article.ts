/**
 * A realistic article for tests and screenshots: the text of a real regional portal's page
 * (fixtures/portal-article-page.txt, copied from the portal as a reader sees it) turned into a Lexical
 * body, optionally with a prepared photo placed after the lead paragraph.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Article, MediaImportResult, Term } from '../src/shared/domain';
import type { LexicalDocument } from '../src/shared/lexical-document';
import { makePhonePhoto } from './photos';

/** Calls a backend handler and resolves with its value (e2e's callHost, bound to a host). */
export type Invoke = <T>(name: string, args: unknown) => Promise<T>;

export interface SampleArticle {
  title: string;
  paragraphs: string[];
}

export const SAMPLE_PHOTO_WORDS = {
  caption: 'Suasana sosialisasi netralitas ASN menjelang Pemilu 2024 di Tenggarong, Kutai Kartanegara.',
  credit: 'Rina Marlina/Redaksi',
  altText: 'Puluhan pegawai duduk di aula mendengarkan pemateri di depan layar proyektor',
};

function sampleLines(): string[] {
  const text = readFileSync(path.join(__dirname, 'fixtures', 'portal-article-page.txt'), 'utf8');
  return text.split('\n').map((line) => line.trim()).filter(Boolean);
}

/** Title and body paragraphs of the portal page; the page's menus, teasers and footer are left out. */
export function sampleArticle(): SampleArticle {
  const lines = sampleLines();
  // The headline follows the "News · <date> ·" line; the body ends where the portal's view counter starts.
  const dateLine = lines.findIndex((line) => line.startsWith('News ·'));
  const end = lines.findIndex((line) => line.startsWith('Artikel ini telah dibaca'));
  if (dateLine < 0 || end < 0) throw new Error('The sample portal page lost its date line or view counter');
  const title = lines[dateLine + 1]!;
  // The line after the headline repeats it as the photo's caption ("... Perbesar").
  const paragraphs = lines.slice(dateLine + 3, end);
  return { title, paragraphs };
}

/** The headlines of the page's "Baca Lainnya" teasers (each followed by its date line). */
export function sampleTeaserTitles(): string[] {
  const lines = sampleLines();
  const start = lines.indexOf('Baca Lainnya');
  const titles: string[] = [];
  for (let i = start + 1; i + 1 < lines.length && start >= 0; i++) {
    if (/^\d{1,2} \p{L}+ \d{4} - \d{2}:\d{2} WIT[AB]?$/u.test(lines[i + 1]!)) titles.push(lines[i]!);
  }
  return titles;
}

const paragraph = (text: string) => ({
  type: 'paragraph',
  version: 1,
  direction: 'ltr',
  format: '',
  indent: 0,
  textFormat: 0,
  textStyle: '',
  children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }],
});

/** The sample as a Lexical document; with a media id, the photo follows the lead paragraph. */
export function sampleBody(sample: SampleArticle, mediaId?: string): LexicalDocument {
  const blocks: unknown[] = sample.paragraphs.map(paragraph);
  if (mediaId) blocks.splice(1, 0, { type: 'image', version: 1, mediaId, ...SAMPLE_PHOTO_WORDS });
  return { root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children: blocks } } as unknown as LexicalDocument;
}

export interface SeedOptions {
  /** Another article's words instead of the sample's (e.g. a teaser headline with a short body). */
  article?: SampleArticle;
  /** Place a prepared photo (with its caption, credit and alt text) and make it the featured image. */
  photo?: boolean;
  /** Send it to the editor, so it stands in the publish queue. */
  submit?: boolean;
}

/** Creates the sample article through the backend, filed under "Politik" with tags, and returns it. */
export async function seedSampleArticle(invoke: Invoke, options: SeedOptions = {}): Promise<Article> {
  const sample = options.article ?? sampleArticle();
  let mediaId: string | undefined;
  if (options.photo) {
    // Small and upright: preparing a 12 MP photo would only slow the seeding down.
    const bytes = await makePhonePhoto({ width: 1600, height: 1067, orientation: 1, seed: 11 });
    const media = await invoke<MediaImportResult>('media-import', { fileName: 'sosialisasi-asn.jpg', data: new Uint8Array(bytes) });
    mediaId = media.id;
  }
  const created = await invoke<Article>('articles-create', { title: sample.title });
  await invoke('articles-save', {
    id: created.id,
    baseVersion: created.version,
    title: sample.title,
    excerpt: sample.paragraphs[0]!.slice(0, 300),
    body: sampleBody(sample, mediaId),
  });
  if (mediaId) await invoke('articles-set-featured-image', { id: created.id, mediaId });
  const categories = await invoke<Term[]>('terms-list', { taxonomy: 'category' });
  const category = categories.find((c) => c.name === 'Politik') ?? (await invoke<Term>('terms-create', { taxonomy: 'category', name: 'Politik' }));
  await invoke('articles-set-terms', { id: created.id, categoryId: category.id, tags: ['Pemilu 2024', 'ASN'] });
  if (options.submit) await invoke('workflow-transition', { id: created.id, action: 'submit' });
  return invoke<Article>('articles-get', { id: created.id });
}
