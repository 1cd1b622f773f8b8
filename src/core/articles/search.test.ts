import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Article, SearchHit } from '../../shared/domain';
import { DATABASE_FILE_NAME } from '../backend';
import { openDatabase } from '../storage/database';
import { doc, makeTempDir, openTestBackend, removeDir, type TestBackend } from '../testing/fixtures';
import { ArticlesService } from './articles-service';
import { buildMatchExpression, parseSearchQuery } from './search';
import { buildSnippet, foldForMatch } from './snippet';

const open: TestBackend[] = [];
function start(): TestBackend {
  const t = openTestBackend();
  open.push(t);
  return t;
}
afterEach(() => {
  while (open.length > 0) open.pop()!.dispose();
});

async function write(t: TestBackend, title: string, excerpt: string, ...paragraphs: string[]): Promise<string> {
  const { id } = await t.call<Article>('articles-create', {});
  await t.call('articles-save', { id, baseVersion: 1, title, excerpt, body: doc(...paragraphs) });
  return id;
}

const search = (t: TestBackend, query: string, limit?: number) =>
  t.call<SearchHit[]>('articles-search', limit === undefined ? { query } : { query, limit });
const titles = (hits: SearchHit[]) => hits.map((h) => h.title);

describe('search query parsing', () => {
  it('quotes every word, joins with AND, and makes words of 3+ letters prefixes', () => {
    expect(buildMatchExpression('banjir di Tenggarong')).toBe('"banjir"* AND "di" AND "Tenggarong"*');
    expect(buildMatchExpression('anak-anak')).toBe('"anak anak"*');
    // The prefix applies to the last token, and only when that token has 3+ letters.
    expect(buildMatchExpression("Jum'at 10.000")).toBe('"Jum at" AND "10 000"*');
  });

  it('turns hostile or empty input into a harmless expression or nothing', () => {
    expect(buildMatchExpression('')).toBeNull();
    expect(buildMatchExpression('   ')).toBeNull();
    expect(buildMatchExpression('"()*-^:+')).toBeNull();
    expect(buildMatchExpression('NEAR(a b)')).toBe('"NEAR"* AND "a" AND "b"');
    expect(buildMatchExpression('title:x')).toBe('"title"* AND "x"');
    expect(buildMatchExpression('"banjir" OR (longsor')).toBe('"banjir"* AND "OR" AND "longsor"*');
    for (const query of ['"a"b"', "x' OR 1=1 --", '\u0000\u0001\u0002', 'a'.repeat(5000)]) {
      const expression = buildMatchExpression(query);
      if (expression !== null) expect(expression).toMatch(/^("[\p{L}\p{N}\p{M}\p{Co} ]+"\*?)( AND "[\p{L}\p{N}\p{M}\p{Co} ]+"\*?)*$/u);
    }
  });

  it('keeps at most 12 distinct words', () => {
    expect(parseSearchQuery('satu satu SATU dua')).toHaveLength(2);
    expect(parseSearchQuery(Array.from({ length: 40 }, (_, i) => `kata${i}`).join(' '))).toHaveLength(12);
  });
});

describe('snippets', () => {
  const terms = (query: string) => parseSearchQuery(query).map((t) => ({ tokens: t.tokens.map(foldForMatch), prefix: t.prefix }));

  it('marks matched words, folding case and diacritics, and trims long text around them', () => {
    const text = `${'Kalimat pembuka tanpa kata kunci. '.repeat(10)}Warga minum kopi di Café Mahakam. ${'Penutup panjang sekali. '.repeat(10)}`;
    const snippet = buildSnippet(text, terms('cafe'), 12)!;
    expect(snippet).toContain('\u0001Café\u0002');
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
  });

  it('marks a reduplicated word whole and returns null when nothing matches', () => {
    expect(buildSnippet('Anak-anak bermain.', terms('anak-anak'), 20)).toBe('\u0001Anak-anak\u0002 bermain.');
    expect(buildSnippet('Tidak ada yang cocok.', terms('banjir'), 20)).toBeNull();
  });
});

