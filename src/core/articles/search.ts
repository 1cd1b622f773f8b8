/**
 * Full-text search over the articles that are not in the trash (FTS5, see migration 001).
 *
 * Tokens: unicode61 with remove_diacritics 2, so "cafe" finds "café"; hyphens separate tokens, so
 * "anak-anak" is indexed as "anak anak" and found by "anak". A prefix index on 3-letter prefixes
 * serves the first keystrokes of a word, and every query word of 3 or more letters is a prefix
 * query, which also covers Indonesian suffixes and clitics ("banjir" finds "banjirnya", "bantu"
 * finds "bantuan"). There is deliberately no Indonesian stemmer: SQLite's tokenizer cannot be
 * extended from JavaScript, so stemming would mean indexing a second, stemmed copy of every text
 * (twice the index and the indexing cost), and the prefixes it would strip (me-, di-, ber-, pe-,
 * with nasal changes such as tulis/menulis) need a dictionary-based stemmer (Nazief-Adriani) whose
 * mistakes would surprise a journalist more than a missed inflection does.
 *
 * Keeping the index current: re-indexing a 10,000-word article costs a few milliseconds, too much
 * to pay on every autosave. So a save only queues the article (a trigger writes
 * search_index_pending in the save's own transaction) and the index catches up in one later
 * transaction: before every search, so a search always sees every committed save, and when the
 * app is idle. A crash loses nothing: the queue is as durable as the saves, and is worked off at
 * the next start. Several saves of one article between two catch-ups cost one re-index. The index
 * is contentless (it keeps no copy of the text; entries are deleted by rowid), so an entry can be
 * replaced without knowing the text it was built from.
 *
 * User text never reaches FTS5 as syntax: it is split into words here, each word becomes a quoted
 * string made only of letters, digits and marks, and the words are joined with AND.
 */
import type { SearchHit } from '../../shared/domain';
import type { SqliteDatabase } from '../storage/database';
import { buildSnippet, foldForMatch, type SnippetTerm } from './snippet';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './summary-row';

