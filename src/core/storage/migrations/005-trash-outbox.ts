import type { Migration } from './types';

/**
 * The trash and the outbox.
 *
 * An article that never reached the portal (no post, never tried) has nothing to take back when it
 * is trashed: its outbox row goes with it, so the outbox does not show it as waiting forever, and
 * comes back when the article is put back. A row for a post that exists (or may) stays: the change
 * queued before trashing is still delivered (see SyncEngine.deliver).
 *
 * Articles in the workflow can no longer be trashed (ArticlesService.trash); the ones trashed
 * before that rule are put back, since their posts go on on the portal.
 */
export const trashOutboxSchema: Migration = {
  version: 5,
  name: 'trash-outbox',
  up: (db) => {
    db.exec(`
      CREATE TRIGGER outbox_after_trash AFTER UPDATE OF trashed_at ON articles
      WHEN old.trashed_at IS NULL AND new.trashed_at IS NOT NULL
      BEGIN
        DELETE FROM outbox WHERE article_id = new.id AND attempts = 0
          AND NOT EXISTS (SELECT 1 FROM portal_posts p WHERE p.article_id = new.id AND p.post_id IS NOT NULL);
      END;

      CREATE TRIGGER outbox_after_untrash AFTER UPDATE OF trashed_at ON articles
      WHEN old.trashed_at IS NOT NULL AND new.trashed_at IS NULL
        AND new.status NOT IN ('draft', 'conflict', 'failed')
        AND NOT EXISTS (SELECT 1 FROM portal_posts p WHERE p.article_id = new.id AND p.post_id IS NOT NULL)
      BEGIN
        INSERT INTO outbox (article_id, queued_at) VALUES (new.id, new.updated_at)
          ON CONFLICT (article_id) DO NOTHING;
      END;

      UPDATE articles SET trashed_at = NULL
        WHERE trashed_at IS NOT NULL AND status IN ('submitted', 'approved', 'scheduled', 'conflict', 'failed');
    `);
  },
};
