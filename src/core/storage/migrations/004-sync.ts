import type { Migration } from './types';

/**
 * Sync to the portal.
 *
 * outbox: one row per article with something to deliver. The row is written by triggers in the
 * same transaction as the change itself (a workflow transition, or a save, terms or featured-image
 * change of an article in the workflow), so no acknowledged action can be lost between the two.
 * `generation` grows with every change the row stands for: a delivery removes the row only when it
 * delivered the generation it read, so a change made during the delivery is sent next.
 * While the sync engine applies what it pulled from the portal it holds a row in sync_applying,
 * which keeps those local changes out of the outbox.
 *
 * portal_posts: an article's post on the portal. client_id is the key carried in the post's content
 * (see docs/sync.md); base_hash is the hash of the portal's version last seen (the conflict base),
 * pushed_hash the hash of the local version last delivered; seen_modified the post's modified_gmt when
 * its content was last read (unchanged: the content need not be downloaded again).
 * portal_media: a local photo's attachment on the portal.
 * portal_config: the connection (never the password: that lives in the secret store).
 */
export const syncSchema: Migration = {
  version: 4,
  name: 'sync',
  up: (db) => {
    db.exec(`
      CREATE TABLE portal_config (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        address TEXT NOT NULL,
        username TEXT NOT NULL,
        api_root TEXT NOT NULL DEFAULT '',
        account_json TEXT,
        site_time_zone TEXT,
        verified_at INTEGER,
        last_pull_at INTEGER
      );

      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL UNIQUE REFERENCES articles (id) ON DELETE CASCADE,
        generation INTEGER NOT NULL DEFAULT 1,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'waiting', 'parked')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER,
        last_error TEXT,
        queued_at INTEGER NOT NULL
      );
      CREATE INDEX outbox_due ON outbox (state, next_attempt_at);

      CREATE TABLE portal_posts (
        article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        client_id TEXT NOT NULL UNIQUE,
        post_id INTEGER UNIQUE,
        remote_status TEXT NOT NULL DEFAULT '',
        link TEXT NOT NULL DEFAULT '',
        base_hash TEXT,
        pushed_hash TEXT,
        seen_modified TEXT NOT NULL DEFAULT '',
        note_seen TEXT NOT NULL DEFAULT '',
        missed_schedule INTEGER NOT NULL DEFAULT 0,
        status_before TEXT,
        conflict_json TEXT,
        conflict_at INTEGER,
        synced_at INTEGER
      );

      CREATE TABLE portal_media (
        media_id TEXT PRIMARY KEY REFERENCES media (id) ON DELETE CASCADE,
        remote_id INTEGER NOT NULL,
        url TEXT NOT NULL
      );
      CREATE INDEX portal_media_by_remote ON portal_media (remote_id);

      CREATE TABLE sync_applying (id INTEGER PRIMARY KEY CHECK (id = 1));

      CREATE TRIGGER outbox_after_status AFTER UPDATE OF status ON articles
      WHEN old.status IS NOT new.status AND NOT EXISTS (SELECT 1 FROM sync_applying)
        AND new.status NOT IN ('conflict', 'failed')
        AND (new.status <> 'draft' OR EXISTS (SELECT 1 FROM portal_posts p WHERE p.article_id = new.id AND p.post_id IS NOT NULL))
      BEGIN
        INSERT INTO outbox (article_id, queued_at) VALUES (new.id, new.updated_at)
          ON CONFLICT (article_id) DO UPDATE SET generation = generation + 1, state = CASE WHEN state = 'parked' THEN 'pending' ELSE state END,
            next_attempt_at = NULL;
      END;

      CREATE TRIGGER outbox_after_content AFTER UPDATE OF version, featured_media_id, category_id ON articles
      WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND new.trashed_at IS NULL
        AND new.status IN ('submitted', 'approved', 'scheduled', 'published', 'rejected')
        AND (old.version IS NOT new.version OR old.featured_media_id IS NOT new.featured_media_id OR old.category_id IS NOT new.category_id)
      BEGIN
        INSERT INTO outbox (article_id, queued_at) VALUES (new.id, new.updated_at)
          ON CONFLICT (article_id) DO UPDATE SET generation = generation + 1, next_attempt_at = NULL;
      END;

      CREATE TRIGGER outbox_after_tags_insert AFTER INSERT ON article_tags
      WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
        AND EXISTS (SELECT 1 FROM articles a WHERE a.id = new.article_id AND a.status IN ('submitted', 'approved', 'scheduled', 'published', 'rejected'))
      BEGIN
        INSERT INTO outbox (article_id, queued_at) VALUES (new.article_id, (SELECT updated_at FROM articles WHERE id = new.article_id))
          ON CONFLICT (article_id) DO UPDATE SET generation = generation + 1, next_attempt_at = NULL;
      END;

      CREATE TRIGGER outbox_after_tags_delete AFTER DELETE ON article_tags
      WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
        AND EXISTS (SELECT 1 FROM articles a WHERE a.id = old.article_id AND a.status IN ('submitted', 'approved', 'scheduled', 'published', 'rejected'))
      BEGIN
        INSERT INTO outbox (article_id, queued_at) VALUES (old.article_id, (SELECT updated_at FROM articles WHERE id = old.article_id))
          ON CONFLICT (article_id) DO UPDATE SET generation = generation + 1, next_attempt_at = NULL;
      END;
    `);
  },
};
