/**
 * What must hold after every kill, read straight from the data folder: the database file opened
 * read-only (after the kill, before the restart, as e2e/crash.e2e.ts does), and the photo files
 * (after the restart, whose start-up removes what an interrupted import left behind).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE_NAME } from '../../src/core/backend';
import { BACKUP_CONFIG_FILE, LOCAL_BACKUP_FOLDER } from '../../src/core/backup/backup-config';
import { LOCK_FILE_NAME } from '../../src/core/storage/data-folder-lock';
import { BROWSER_SESSION_FILE_NAME } from '../../src/web/browser-session';

/** What the soak was told: every acknowledged call, by what it must have left behind. */
export interface Acknowledged {
  /** Per article, the last acknowledged save: its version and the plain text it carried. */
  saves: Map<string, { version: number; text: string }>;
  /** Imported photos: media id -> hash of the prepared file. */
  media: Map<string, string>;
  /** Articles whose submission was acknowledged. */
  submitted: Set<string>;
}

export interface StoredArticle {
  id: string;
  version: number;
  status: string;
  text: string;
  categoryId: string | null;
  /** The post on the portal, once delivered. */
  postId: number | null;
}

/** Statuses whose changes the outbox triggers deliver (migration 004); a conflict keeps its row parked. */
const WORKFLOW_STATUSES = new Set(['submitted', 'approved', 'scheduled', 'published', 'rejected', 'conflict']);

/** An outbox row as the kill left it. */
export interface OutboxState {
  articleId: string;
  state: string;
  attempts: number;
  lastError: string | null;
}

export interface DatabaseCheck {
  problems: string[];
  articles: Map<string, StoredArticle>;
  outbox: OutboxState[];
}

/** Integrity, acknowledged saves, photos and submissions, and the outbox, as the kill left them. */
export function checkDatabase(dataDir: string, acked: Acknowledged): DatabaseCheck {
  const problems: string[] = [];
  const articles = new Map<string, StoredArticle>();
  let outbox: OutboxState[] = [];
  const db = new Database(path.join(dataDir, DATABASE_FILE_NAME), { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const foreignKeys = db.pragma('foreign_key_check') as unknown[];
    if (foreignKeys.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(foreignKeys).slice(0, 300)}`);

    const rows = db
      .prepare(
        `SELECT a.id, a.version, a.status, a.body_text AS text, a.category_id AS categoryId, p.post_id AS postId
         FROM articles a LEFT JOIN portal_posts p ON p.article_id = a.id`,
      )
      .all() as StoredArticle[];
    for (const row of rows) articles.set(row.id, row);

    for (const [id, save] of acked.saves) {
      const stored = articles.get(id);
      if (!stored) {
        problems.push(`acknowledged save lost: article ${id} (v${save.version}) is gone`);
      } else if (stored.version < save.version) {
        problems.push(`acknowledged save lost: article ${id} is at v${stored.version}, v${save.version} was acknowledged`);
      } else if (!stored.text.startsWith(save.text)) {
        problems.push(
          `acknowledged text lost: article ${id} v${stored.version} holds ${stored.text.length} characters not starting with the ` +
            `${save.text.length} acknowledged (stored ends "…${stored.text.slice(-40)}", acknowledged ends "…${save.text.slice(-40)}")`,
        );
      }
    }

    const mediaRow = db.prepare('SELECT file_hash FROM media WHERE id = ?').pluck();
    for (const [id, fileHash] of acked.media) {
      const stored = mediaRow.get(id) as string | undefined;
      if (stored === undefined) problems.push(`acknowledged photo lost: media ${id} has no row`);
      else if (stored !== fileHash) problems.push(`photo ${id} changed its file: ${stored} instead of ${fileHash}`);
    }

    outbox = db.prepare('SELECT article_id AS articleId, state, attempts, last_error AS lastError FROM outbox').all() as OutboxState[];
    const inOutbox = new Set(outbox.map((o) => o.articleId));
    for (const row of outbox) {
      const article = articles.get(row.articleId);
      if (!article) problems.push(`orphan outbox row: article ${row.articleId} does not exist`);
      // A withdrawn article (draft again) that reached the portal is delivered too (trigger outbox_after_status).
      else if (!WORKFLOW_STATUSES.has(article.status) && !(article.status === 'draft' && article.postId !== null)) {
        problems.push(`orphan outbox row: article ${row.articleId} is ${article.status}, not in the workflow`);
      }
    }

    for (const id of acked.submitted) {
      const article = articles.get(id);
      if (!article) problems.push(`submitted article ${id} is gone`);
      else if (article.status === 'draft') problems.push(`acknowledged submission lost: article ${id} is a draft again`);
      // Submitted and not yet delivered must still be on its way.
      else if (article.postId === null && !inOutbox.has(id)) problems.push(`submitted article ${id} is neither on the portal nor in the outbox`);
    }
  } finally {
    db.close();
  }
  return { problems, articles, outbox };
}

const HASH_NAME = /^[0-9a-f]{64}$/;
/**
 * What a data folder holds: its lock, the database (with its WAL), the photos, browser mode's secrets
 * file and access token, the backup settings and the local backups a migration falls back to.
 */
const DATA_FOLDER_ENTRIES = new Set([
  LOCK_FILE_NAME,
  DATABASE_FILE_NAME,
  `${DATABASE_FILE_NAME}-wal`,
  `${DATABASE_FILE_NAME}-shm`,
  'media',
  'secrets.json',
  BROWSER_SESSION_FILE_NAME,
  BACKUP_CONFIG_FILE,
  LOCAL_BACKUP_FOLDER,
]);

/** After a start: nothing an interrupted write left behind lies in the data folder (a temporary copy of the secrets, say). */
export function checkDataFolder(dataDir: string): string[] {
  return fs
    .readdirSync(dataDir)
    .filter((name) => !DATA_FOLDER_ENTRIES.has(name))
    .map((name) => `stray file in the data folder after start: ${name}`);
}

/** After a start: every photo file belongs to a row, every row's files are there, no temporary files are left. */
export function checkMediaFiles(dataDir: string): string[] {
  const problems: string[] = [];
  const mediaDir = path.join(dataDir, 'media');
  const db = new Database(path.join(dataDir, DATABASE_FILE_NAME), { readonly: true, fileMustExist: true });
  const referenced = new Set<string>();
  const rows = db.prepare('SELECT id, file_hash AS fileHash, thumb_hash AS thumbHash FROM media').all() as { id: string; fileHash: string; thumbHash: string }[];
  db.close();
  for (const row of rows) {
    referenced.add(row.fileHash);
    referenced.add(row.thumbHash);
    for (const hash of [row.fileHash, row.thumbHash]) {
      if (!fs.existsSync(path.join(mediaDir, hash.slice(0, 2), hash))) problems.push(`photo ${row.id} is missing its file ${hash}`);
    }
  }
  if (!fs.existsSync(mediaDir)) return problems;
  for (const entry of fs.readdirSync(mediaDir, { withFileTypes: true })) {
    const where = path.join(mediaDir, entry.name);
    if (!entry.isDirectory()) {
      problems.push(`stray file in media/: ${entry.name}`);
      continue;
    }
    for (const name of fs.readdirSync(where)) {
      if (entry.name === 'tmp') problems.push(`temporary file left after start: media/tmp/${name}`);
      else if (!HASH_NAME.test(name) || !referenced.has(name)) problems.push(`orphan photo file: media/${entry.name}/${name}`);
    }
  }
  return problems;
}
