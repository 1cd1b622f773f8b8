import type { Migration } from './types';

/**
 * The editorial workflow: who wrote an article, its category and tags, when it is to be published,
 * and the audit trail of every transition (who, when, from which status to which, with what note).
 * Categories and tags are a local list until the portal fills it (remote_id then names the
 * portal's term).
 */
export const workflowSchema: Migration = {
  version: 3,
  name: 'workflow',
  up: (db) => {
    db.exec(`
      CREATE TABLE terms (
        id TEXT PRIMARY KEY,
        taxonomy TEXT NOT NULL CHECK (taxonomy IN ('category', 'tag')),
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        remote_id INTEGER,
        created_at INTEGER NOT NULL,
        UNIQUE (taxonomy, name_key)
      );

ALTER TABLE articles ADD COLUMN author TEXT NOT NULL DEFAULT '';
      ALTER TABLE articles ADD COLUMN category_id TEXT REFERENCES terms (id) ON DELETE SET NULL;
      ALTER TABLE articles ADD COLUMN publish_at INTEGER;
      ALTER TABLE articles ADD COLUMN status_changed_at INTEGER;

      CREATE TABLE article_tags (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        term_id TEXT NOT NULL REFERENCES terms (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        PRIMARY KEY (article_id, term_id)
      ) WITHOUT ROWID;

      CREATE TABLE workflow_events (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        action TEXT NOT NULL,
        from_status TEXT NOT NULL,
        to_status TEXT NOT NULL,
        actor_role TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        publish_at INTEGER,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX workflow_events_by_article ON workflow_events (article_id, created_at);
      CREATE INDEX articles_in_queue ON articles (status, publish_at) WHERE trashed_at IS NULL;
    `);
  },
};