/** Characters unicode61 keeps inside a token; everything else separates tokens, as it does in the index. */
const TOKEN = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;
/** A word as typed: tokens joined by hyphens, apostrophes, dots, commas or slashes ("anak-anak", "Jum'at", "10.000"). */
const WORD = /[\p{L}\p{N}\p{M}\p{Co}]+(?:[-‐‑'’.,/][\p{L}\p{N}\p{M}\p{Co}]+)*/gu;

export const SEARCH_LIMITS = {
  maxWords: 12,
  minPrefixLength: 3,
  snippetTokens: 20,
} as const;

/** Column weights for bm25: a word in the title counts most, then the excerpt, then the body. */
export const RANK_WEIGHTS = { title: 10, excerpt: 4, body: 1 } as const;

export interface SearchTerm {
  /** The tokens of one typed word, as typed (FTS5 folds case and diacritics itself). */
  tokens: string[];
  /** The last token also matches longer words that start with it. */
  prefix: boolean;
}

/** Splits what a person typed into search terms; at most SEARCH_LIMITS.maxWords, duplicates dropped. */
export function parseSearchQuery(query: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  const seen = new Set<string>();
  for (const match of query.normalize('NFC').matchAll(WORD)) {
    const tokens = match[0].match(TOKEN);
    if (!tokens || tokens.length === 0) continue;
    const prefix = [...tokens[tokens.length - 1]!].length >= SEARCH_LIMITS.minPrefixLength;
    const key = `${foldForMatch(tokens.join(' '))}${prefix ? '*' : ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push({ tokens, prefix });
    if (terms.length === SEARCH_LIMITS.maxWords) break;
  }
  return terms;
}

/**
 * The FTS5 expression for the terms: each term a quoted phrase (a word of several tokens such as
 * "anak-anak" must match as a phrase), a trailing * for prefix terms, all joined with AND.
 */
export function toMatchExpression(terms: readonly SearchTerm[]): string | null {
  if (terms.length === 0) return null;
  // Tokens hold no quote characters (TOKEN admits letters, digits and marks only), so they cannot
  // close the string early.
  return terms.map((t) => `"${t.tokens.join(' ')}"${t.prefix ? '*' : ''}`).join(' AND ');
}

export function buildMatchExpression(query: string): string | null {
  return toMatchExpression(parseSearchQuery(query));
}

interface HitRow extends SummaryRow {
  body_text: string;
}

/** How many queued articles one catch-up transaction re-indexes at most. */
const CATCH_UP_BATCH = 500;

export class SearchIndex {
  private readonly rankStmt;
  private readonly hitStmt;
  private readonly anyPendingStmt;
  private readonly pendingCountStmt;
  private readonly pendingBatchStmt;
  private readonly unindexStmt;
  private readonly indexStmt;
  private readonly dequeueStmt;

  constructor(private readonly db: SqliteDatabase) {
    const { title, excerpt, body } = RANK_WEIGHTS;
    this.rankStmt = db
      .prepare(
        `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?
         ORDER BY bm25(articles_fts, ${title}, ${excerpt}, ${body}) LIMIT ?`,
      )
      .pluck();
    this.hitStmt = db.prepare(
      `SELECT ${SUMMARY_COLUMNS}, articles.body_text FROM articles WHERE seq = ? AND trashed_at IS NULL`,
    );
    this.anyPendingStmt = db.prepare('SELECT EXISTS (SELECT 1 FROM search_index_pending)').pluck();
    this.pendingCountStmt = db.prepare('SELECT count(*) FROM search_index_pending').pluck();
    this.pendingBatchStmt = db.prepare('SELECT seq FROM search_index_pending ORDER BY seq LIMIT ?').pluck();
    this.unindexStmt = db.prepare('DELETE FROM articles_fts WHERE rowid = ?');
    this.indexStmt = db.prepare(
      `INSERT INTO articles_fts (rowid, title, excerpt, body_text)
       SELECT seq, title, excerpt, body_text FROM articles WHERE seq = ? AND trashed_at IS NULL`,
    );
    this.dequeueStmt = db.prepare('DELETE FROM search_index_pending WHERE seq = ?');
  }

  pendingCount(): number {
    return this.pendingCountStmt.get() as number;
  }

  /** Brings the index up to date with every committed change; returns how many articles were re-indexed. */
  catchUp(): number {
    let total = 0;
    while (this.anyPendingStmt.get() === 1) {
      total += this.db
        .transaction(() => {
          const seqs = this.pendingBatchStmt.all(CATCH_UP_BATCH) as number[];
          for (const seq of seqs) {
            this.unindexStmt.run(seq);
            this.indexStmt.run(seq);
            this.dequeueStmt.run(seq);
          }
          return seqs.length;
        })
        .immediate();
    }
    return total;
  }

  search(query: string, limit: number): SearchHit[] {
    const terms = parseSearchQuery(query);
    const expression = toMatchExpression(terms);
    if (expression === null) return [];
    this.catchUp();
    const seqs = this.rankStmt.all(expression, limit) as number[];
    const snippetTerms: SnippetTerm[] = terms.map((t) => ({ tokens: t.tokens.map(foldForMatch), prefix: t.prefix }));
    const hits: SearchHit[] = [];
    for (const seq of seqs) {
      const row = this.hitStmt.get(seq) as HitRow | undefined;
      if (!row) continue;
      hits.push({ ...toSummary(row), snippet: pickSnippet(row, snippetTerms) });
    }
    return hits;
  }
}

/** The body gives the most useful context; the excerpt or the title only when the match is there alone. */
function pickSnippet(row: HitRow, terms: readonly SnippetTerm[]): string {
  for (const text of [row.body_text, row.excerpt, row.title]) {
    const snippet = buildSnippet(text, terms, SEARCH_LIMITS.snippetTokens);
    if (snippet !== null) return snippet;
  }
  return buildSnippet(row.body_text || row.excerpt, [], SEARCH_LIMITS.snippetTokens) ?? '';
}
