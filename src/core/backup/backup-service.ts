/**
 * Backups while the app runs: "Cadangkan sekarang", automatic ones on a schedule, rotation, the list
 * offered in "Pulihkan dari cadangan" and staging a restore. Plus `prepareDatabaseFile`, run at
 * start under the folder lock: a staged restore is put in place, and a database about to be
 * migrated is backed up first.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupEntry, BackupReason, BackupStatus } from '../../shared/backup';
import type { Handlers } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Logger } from '../logger';
import type { SqliteDatabase } from '../storage/database';
import { backupClosedDatabase, backupLiveDatabase, listBackups, rotateBackups, type BackupTarget } from './backup-files';
import { backupLocation, checkBackupFolder, LOCAL_BACKUP_FOLDER, readBackupConfig, writeBackupConfig, type BackupConfig } from './backup-config';
import { applyPendingRestore, cancelRestore, pendingRestore, stageRestore } from './restore';

/** How often the schedule looks whether a backup is due (the first look comes sooner, after start). */
export const BACKUP_CHECK_EVERY_MS = 5 * 60_000;
export const BACKUP_FIRST_CHECK_MS = 60_000;

export interface BackupServiceOptions {
  db: SqliteDatabase;
  dataDir: string;
  clock: () => number;
  logger: Logger;
  /** The newest schema version this app knows. */
  supported: number;
  /** Automatic backups on a timer (tests drive `runDue` themselves). */
  schedule?: boolean;
}

type BackupHandlers = Pick<Handlers, 'backup-status' | 'backup-configure' | 'backup-now' | 'backup-list' | 'backup-restore' | 'backup-restore-cancel'>;

function noFolder(): AppError {
  return new AppError({ kind: 'validation', code: 'backup.noFolder', message: 'Choose a backup folder first.' });
}

export class BackupService {
  private readonly options: BackupServiceOptions;
  private config: BackupConfig;
  private running: Promise<BackupEntry> | null = null;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(options: BackupServiceOptions) {
    this.options = options;
    this.config = readBackupConfig(options.dataDir);
    if (!fs.existsSync(path.join(options.dataDir, 'backup.json'))) writeBackupConfig(options.dataDir, this.config);
    if (options.schedule ?? true) this.scheduleCheck(BACKUP_FIRST_CHECK_MS);
  }

  status(): BackupStatus {
    const { folder, keep, intervalHours, lastBackupAt, lastBackupName, lastError } = this.config;
    return {
      folder,
      location: folder ? backupLocation(folder) : null,
      keep,
      intervalHours,
      lastBackupAt,
      lastBackupName,
      lastError,
      running: this.running !== null,
      pendingRestore: pendingRestore(this.options.dataDir),
    };
  }

  configure(patch: { folder?: string | null; keep?: number; intervalHours?: BackupConfig['intervalHours'] }): BackupStatus {
    const next = { ...this.config };
    if (patch.folder !== undefined) next.folder = patch.folder === null ? null : checkBackupFolder(patch.folder, this.options.dataDir);
    if (patch.keep !== undefined) next.keep = patch.keep;
    if (patch.intervalHours !== undefined) next.intervalHours = patch.intervalHours;
    if (next.folder !== this.config.folder) next.lastError = null;
    this.save(next);
    return this.status();
  }

