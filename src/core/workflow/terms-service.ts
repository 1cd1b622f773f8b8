/**
 * Categories and tags. A local list for now (a one-computer newsroom works fully offline); the
 * portal fills it with its own terms once connected. Names are unique per taxonomy regardless of
 * case and spacing ("Banjir" and " banjir " are one tag).
 */
import { randomUUID } from 'node:crypto';
import type { ArticleSummary, Term } from '../../shared/domain';
import { AppError, notFound } from '../../shared/errors';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from '../articles/summary-row';
import type { SqliteDatabase } from '../storage/database';

type Taxonomy = Term['taxonomy'];

interface TermRow {
  id: string;
  taxonomy: Taxonomy;
  name: string;
  remote_id: number | null;
}

const toTerm = (row: TermRow): Term => ({ id: row.id, taxonomy: row.taxonomy, name: row.name, remoteId: row.remote_id });

export function termKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('id');
}

export class TermsService {
  private readonly stmts;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly clock: () => number,
  ) {
    this.stmts = {
      list: db.prepare('SELECT id, taxonomy, name, remote_id FROM terms WHERE taxonomy = ? ORDER BY name_key'),
      byKey: db.prepare('SELECT id, taxonomy, name, remote_id FROM terms WHERE taxonomy = ? AND name_key = ?'),
      byId: db.prepare('SELECT id, taxonomy, name, remote_id FROM terms WHERE id = ?'),
      insert: db.prepare('INSERT INTO terms (id, taxonomy, name, name_key, created_at) VALUES (?, ?, ?, ?, ?)'),
      article: db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles WHERE articles.id = ?`),
      setCategory: db.prepare('UPDATE articles SET category_id = ?, updated_at = ? WHERE id = ?'),
      clearTags: db.prepare('DELETE FROM article_tags WHERE article_id = ?'),
      addTag: db.prepare('INSERT OR IGNORE INTO article_tags (article_id, term_id, position) VALUES (?, ?, ?)'),
    };
  }

  list(taxonomy: Taxonomy): Term[] {
    return (this.stmts.list.all(taxonomy) as TermRow[]).map(toTerm);
  }

  find(taxonomy: Taxonomy, name: string): Term | undefined {
    const row = this.stmts.byKey.get(taxonomy, termKey(name)) as TermRow | undefined;
    return row ? toTerm(row) : undefined;
  }

  /** Returns the existing term when the name is already known. */
  create(taxonomy: Taxonomy, name: string): Term {
    return this.db.transaction(() => this.findOrCreate(taxonomy, name)).immediate();
  }

  private findOrCreate(taxonomy: Taxonomy, name: string): Term {
    const display = name.trim().replace(/\s+/g, ' ');
    const key = termKey(display);
    const existing = this.stmts.byKey.get(taxonomy, key) as TermRow | undefined;
    if (existing) return toTerm(existing);
    const id = randomUUID();
    this.stmts.insert.run(id, taxonomy, display, key, this.clock());
    return { id, taxonomy, name: display, remoteId: null };
  }

  setArticleTerms(articleId: string, categoryId: string | null, tags: string[]): ArticleSummary {
    return this.db
      .transaction(() => {
        const row = this.stmts.article.get(articleId) as SummaryRow | undefined;
        if (!row) throw notFound('article', articleId);
        if (row.trashed_at !== null) {
          throw new AppError({ kind: 'conflict', code: 'article.trashed', message: 'The article is in the trash.', params: { id: articleId } });
        }
        if (categoryId !== null) {
          const category = this.stmts.byId.get(categoryId) as TermRow | undefined;
          if (!category || category.taxonomy !== 'category') throw notFound('category', categoryId);
        }
        this.stmts.setCategory.run(categoryId, this.clock(), articleId);
        this.stmts.clearTags.run(articleId);
        tags.forEach((name, position) => {
          const tag = this.findOrCreate('tag', name);
          this.stmts.addTag.run(articleId, tag.id, position);
        });
        return toSummary(this.stmts.article.get(articleId) as SummaryRow);
      })
      .immediate();
  }
}
