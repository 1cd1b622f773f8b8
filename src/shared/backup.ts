/** Backups of the data folder ("Cadangan" in Pengaturan): what the handlers answer. */
import type { AppErrorShape } from './errors';

/** Why a backup was made. */
export type BackupReason = 'manual' | 'schedule' | 'before-migration' | 'before-restore';

/** A backup's folder name: its UTC instant and the first characters of the data folder's id. */
export const BACKUP_NAME_PATTERN = /^\d{8}T\d{9}Z-[0-9a-f]{8}$/;

/** How often automatic backups are made, in hours. */
export const BACKUP_INTERVALS = [1, 4, 12, 24] as const;
export type BackupIntervalHours = (typeof BACKUP_INTERVALS)[number];

export const BACKUP_LIMITS = { folderLength: 1000, keepMin: 2, keepMax: 30 } as const;

export interface BackupEntry {
  name: string;
  createdAt: number;
  reason: BackupReason;
  schemaVersion: number;
  articles: number;
  revisions: number;
  photos: number;
  /** Made from this data folder (rotation only ever removes those). */
  fromThisFolder: boolean;
  /** Opened and checked (integrity, schema version, photos present): only then is it offered. */
  ok: boolean;
  /** Why it is refused (an i18n code under `errors.`), when not ok. */
  problem: string | null;
}

export interface BackupStatus {
  /** The folder the person chose; null: no automatic backups. */
  folder: string | null;
  /** Where the backups are, inside it ("Redaksi-cadangan"). */
  location: string | null;
  keep: number;
  intervalHours: BackupIntervalHours;
  lastBackupAt: number | null;
  lastBackupName: string | null;
  /** Why the last attempt failed (e.g. the USB disk is not plugged in); cleared by the next success. */
  lastError: (AppErrorShape & { at: number }) | null;
  running: boolean;
  /** A backup chosen in "Pulihkan dari cadangan", put in place at the next start. */
  pendingRestore: { name: string; createdAt: number } | null;
}