describe('articles-search', () => {
  it('ignores diacritics: "cafe" finds "café"', async () => {
    const t = start();
    await write(t, 'Ngopi Pagi', '', 'Warga berkumpul di café tepi Sungai Mahakam.');
    await write(t, 'Lain', '', 'Tidak ada hubungannya.');
    const hits = await search(t, 'cafe');
    expect(titles(hits)).toEqual(['Ngopi Pagi']);
    expect(hits[0]!.snippet).toContain('\u0001café\u0002');
  });

  it('matches prefixes from 3 letters: "banj" finds "banjir" and "banjirnya"', async () => {
    const t = start();
    await write(t, 'Air Naik', '', 'Banjir merendam tiga desa.');
    await write(t, 'Surut', '', 'Setelah banjirnya surut warga kembali.');
    await write(t, 'Bank', '', 'Bank daerah membuka cabang baru.');
    expect(titles(await search(t, 'banj')).sort()).toEqual(['Air Naik', 'Surut']);
    // Two letters are not a prefix: "ba" alone matches only the word "ba".
    expect(await search(t, 'ba')).toEqual([]);
  });

  it('finds reduplicated words by their base and as a whole', async () => {
    const t = start();
    await write(t, 'Sekolah Darurat', '', 'Anak-anak belajar di tenda.');
    await write(t, 'Anak Tunggal', '', 'Seorang anak hilang di hutan.');
    expect(titles(await search(t, 'anak')).sort()).toEqual(['Anak Tunggal', 'Sekolah Darurat']);
    expect(titles(await search(t, 'anak-anak'))).toEqual(['Sekolah Darurat']);
  });

  it('requires every word to match (AND), across title, excerpt and body', async () => {
    const t = start();
    await write(t, 'Banjir di Tenggarong', 'Ringkasan', 'Air naik sejak malam.');
    await write(t, 'Banjir di Samarinda', '', 'Air naik di Tenggarong? Tidak.');
    await write(t, 'Longsor', 'Tenggarong waspada', 'Jalan tertutup.');
    expect(titles(await search(t, 'banjir tenggarong')).sort()).toEqual(['Banjir di Samarinda', 'Banjir di Tenggarong']);
    expect(titles(await search(t, 'tenggarong waspada'))).toEqual(['Longsor']);
    expect(await search(t, 'banjir longsor')).toEqual([]);
  });

  it('answers hostile queries without an error', async () => {
    const t = start();
    await write(t, 'Judul', '', 'Isi berita tentang x dan OR serta NEAR.');
    const hostile = ['"', '(', ')', 'NEAR(', 'NEAR(a b, 2)', '*', 'a*', '-', '^x', 'a OR', 'OR', 'AND NOT', 'title:x', '{title}: x',
      "'; DROP TABLE articles; --", '"unterminated', 'x'.repeat(200), 'é'.repeat(200), '🙂 banjir', '\u0000'];
    for (const query of hostile) {
      const result = await t.backend.invoke('articles-search', { query });
      expect(result.ok, query).toBe(true);
    }
    expect(titles(await search(t, 'title:x'))).toEqual([]); // "title" is not in the text, so AND fails
    expect(titles(await search(t, 'near'))).toEqual(['Judul']);
    expect(await t.call('articles-list', {})).toHaveLength(1);
  });

  it('returns nothing for an empty or punctuation-only query', async () => {
    const t = start();
    await write(t, 'Judul', '', 'Isi.');
    for (const query of ['', '   ', '!!!', '"*()-']) expect(await search(t, query)).toEqual([]);
  });

  it('ranks a title match above a body match', async () => {
    const t = start();
    await write(t, 'Rapat Anggaran Daerah', '', 'Rapat dibuka pagi.', 'Pembahasan tentang jembatan Kutai berlangsung alot.');
    await write(t, 'Jembatan Kutai Kartanegara Diperbaiki', '', 'Perbaikan dimulai pekan depan.');
    await write(t, 'Pasar Pagi', 'Harga cabai naik di dekat jembatan.', 'Pedagang mengeluh.');
    const hits = await search(t, 'jembatan');
    expect(titles(hits)).toEqual(['Jembatan Kutai Kartanegara Diperbaiki', 'Pasar Pagi', 'Rapat Anggaran Daerah']);
    expect(hits[2]!.snippet).toContain('\u0001jembatan\u0002');
  });

  it('sees every save immediately, and leaves out trashed and deleted articles', async () => {
    const t = start();
    const id = await write(t, 'Pertama', '', 'Kata kunci lama: durian.');
    expect(titles(await search(t, 'durian'))).toEqual(['Pertama']);
    await t.call('articles-save', { id, baseVersion: 2, title: 'Pertama', excerpt: '', body: doc('Sekarang tentang rambutan.') });
    expect(await search(t, 'durian')).toEqual([]);
    expect(titles(await search(t, 'rambutan'))).toEqual(['Pertama']);

    await t.call('articles-trash', { id });
    expect(await search(t, 'rambutan')).toEqual([]);
    await t.call('articles-untrash', { id });
    expect(titles(await search(t, 'rambutan'))).toEqual(['Pertama']);
    await t.call('articles-trash', { id });
    await t.call('articles-delete-forever', { id });
    expect(await search(t, 'rambutan')).toEqual([]);
  });

  it('honours the limit and fills the hit summary', async () => {
    const t = start();
    for (let i = 0; i < 5; i++) await write(t, `Berita ${i}`, 'Ringkasan', `Sawit panen ke-${i}.`);
    const hits = await search(t, 'sawit', 3);
    expect(hits).toHaveLength(3);
    expect(hits[0]).toMatchObject({ status: 'draft', excerpt: 'Ringkasan', trashedAt: null, wordCount: 3 });
  });

  it('indexes saves that a crash left unindexed when the app starts again', async () => {
    const dataDir = makeTempDir('crash');
    try {
      // Write straight through the service and close without any catch-up, as a killed process would.
      const db = openDatabase(path.join(dataDir, DATABASE_FILE_NAME));
      const service = new ArticlesService({ db, clock: Date.now });
      const article = service.create('Setelah listrik padam');
      service.save({ id: article.id, baseVersion: 1, title: 'Setelah listrik padam', excerpt: '', body: doc('Genset menyala lagi.') });
      expect(service.pendingSearchIndexCount()).toBe(1);
      db.close();

      const t = openTestBackend({}, dataDir);
      open.push(t);
      expect(titles(await search(t, 'genset'))).toEqual(['Setelah listrik padam']);
      expect(t.backend.articles.pendingSearchIndexCount()).toBe(0);
    } finally {
      // dataDir is removed by dispose()
      if (open.length === 0) removeDir(dataDir);
    }
  });

  it('stays consistent with the articles through a long mix of changes', async () => {
    const t = start();
    const words = ['kopi', 'sawit', 'banjir', 'jalan', 'pasar', 'sekolah'];
    const expected = new Map<string, { words: Set<string>; trashed: boolean; version: number }>();
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (let step = 0; step < 60; step++) {
      const ids = [...expected.keys()];
      const action = ids.length === 0 ? 0 : rand(5);
      if (action === 0) {
        const { id } = await t.call<Article>('articles-create', {});
        expected.set(id, { words: new Set(), trashed: false, version: 1 });
      } else if (action <= 2) {
        const id = ids[rand(ids.length)]!;
        const entry = expected.get(id)!;
        if (entry.trashed) continue;
        const chosen = [words[rand(6)]!, words[rand(6)]!];
        const result = await t.call<{ version: number }>('articles-save', { id, baseVersion: entry.version, title: 'T', excerpt: '', body: doc(chosen.join(' ')) });
        expected.set(id, { words: new Set(chosen), trashed: false, version: result.version });
      } else if (action === 3) {
        const id = ids[rand(ids.length)]!;
        const entry = expected.get(id)!;
        await t.call(entry.trashed ? 'articles-untrash' : 'articles-trash', { id });
        entry.trashed = !entry.trashed;
      } else {
        const id = ids[rand(ids.length)]!;
        if (!expected.get(id)!.trashed) continue;
        await t.call('articles-delete-forever', { id });
        expected.delete(id);
      }
      if (step % 10 === 9) {
        for (const word of words) {
          const want = [...expected].filter(([, e]) => !e.trashed && e.words.has(word)).map(([id]) => id).sort();
          const got = (await search(t, word, 100)).map((h) => h.id).sort();
          expect(got, `${word} at step ${step}`).toEqual(want);
        }
      }
    }
  });
});
