/**
 * Where backups go and how many are kept: `backup.json` in the data folder, not the database,
 * because it is read before the database is opened (a backup before a migration, a restore put in
 * place at start). Also the folder's own id, so that several computers can share one USB disk.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { BACKUP_INTERVALS, BACKUP_LIMITS, type BackupIntervalHours, type BackupStatus } from '../../shared/backup';
import { writePrivateFile } from '../storage/private-file';

export const BACKUP_CONFIG_FILE = 'backup.json';
/** The folder made inside the chosen one, so a USB disk's root is not littered. */
export const BACKUP_SUBFOLDER = 'Redaksi-cadangan';
/** Used only for the safety copies made before a migration or a restore when no folder is chosen. */
export const LOCAL_BACKUP_FOLDER = 'backups';

export interface BackupConfig {
  folder: string | null;
  keep: number;
  intervalHours: BackupIntervalHours;
  sourceId: string;
  lastBackupAt: number | null;
  lastBackupName: string | null;
  lastError: BackupStatus['lastError'];
}

export const DEFAULT_KEEP = 7;
export const DEFAULT_INTERVAL_HOURS: BackupIntervalHours = 4;

function defaults(): BackupConfig {
  return {
    folder: null,
    keep: DEFAULT_KEEP,
    intervalHours: DEFAULT_INTERVAL_HOURS,
    sourceId: randomBytes(8).toString('hex'),
    lastBackupAt: null,
    lastBackupName: null,
    lastError: null,
  };
}

/** The stored settings; a missing or damaged file gives the defaults (no folder: nothing is written anywhere). */
export function readBackupConfig(dataDir: string): BackupConfig {
  const base = defaults();
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(path.join(dataDir, BACKUP_CONFIG_FILE), 'utf8'));
  } catch {
    return base;
  }
  if (typeof raw !== 'object' || raw === null) return base;
  const r = raw as Record<string, unknown>;
  return {
    folder: typeof r.folder === 'string' && path.isAbsolute(r.folder) ? r.folder : null,
    keep: Number.isInteger(r.keep) && (r.keep as number) >= BACKUP_LIMITS.keepMin && (r.keep as number) <= BACKUP_LIMITS.keepMax ? (r.keep as number) : base.keep,
    intervalHours: (BACKUP_INTERVALS as readonly unknown[]).includes(r.intervalHours) ? (r.intervalHours as BackupIntervalHours) : base.intervalHours,
    sourceId: typeof r.sourceId === 'string' && /^[0-9a-f]{16}$/.test(r.sourceId) ? r.sourceId : base.sourceId,
    lastBackupAt: typeof r.lastBackupAt === 'number' && Number.isFinite(r.lastBackupAt) ? r.lastBackupAt : null,
    lastBackupName: typeof r.lastBackupName === 'string' ? r.lastBackupName : null,
    lastError: typeof r.lastError === 'object' && r.lastError !== null ? (r.lastError as BackupConfig['lastError']) : null,
  };
}

export function writeBackupConfig(dataDir: string, config: BackupConfig): void {
  writePrivateFile(path.join(dataDir, BACKUP_CONFIG_FILE), `${JSON.stringify(config, null, 2)}\n`);
}

/** The folder holding the backups: the chosen one's "Redaksi-cadangan", or the chosen one when it is that folder. */
export function backupLocation(folder: string): string {
  return path.basename(folder) === BACKUP_SUBFOLDER ? folder : path.join(folder, BACKUP_SUBFOLDER);
}

function folderError(code: string, message: string, folder: string): AppError {
  return new AppError({ kind: 'validation', code, message, params: { folder: folder.slice(0, 300) } });
}

const isInside = (child: string, parent: string): boolean => {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/**
 * A folder typed or picked in the window is untrusted: it must be an absolute path to an existing
 * folder this account can write to, outside the data folder (a backup there is lost with it).
 * Answers the folder with symbolic links resolved.
 */
export function checkBackupFolder(raw: string, dataDir: string): string {
  // Control characters (NUL included) never belong in a folder someone chose.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(raw)) throw folderError('backup.folderInvalid', 'The backup folder contains control characters.', raw);
  if (!path.isAbsolute(raw) || raw.split(/[\\/]/).includes('..')) {
    throw folderError('backup.folderInvalid', 'The backup folder must be a full path (for example /media/usb or E:\\), without "..".', raw);
  }
  let real: string;
  try {
    real = fs.realpathSync(raw);
  } catch {
    throw folderError('backup.folderMissing', `The backup folder does not exist or is not reachable: ${raw}`, raw);
  }
  if (!fs.statSync(real).isDirectory()) throw folderError('backup.folderMissing', `The backup path is not a folder: ${raw}`, raw);
  const data = fs.realpathSync(dataDir);
  if (isInside(real, data)) throw folderError('backup.folderInsideData', 'The backup folder must be outside the data folder.', raw);
  const location = backupLocation(real);
  try {
    fs.mkdirSync(location, { recursive: true });
    const probe = path.join(location, `.write-test-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch {
    throw folderError('backup.folderNotWritable', `Redaksi cannot write in the backup folder: ${raw}`, raw);
  }
  return real;
}
