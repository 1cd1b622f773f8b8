/**
 * Pengaturan > Cadangan: the folder backups go to (a USB disk, say), how often and how many are kept,
 * "Cadangkan sekarang", and "Pulihkan dari cadangan" listing only backups that opened and passed
 * their check. A restore takes effect when Redaksi is opened again (the backend stages it).
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BACKUP_INTERVALS, BACKUP_LIMITS, type BackupEntry, type BackupIntervalHours, type BackupStatus } from '../../../../shared/backup';
import type { AppErrorShape } from '../../../../shared/errors';
import { formatLong } from '../../../../shared/newsroom-time';
import { errorShapeOf } from '../../api';
import { useServices } from '../../app/services';
import { useSettings } from '../../app/useSettings';
import { uiLanguage } from '../../i18n';
import { translateError } from '../../i18n/errors';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

const KEEP_CHOICES = [3, 7, 14, 30] as const;

/** The status and, when a folder is chosen, its backups (each checked by the backend). */
async function load(client: ReturnType<typeof useServices>['client']): Promise<{ status: BackupStatus; backups: BackupEntry[] }> {
  const status = await client.invoke('backup-status', {});
  return { status, backups: status.folder ? await client.invoke('backup-list', {}) : [] };
}

export function BackupSection() {
  const { t, i18n } = useTranslation();
  const { client } = useServices();
  const settings = useSettings();
  const lang = uiLanguage(i18n.language);
  const when = (instant: number) => formatLong(instant, settings.timeZone, lang);
  const ids = { heading: useId(), folder: useId(), folderHint: useId(), interval: useId(), keep: useId(), list: useId() };
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [backups, setBackups] = useState<BackupEntry[]>([]);
  const [folder, setFolder] = useState<string | null>(null);
  const [busy, setBusy] = useState<null | 'folder' | 'backup' | 'restore'>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [done, setDone] = useState(false);
  const [confirm, setConfirm] = useState<BackupEntry | null>(null);

  const refresh = useCallback(async () => {
    const next = await load(client);
    setStatus(next.status);
    setBackups(next.backups);
  }, [client]);

  useEffect(() => {
    let live = true;
    load(client).then(
      (next) => {
        if (!live) return;
        setStatus(next.status);
        setBackups(next.backups);
      },
      (err: unknown) => live && setError(errorShapeOf(err)),
    );
    return () => {
      live = false;
    };
  }, [client]);

  const act = async (kind: NonNullable<typeof busy>, run: () => Promise<unknown>): Promise<void> => {
    setBusy(kind);
    setError(null);
    setDone(false);
    try {
      await run();
      await refresh();
    } catch (err) {
      setError(errorShapeOf(err));
    } finally {
      setBusy(null);
    }
  };

  const useFolder = (event: FormEvent) => {
    event.preventDefault();
    const value = (folder ?? status?.folder ?? '').trim();
    if (!value || busy) return;
    void act('folder', async () => {
      await client.invoke('backup-configure', { folder: value });
      setFolder(null);
    });
  };
  const configure = (patch: { keep?: number; intervalHours?: BackupIntervalHours }) => void act('folder', () => client.invoke('backup-configure', patch));
  const backupNow = () =>
    void act('backup', async () => {
      await client.invoke('backup-now', {});
      setDone(true);
    });
  const restore = (entry: BackupEntry) => {
    setConfirm(null);
    void act('restore', () => client.invoke('backup-restore', { name: entry.name }));
  };

  if (!status) return null;
  const offered = backups.filter((b) => b.ok);
  const refused = backups.filter((b) => !b.ok);
  return (
    <section className="setting backup-settings" aria-labelledby={ids.heading}>
      <h2 id={ids.heading} className="settings-subtitle">
        {t('settings.backup.heading')}
      </h2>
      <p className="setting-hint">{t('settings.backup.intro')}</p>

      <form className="backup-folder" onSubmit={useFolder} noValidate>
        <label htmlFor={ids.folder} className="field-label">
          {t('settings.backup.folder')}
        </label>
        <input
          id={ids.folder}
          className="input"
          type="text"
          spellCheck={false}
          autoComplete="off"
          maxLength={BACKUP_LIMITS.folderLength}
          aria-describedby={ids.folderHint}
          value={folder ?? status.folder ?? ''}
          onChange={(e) => setFolder(e.target.value)}
        />
        <p id={ids.folderHint} className="field-hint">
          {t('settings.backup.folderHint')}
        </p>
        <button type="submit" className="btn" disabled={busy !== null}>
          {t('settings.backup.useFolder')}
        </button>
      </form>

      {status.folder && (
        <>
          <label htmlFor={ids.interval} className="setting-label">
            {t('settings.backup.interval')}
          </label>
          <select id={ids.interval} className="select" value={status.intervalHours} onChange={(e) => configure({ intervalHours: Number(e.target.value) as BackupIntervalHours })}>
            {BACKUP_INTERVALS.map((h) => (
              <option key={h} value={h}>
                {t(`settings.backup.every${h}`)}
              </option>
            ))}
          </select>
          <p className="setting-hint">{t('settings.backup.intervalHint')}</p>
          <label htmlFor={ids.keep} className="setting-label">
            {t('settings.backup.keep')}
          </label>
          <select id={ids.keep} className="select" value={status.keep} onChange={(e) => configure({ keep: Number(e.target.value) })}>
            {[...new Set([...KEEP_CHOICES, status.keep])].sort((a, b) => a - b).map((n) => (
              <option key={n} value={n}>
                {t('settings.backup.keepCount', { count: n })}
              </option>
            ))}
          </select>
          <p className="setting-hint">{t('settings.backup.keepHint')}</p>

          <p className="backup-last" role="status">
            {status.lastBackupAt ? t('settings.backup.last', { time: when(status.lastBackupAt) }) : t('settings.backup.never')}
            {done && ` ${t('settings.backup.done')}`}
          </p>
          {status.lastError && <p className="field-error">{t('settings.backup.lastError', { reason: translateError(i18n, status.lastError) })}</p>}
          <button type="button" className="btn btn-primary" disabled={busy !== null} onClick={backupNow}>
            {busy === 'backup' ? t('settings.backup.running') : t('settings.backup.now')}
          </button>
        </>
      )}
      {error && (
        <p className="field-error" role="alert">
          {translateError(i18n, error)}
        </p>
      )}

      {status.folder && (
        <div className="backup-restore">
          <h3 id={ids.list} className="setting-label">
            {t('settings.backup.listHeading')}
          </h3>
          <p className="setting-hint">{t('settings.backup.listHint')}</p>
          {status.pendingRestore && (
            <div className="backup-pending" role="status">
              <p>{t('settings.backup.pending', { time: when(status.pendingRestore.createdAt) })}</p>
              <button type="button" className="btn" disabled={busy !== null} onClick={() => void act('restore', () => client.invoke('backup-restore-cancel', {}))}>
                {t('settings.backup.cancelPending')}
              </button>
            </div>
          )}
          {backups.length === 0 && <p className="setting-hint">{t('settings.backup.empty')}</p>}
          <ul className="backup-list" aria-labelledby={ids.list}>
            {offered.map((b) => (
              <li key={b.name} className="backup-item">
                <span>
                  {t('settings.backup.entry', { time: when(b.createdAt), articles: b.articles, photos: b.photos })}
                  {!b.fromThisFolder && ` (${t('settings.backup.otherComputer')})`}
                </span>
                <button
                  type="button"
                  className="btn"
                  disabled={busy !== null}
                  aria-label={t('settings.backup.restoreNamed', { time: when(b.createdAt) })}
                  onClick={() => setConfirm(b)}
                >
                  {t('settings.backup.restore')}
                </button>
              </li>
            ))}
            {refused.map((b) => (
              <li key={b.name} className="backup-item is-damaged">
                {translateError(i18n, { kind: 'validation', code: b.problem ?? 'backup.damaged', message: '', retryable: false, params: { name: b.name } })}
              </li>
            ))}
          </ul>
          <button type="button" className="btn" disabled={busy !== null} onClick={() => void act('restore', () => Promise.resolve())}>
            {t('settings.backup.recheck')}
          </button>
        </div>
      )}
      {confirm && (
        <ConfirmDialog
          title={t('settings.backup.confirmTitle', { time: when(confirm.createdAt) })}
          body={t('settings.backup.confirmBody')}
          confirmLabel={t('settings.backup.confirm')}
          cancelLabel={t('settings.backup.cancel')}
          onConfirm={() => restore(confirm)}
          onCancel={() => setConfirm(null)}
        />
      )}
    </section>
  );
}
