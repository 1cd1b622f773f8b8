import type { Migration } from './types';

/**
 * Articles, their revisions, settings and the search index.
 *
 * `articles.seq` is an explicit INTEGER PRIMARY KEY so the full-text index can point at a rowid that
 * VACUUM never renumbers; the public id stays the uuid. Small columns come first and the large text
 * columns last, so reading a row for a list or a search hit never walks the overflow pages of the body.
 *
 * Search: an FTS5 index over title, excerpt and body text of the articles not in the trash. Every
 * change that affects it queues the article in search_index_pending (by trigger, in the same
 * transaction); the index catches up from that queue before any search and when the app is idle.
 */
export const initialSchema: Migration = {
  version: 1,
  name: 'initial',
  up: (db) => {
    db.exec(`
      CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft','submitted','approved','scheduled','published','rejected','conflict','failed')),
        version INTEGER NOT NULL DEFAULT 1,
        word_count INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        trashed_at INTEGER,
        title TEXT NOT NULL DEFAULT '',
        excerpt TEXT NOT NULL DEFAULT '',
        body_text TEXT NOT NULL DEFAULT '',
        body_json TEXT NOT NULL
      );
      CREATE INDEX articles_active_by_updated ON articles (updated_at DESC) WHERE trashed_at IS NULL;
      CREATE INDEX articles_trash_by_trashed ON articles (trashed_at DESC) WHERE trashed_at IS NOT NULL;

      CREATE TABLE article_revisions (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        reason TEXT NOT NULL
          CHECK (reason IN ('interval','before-submit','before-restore','before-external','manual')),
        word_count INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        title TEXT NOT NULL,
        excerpt TEXT NOT NULL,
        body_json TEXT NOT NULL
      );
      CREATE INDEX article_revisions_by_article ON article_revisions (article_id, created_at DESC);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;

      -- The search index holds no copy of the text (contentless; rows are deleted by rowid) and
      -- is brought up to date from search_index_pending, see src/core/articles/search.ts.
      CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title, excerpt, body_text,
        content = '',
        contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '3'
      );

      -- Articles whose index entry is out of date. Filled by these triggers in the same
      -- transaction as the change itself, so no committed change can be missed by the index.
      CREATE TABLE search_index_pending (seq INTEGER PRIMARY KEY);

      CREATE TRIGGER articles_index_after_insert AFTER INSERT ON articles
      BEGIN
        INSERT OR IGNORE INTO search_index_pending (seq) VALUES (new.seq);
      END;

      CREATE TRIGGER articles_index_after_delete AFTER DELETE ON articles
      BEGIN
        INSERT OR IGNORE INTO search_index_pending (seq) VALUES (old.seq);
      END;

      -- Only changes to indexed text or to the trash state touch the index.
      CREATE TRIGGER articles_index_after_update AFTER UPDATE OF title, excerpt, body_text, trashed_at ON articles
      WHEN (old.trashed_at IS NULL) IS NOT (new.trashed_at IS NULL)
        OR old.title IS NOT new.title OR old.excerpt IS NOT new.excerpt OR old.body_text IS NOT new.body_text
      BEGIN
        INSERT OR IGNORE INTO search_index_pending (seq) VALUES (new.seq);
      END;
    `);
  },
};