  /** One backup at a time: a second request while one runs gets that one's result. */
  backupNow(reason: BackupReason = 'manual'): Promise<BackupEntry> {
    if (this.closed) return Promise.reject(new AppError({ kind: 'internal', code: 'backend.closed', message: 'The app is shutting down.' }));
    this.running ??= this.run(reason).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  list(): BackupEntry[] {
    const location = this.location();
    return listBackups(location, this.config.sourceId, this.options.supported);
  }

  restore(name: string): BackupStatus {
    stageRestore(this.location(), name, this.options.dataDir, this.config.sourceId, this.options.supported);
    this.options.logger.info('a backup was staged to be restored at the next start', { name });
    return this.status();
  }

  cancelRestore(): BackupStatus {
    cancelRestore(this.options.dataDir);
    return this.status();
  }

  /** Makes an automatic backup when the last one is older than the interval; quiet when the folder is away. */
  async runDue(): Promise<BackupEntry | null> {
    const { folder, lastBackupAt, intervalHours } = this.config;
    if (!folder || this.running || this.closed) return null;
    if (lastBackupAt !== null && this.options.clock() - lastBackupAt < intervalHours * 3_600_000) return null;
    try {
      return await this.backupNow('schedule');
    } catch {
      return null; // Kept in lastError for Pengaturan to show.
    }
  }

  /** A backup still running is cut off when the database closes: its hidden partial folder is never offered, and the next backup removes it. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  handlers(): BackupHandlers {
    return {
      'backup-status': () => this.status(),
      'backup-configure': (patch) => this.configure(patch),
      'backup-now': () => this.backupNow('manual'),
      'backup-list': () => this.list(),
      'backup-restore': ({ name }) => this.restore(name),
      'backup-restore-cancel': () => this.cancelRestore(),
    };
  }

  private location(): string {
    if (!this.config.folder) throw noFolder();
    return backupLocation(this.config.folder);
  }

  private save(next: BackupConfig): void {
    writeBackupConfig(this.options.dataDir, next);
    this.config = next;
  }

  private async run(reason: BackupReason): Promise<BackupEntry> {
    const now = this.options.clock();
    try {
      if (!this.config.folder) throw noFolder();
      // Checked again each time: the USB disk may have been unplugged since it was chosen.
      const folder = checkBackupFolder(this.config.folder, this.options.dataDir);
      const target: BackupTarget = { location: backupLocation(folder), sourceId: this.config.sourceId, reason, now, supported: this.options.supported };
      const entry = await backupLiveDatabase(this.options.db, this.options.dataDir, target);
      rotateBackups(target.location, this.config.sourceId, this.config.keep);
      this.save({ ...this.config, lastBackupAt: now, lastBackupName: entry.name, lastError: null });
      this.options.logger.info('backup made', { name: entry.name, reason });
      return entry;
    } catch (err) {
      const error =
        err instanceof AppError ? err : new AppError({ kind: 'internal', code: 'backup.failed', message: `The backup could not be made: ${err instanceof Error ? err.message : String(err)}` });
      if (!this.closed) this.save({ ...this.config, lastError: { ...error.toShape(), at: now } });
      this.options.logger.error('backup failed', { reason, code: error.code, error: error.message });
      throw error;
    }
  }

  private scheduleCheck(delay: number): void {
    this.timer = setTimeout(() => {
      void this.runDue().finally(() => !this.closed && this.scheduleCheck(BACKUP_CHECK_EVERY_MS));
    }, delay);
    this.timer.unref();
  }
}

function readSchemaVersion(file: string): number | null {
  try {
    if (!fs.existsSync(file) || fs.statSync(file).size === 0) return null;
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return db.pragma('user_version', { simple: true }) as number;
    } finally {
      db.close();
    }
  } catch {
    return null; // openDatabase gives the real reason.
  }
}

/**
 * At start, under the folder lock, before the database is opened: puts a staged restore in place,
 * then backs up a database that is about to be migrated. Each safety copy goes to the chosen folder,
 * or when it is not reachable to `<dataDir>/backups`. A safety copy that cannot be made anywhere is
 * logged and does not stop the start (migrations run in one transaction of their own).
 */
export function prepareDatabaseFile(dataDir: string, databaseFile: string, supported: number, clock: () => number, logger: Logger): void {
  const config = readBackupConfig(dataDir);
  const safetyCopy = (reason: BackupReason) => {
    const locations = [config.folder && backupLocation(config.folder), path.join(dataDir, LOCAL_BACKUP_FOLDER)].filter((l): l is string => !!l);
    for (const location of locations) {
      try {
        fs.mkdirSync(location, { recursive: true });
        const entry = backupClosedDatabase(databaseFile, dataDir, { location, sourceId: config.sourceId, reason, now: clock(), supported: Number.MAX_SAFE_INTEGER });
        logger.info('safety backup made', { name: entry.name, reason, location });
        return;
      } catch (err) {
        logger.error('safety backup failed', { reason, location, error: err instanceof Error ? err.message : String(err) });
      }
    }
  };
  applyPendingRestore(dataDir, databaseFile, {
    supported,
    safetyCopy: () => safetyCopy('before-restore'),
    log: (message, details) => logger.info(message, details),
  });
  const version = readSchemaVersion(databaseFile);
  if (version !== null && version > 0 && version < supported) safetyCopy('before-migration');
}
