import type { Migration } from './types';

/**
 * Prepared photos. The files live on disk under <dataDir>/media, named by the sha256 of their bytes
 * (content-addressed); a row exists only once its files are safely on disk. The same source photo
 * prepared with the same preset is one row, however often it is imported.
 *
 * Caption, credit and alt text belong to the photo's place in an article, so they live in the
 * article body's image node, not here. The featured image is a column of the article.
 */
export const mediaSchema: Migration = {
  version: 2,
  name: 'media',
  up: (db) => {
    db.exec(`
      CREATE TABLE media (
        id TEXT PRIMARY KEY,
        source_hash TEXT NOT NULL,
        preset TEXT NOT NULL,
        file_hash TEXT NOT NULL,
        thumb_hash TEXT NOT NULL,
        mime TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/webp')),
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        bytes INTEGER NOT NULL,
        original_name TEXT NOT NULL,
        original_format TEXT NOT NULL,
        original_width INTEGER NOT NULL,
        original_height INTEGER NOT NULL,
        original_bytes INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (source_hash, preset)
      );
      CREATE INDEX media_by_file_hash ON media (file_hash);

      ALTER TABLE articles ADD COLUMN featured_media_id TEXT REFERENCES media (id) ON DELETE SET NULL;
    `);
  },
};
