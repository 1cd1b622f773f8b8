/**
 * "Pulihkan dari cadangan": a restore is never done under the running backend. The chosen backup
 * is checked and copied into `<dataDir>/restore-pending/` (its photos straight into the library,
 * which is content-addressed, so nothing there is replaced); at the next start, after the folder
 * lock is taken and before the database opens, the current database is backed up ("before-restore")
 * and the staged copy takes its place. Until then the person may cancel.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { BACKUP_DB_FILE, MANIFEST_FILE, copyPhotosSync, databaseProblem, inspectBackup } from './backup-files';

export const PENDING_RESTORE_DIR = 'restore-pending';
const PENDING_INFO = 'restore.json';

export interface PendingRestore {
  name: string;
  createdAt: number;
}

export function pendingRestore(dataDir: string): PendingRestore | null {
  try {
    const info = JSON.parse(fs.readFileSync(path.join(dataDir, PENDING_RESTORE_DIR, PENDING_INFO), 'utf8')) as PendingRestore;
    return typeof info.name === 'string' && typeof info.createdAt === 'number' ? { name: info.name, createdAt: info.createdAt } : null;
  } catch {
    return null;
  }
}

export function cancelRestore(dataDir: string): void {
  fs.rmSync(path.join(dataDir, PENDING_RESTORE_DIR), { recursive: true, force: true });
}

/** Checks the backup again and stages it; a damaged or unknown one is refused by name. */
export function stageRestore(location: string, name: string, dataDir: string, sourceId: string, supported: number): PendingRestore {
  if (!fs.existsSync(path.join(location, name))) {
    throw new AppError({ kind: 'not-found', code: 'backup.notFound', message: `There is no backup "${name}" in ${location}.`, params: { name } });
  }
  const entry = inspectBackup(location, name, sourceId, supported);
  if (!entry.ok) {
    throw new AppError({ kind: 'validation', code: entry.problem ?? 'backup.damaged', message: `The backup "${name}" cannot be used (${entry.problem}).`, params: { name } });
  }
  cancelRestore(dataDir);
  const staging = path.join(dataDir, `${PENDING_RESTORE_DIR}.tmp`);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  fs.copyFileSync(path.join(location, name, BACKUP_DB_FILE), path.join(staging, BACKUP_DB_FILE));
  const fd = fs.openSync(path.join(staging, BACKUP_DB_FILE), 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  const { files } = JSON.parse(fs.readFileSync(path.join(location, name, MANIFEST_FILE), 'utf8')) as { files: string[] };
  copyPhotosSync(location, dataDir, files);
  const info: PendingRestore = { name, createdAt: entry.createdAt };
  fs.writeFileSync(path.join(staging, PENDING_INFO), JSON.stringify(info));
  fs.renameSync(staging, path.join(dataDir, PENDING_RESTORE_DIR));
  return info;
}

/**
 * At start, under the folder lock, before the database is opened: puts a staged backup in place.
 * `safetyCopy` backs up the current database first; a staged copy that no longer passes its check
 * is set aside (`restore-failed`) and the current database is kept.
 */
export function applyPendingRestore(
  dataDir: string,
  databaseFile: string,
  options: { supported: number; safetyCopy: () => void; log: (message: string, details: Record<string, unknown>) => void },
): PendingRestore | null {
  const info = pendingRestore(dataDir);
  if (!info) return null;
  const staged = path.join(dataDir, PENDING_RESTORE_DIR, BACKUP_DB_FILE);
  const check = databaseProblem(staged, options.supported);
  if (check) {
    options.log('a staged restore did not pass its check and was set aside', { name: info.name, problem: check });
    fs.rmSync(path.join(dataDir, 'restore-failed'), { recursive: true, force: true });
    fs.renameSync(path.join(dataDir, PENDING_RESTORE_DIR), path.join(dataDir, 'restore-failed'));
    return null;
  }
  if (fs.existsSync(databaseFile) && fs.statSync(databaseFile).size > 0) options.safetyCopy();
  // The old WAL must never be applied to the restored file.
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${databaseFile}${suffix}`, { force: true });
  fs.renameSync(staged, databaseFile);
  cancelRestore(dataDir);
  options.log('restored a backup', { name: info.name });
  return info;
}
