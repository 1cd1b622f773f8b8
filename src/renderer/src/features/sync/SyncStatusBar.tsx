/**
 * The bar at the bottom of the window: is the portal reachable, how much waits to be sent, what
 * needs the person (held-back items, conflicts), when the last sync was, upload progress, and
 * "Sinkronkan sekarang". Not role="status": that role is the save status's alone (people and tests
 * find it by that role); the summary here is a polite live region instead, which reads the same.
 */
import { useCallback, useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCompact } from '../../../../shared/newsroom-time';
import type { SyncProgress, SyncStatus } from '../../../../shared/sync';
import { ClientError } from '../../api';
import { useServices } from '../../app/services';
import type { ImportProgress } from '../photos/photo-import';
import { useStore } from '../../app/store';
import { useSettings } from '../../app/useSettings';
import { formatNumber, uiLanguage } from '../../i18n';
import { translateError } from '../../i18n/errors';
import { Icon, type IconName } from '../../ui/Icon';
import { matchesShortcut, SHORTCUTS, shortcutAria, shortcutLabel } from '../../ui/shortcuts';
import { formatBytes } from '../photos/format';
import { OutboxDialog } from './OutboxDialog';
import { formatDuration } from './sync-copy';

type Shown = 'unknown' | SyncStatus['connection'];

/** The shown parts with a space between them, so a screen reader reads them as separate words. */
function spaced(parts: ReactNode[]): ReactNode[] {
  return parts.filter(Boolean).flatMap((part, i) => (i === 0 ? [part] : [' ', part]));
}

const CONNECTION_ICON: Record<Shown, IconName> = { unknown: 'offline', unconfigured: 'settings', online: 'check', offline: 'offline', syncing: 'history' };
const CONNECTION_KEY: Record<Shown, string> = {
  unknown: 'connection.unknown',
  unconfigured: 'connection.unconfigured',
  online: 'connection.online',
  offline: 'connection.offlinePortal',
  syncing: 'connection.syncing',
};

function ProgressLine({ progress }: { progress: SyncProgress }) {
  const { t, i18n } = useTranslation();
  const labelId = useId();
  const lang = i18n.language;
  const measured = progress.phase === 'media' && progress.bytesTotal > 0;
  const label = measured
    ? t('sync.uploading', { sent: formatBytes(progress.bytesSent, lang), total: formatBytes(progress.bytesTotal, lang) })
    : progress.phase === 'pull'
      ? t('sync.pulling')
      : t('sync.sendingPost', { title: progress.title || t('articles.untitled') });
  return (
    <span className="sync-bar-progress">
      <span id={labelId}>{label}</span>
      {measured ? (
        <progress aria-labelledby={labelId} max={progress.bytesTotal} value={Math.min(progress.bytesSent, progress.bytesTotal)} />
      ) : (
        <progress aria-labelledby={labelId} />
      )}
    </span>
  );
}

/** The photos being prepared for the open article: "Menyiapkan foto 2 dari 5". */
function PhotoBatchLine({ progress }: { progress: ImportProgress }) {
  const { t, i18n } = useTranslation();
  const labelId = useId();
  const lang = i18n.language;
  return (
    <span className="sync-bar-progress">
      <span id={labelId}>
        {progress.total === 1
          ? t('photos.preparingOne')
          : t('photos.preparing', { current: formatNumber(Math.min(progress.done + 1, progress.total), lang), total: formatNumber(progress.total, lang) })}
      </span>
      <progress aria-labelledby={labelId} max={progress.total} value={progress.done} />
    </span>
  );
}

