/**
 * The local photo library: prepared files on disk, addressed by the sha256 of their bytes, and one
 * row per (source photo, preset). Order of writes: files first (written to a temporary name,
 * fsynced, renamed), the row last, in one transaction. A crash in between leaves at most a file
 * without a row, which `removeOrphanFiles` deletes at the next start; never a row without its file.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { cleanFileName } from '../../shared/file-name';
import type { MediaImportResult as ImportResult, MediaItem } from '../../shared/domain';
import type { MediaVariant } from '../../shared/transport';
import type { SqliteDatabase } from '../storage/database';
import { preparePhoto, sha256, type PhotoLimits, type PhotoPreset, DEFAULT_LIMITS } from './prepare-photo';

export type { ImportResult, MediaItem, MediaVariant };

interface MediaRow {
  id: string;
  file_hash: string;
  thumb_hash: string;
  mime: 'image/jpeg' | 'image/webp';
  width: number;
  height: number;
  bytes: number;
  original_name: string;
  original_format: string;
  original_width: number;
  original_height: number;
  original_bytes: number;
  created_at: number;
}

const toItem = (row: MediaRow): MediaItem => ({
  id: row.id,
  fileHash: row.file_hash,
  thumbHash: row.thumb_hash,
  mime: row.mime,
  width: row.width,
  height: row.height,
  bytes: row.bytes,
  originalName: row.original_name,
  original: { format: row.original_format, width: row.original_width, height: row.original_height, bytes: row.original_bytes },
  createdAt: row.created_at,
});

const HASH = /^[0-9a-f]{64}$/;

export function presetKey(preset: PhotoPreset): string {
  return `${preset.longEdge}-${preset.format}-q${preset.quality}`;
}


export interface MediaStoreOptions {
  db: SqliteDatabase;
  /** Folder for the files: <dataDir>/media. */
  dir: string;
  clock: () => number;
  limits?: PhotoLimits;
}

export class MediaStore {
  private readonly db: SqliteDatabase;
  private readonly dir: string;
  private readonly clock: () => number;
  private readonly limits: PhotoLimits;

  constructor(options: MediaStoreOptions) {
    this.db = options.db;
    this.dir = options.dir;
    this.clock = options.clock;
    this.limits = options.limits ?? DEFAULT_LIMITS;
    fs.mkdirSync(path.join(this.dir, 'tmp'), { recursive: true });
  }

  get(id: string): MediaItem {
    const row = this.db.prepare('SELECT * FROM media WHERE id = ?').get(id) as MediaRow | undefined;
    if (!row) throw new AppError({ kind: 'not-found', code: 'notFound.media', message: `media ${id} not found`, params: { id } });
    return toItem(row);
  }

  exists(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM media WHERE id = ?').get(id) !== undefined;
  }

  async import(fileName: string, data: Uint8Array, preset: PhotoPreset): Promise<ImportResult> {
    const key = presetKey(preset);
    const sourceHash = sha256(data);
    const known = this.findBySource(sourceHash, key);
    if (known) return { ...known, deduplicated: true };

    const prepared = await preparePhoto(data, preset, this.limits, sourceHash);
    const thumbHash = sha256(prepared.thumbnail);
    // Both files before the row; their fsyncs may overlap.
    await Promise.all([this.writeFile(prepared.fileHash, prepared.data), this.writeFile(thumbHash, prepared.thumbnail)]);

    const row: MediaRow = {
      id: randomUUID(),
      file_hash: prepared.fileHash,
      thumb_hash: thumbHash,
      mime: prepared.mime,
      width: prepared.width,
      height: prepared.height,
      bytes: prepared.data.length,
      original_name: cleanFileName(fileName),
      original_format: prepared.original.format,
      original_width: prepared.original.width,
      original_height: prepared.original.height,
      original_bytes: prepared.original.bytes,
      created_at: this.clock(),
    };
    // Two imports of the same photo may race through preparation; the unique key keeps one row.
    const inserted = this.db
      .prepare(
        `INSERT INTO media (id, source_hash, preset, file_hash, thumb_hash, mime, width, height, bytes,
           original_name, original_format, original_width, original_height, original_bytes, created_at)
         VALUES (@id, @source_hash, @preset, @file_hash, @thumb_hash, @mime, @width, @height, @bytes,
           @original_name, @original_format, @original_width, @original_height, @original_bytes, @created_at)
         ON CONFLICT (source_hash, preset) DO NOTHING`,
      )
      .run({ ...row, source_hash: prepared.sourceHash, preset: key });
    if (inserted.changes === 0) {
      const winner = this.findBySource(prepared.sourceHash, key);
      if (winner) return { ...winner, deduplicated: true };
    }
    return { ...toItem(row), deduplicated: false };
  }

  /** Where a file of the store is, or null for anything that is not one of its hashes. */
  resolveFile(variant: MediaVariant, hash: string): { path: string; mime: string } | null {
    if (!HASH.test(hash)) return null;
    const column = variant === 'thumb' ? 'thumb_hash' : 'file_hash';
    const row = this.db.prepare(`SELECT mime FROM media WHERE ${column} = ? LIMIT 1`).get(hash) as { mime: string } | undefined;
    if (!row) return null;
    const file = this.pathFor(hash);
    // Only a regular file that really lies inside the media folder: a symbolic link in it (to the file
    // or to its subfolder) could otherwise serve anything this account can read.
    try {
      if (!fs.lstatSync(file).isFile()) return null;
      const inside = path.relative(fs.realpathSync(this.dir), fs.realpathSync(file));
      if (inside.startsWith('..') || path.isAbsolute(inside)) return null;
    } catch {
      return null;
    }
    return { path: file, mime: variant === 'thumb' ? 'image/jpeg' : row.mime };
  }

  /** Deletes files no row refers to (left by a crash between writing a file and its row). */
  removeOrphanFiles(): number {
    const referenced = new Set<string>();
    for (const r of this.db.prepare('SELECT file_hash, thumb_hash FROM media').iterate() as Iterable<{ file_hash: string; thumb_hash: string }>) {
      referenced.add(r.file_hash);
      referenced.add(r.thumb_hash);
    }
    let removed = 0;
    for (const entry of fs.readdirSync(this.dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const sub = path.join(this.dir, entry.name);
      for (const name of fs.readdirSync(sub)) {
        if (entry.name === 'tmp' || !referenced.has(name)) {
          fs.rmSync(path.join(sub, name), { force: true });
          removed++;
        }
      }
    }
    return removed;
  }

  private findBySource(sourceHash: string, preset: string): MediaItem | undefined {
    const row = this.db.prepare('SELECT * FROM media WHERE source_hash = ? AND preset = ?').get(sourceHash, preset) as MediaRow | undefined;
    return row && toItem(row);
  }

  private pathFor(hash: string): string {
    return path.join(this.dir, hash.slice(0, 2), hash);
  }

  private async writeFile(hash: string, data: Uint8Array): Promise<void> {
    const target = this.pathFor(hash);
    if (fs.existsSync(target)) return; // same bytes, same name: already stored
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const tmp = path.join(this.dir, 'tmp', `${hash}.${randomUUID()}`);
    const handle = await fs.promises.open(tmp, 'w', 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(tmp, target);
    await syncDirectory(path.dirname(target));
  }
}

async function syncDirectory(dir: string): Promise<void> {
  // Makes the rename itself durable; not possible on Windows, where NTFS journals it anyway.
  if (process.platform === 'win32') return;
  const handle = await fs.promises.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