export function SyncStatusBar({ onOpenSettings, onOpenArticle }: { onOpenSettings: () => void; onOpenArticle: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const { sync, workspace, photoBatch } = useServices();
  const batch = useStore(photoBatch);
  const { timeZone } = useSettings();
  const { value: status, error } = useStore(sync.status);
  const running = useStore(sync.running);
  const [outboxOpen, setOutboxOpen] = useState(false);
  const lang = uiLanguage(i18n.language);

  const shown: Shown = running ? 'syncing' : (status?.connection ?? 'unknown');
  const configured = status !== null && status.connection !== 'unconfigured';

  const runNow = useCallback(async () => {
    const failure = await sync.run();
    if (failure) workspace.showError(new ClientError(failure));
  }, [sync, workspace]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!matchesShortcut(event, SHORTCUTS.syncNow)) return;
      event.preventDefault();
      void runNow();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [runNow]);

  const count = (key: string, n: number): string => t(key, { count: n, formatted: formatNumber(n, lang) });
  const shortcut = shortcutLabel(SHORTCUTS.syncNow);

  return (
    <footer className="sync-bar" aria-label={t('sync.bar')}>
      <p className="sync-bar-summary" aria-live="polite" aria-atomic="true">
        {spaced([
          <span key="connection" className={`sync-connection is-${shown}`}>
            <Icon name={CONNECTION_ICON[shown]} size={16} />
            <span>{t(CONNECTION_KEY[shown])}</span>
          </span>,
          status?.connection === 'offline' && status.lastError && (
            // Cut short to fit; the whole sentence is in the tooltip and in "Antrean kirim".
            <span key="reason" className="sync-bar-reason" title={translateError(i18n, status.lastError)}>
              {translateError(i18n, status.lastError)}
            </span>
          ),
          status && configured && (
            <span key="pending" className="sync-bar-count">
              {status.pending > 0 ? count('sync.pending', status.pending) : t('sync.allSent')}
            </span>
          ),
          status && status.parked > 0 && (
            <span key="parked" className="sync-flag is-parked">
              <Icon name="alert" size={14} />
              <span>{count('sync.parked', status.parked)}</span>
            </span>
          ),
          status && status.conflicts > 0 && (
            <span key="conflicts" className="sync-flag is-conflict">
              <Icon name="alert" size={14} />
              <span>{count('sync.conflicts', status.conflicts)}</span>
            </span>
          ),
          status?.clockWarning && status.clockSkewMs !== null && (
            <span key="clock" className="sync-flag is-clock">
              <Icon name="clock" size={14} />
              <span>{t('sync.clockWarning', { duration: formatDuration(status.clockSkewMs / 1000, t, lang) })}</span>
            </span>
          ),
        ])}
      </p>

      {!status && error && <span className="sync-bar-reason">{translateError(i18n, error)}</span>}
      {status?.connection === 'unconfigured' && (
        <a
          href="#settings"
          className="sync-bar-link"
          onClick={(event) => {
            event.preventDefault();
            onOpenSettings();
          }}
        >
          {t('sync.setUp')}
        </a>
      )}

      {batch && <PhotoBatchLine progress={batch} />}
      {status?.progress && <ProgressLine progress={status.progress} />}

      <span className="sync-bar-end">
        {status && configured && (
          <span className="sync-bar-last">
            {status.lastSyncAt === null ? (
              t('sync.neverSynced')
            ) : (
              <>
                {t('sync.lastSync')}{' '}
                <time dateTime={new Date(status.lastSyncAt).toISOString()}>{formatCompact(status.lastSyncAt, timeZone, lang)}</time>
              </>
            )}
          </span>
        )}
        <button type="button" className="btn btn-quiet btn-small" onClick={() => setOutboxOpen(true)}>
          <Icon name="queue" size={16} />
          <span>{t('sync.outbox')}</span>
        </button>
        {status?.connection !== 'unconfigured' && (
          <button
            type="button"
            className="btn btn-small sync-now"
            aria-disabled={running}
            aria-keyshortcuts={shortcutAria(SHORTCUTS.syncNow)}
            data-tooltip={`${t('sync.syncNow')} (${shortcut})`}
            data-tooltip-align="end"
            data-tooltip-place="above"
            onClick={() => void runNow()}
          >
            <Icon name="history" size={16} />
            <span>{t('sync.syncNow')}</span>
          </button>
        )}
      </span>

      {outboxOpen && (
        <OutboxDialog
          onClose={() => setOutboxOpen(false)}
          onOpenArticle={(id) => {
            setOutboxOpen(false);
            onOpenArticle(id);
          }}
        />
      )}
    </footer>
  );
}
