/**
 * "Antrean kirim": every article waiting to reach the portal, with its state and, for the ones that
 * failed, the reason in plain words and "Coba lagi". Kept current while open.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCompact } from '../../../../shared/newsroom-time';
import type { SyncItem } from '../../../../shared/sync';
import { ClientError } from '../../api';
import { useServices } from '../../app/services';
import { useStore } from '../../app/store';
import { useSettings } from '../../app/useSettings';
import { formatNumber, uiLanguage } from '../../i18n';
import { translateError } from '../../i18n/errors';
import { Dialog, DialogCloseButton } from '../../ui/Dialog';
import { Icon, type IconName } from '../../ui/Icon';
import { canRetry, formatDuration } from './sync-copy';

export const ITEM_ICON: Record<SyncItem['state'], IconName> = { pending: 'clock', sending: 'history', waiting: 'clock', parked: 'alert' };

/** The state of one item and what it means, shared by the outbox list and the article's panel. */
export function ItemState({ item }: { item: SyncItem }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useSettings();
  const lang = uiLanguage(i18n.language);
  const details = [
    item.attempts > 0 ? t('sync.attempts', { count: item.attempts, formatted: formatNumber(item.attempts, lang) }) : null,
    item.state === 'waiting' && item.nextAttemptAt !== null ? t('sync.nextAttempt', { time: formatCompact(item.nextAttemptAt, timeZone, lang) }) : null,
  ].filter(Boolean);
  return (
    <div className={`sync-item-state is-${item.state}`}>
      <p className="sync-item-word">
        <Icon name={ITEM_ICON[item.state]} size={14} />
        <span>{t(`sync.state.${item.state}`)}</span>
        {details.length > 0 && <span className="sync-item-details"> · {details.join(' · ')}</span>}
      </p>
      {item.error && <p className="sync-item-reason">{t('sync.reason', { reason: translateError(i18n, item.error) })}</p>}
      <p className="field-hint">{t(`sync.stateHint.${item.state}`)}</p>
    </div>
  );
}

export function OutboxDialog({ onClose, onOpenArticle }: { onClose: () => void; onOpenArticle: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const { sync, workspace, toasts } = useServices();
  const { timeZone } = useSettings();
  const items = useStore(sync.items);
  const status = useStore(sync.status).value;
  const [busy, setBusy] = useState<string | null>(null);
  const lang = uiLanguage(i18n.language);

  useEffect(() => {
    void sync.watchItems();
    return () => sync.unwatchItems();
  }, [sync]);

  const retry = async (item: SyncItem): Promise<void> => {
    if (busy) return;
    setBusy(item.articleId);
    const failure = await sync.retry(item.articleId);
    setBusy(null);
    if (failure) workspace.showError(new ClientError(failure));
    else toasts.show({ text: (tr) => tr('sync.retried', { title: item.title || tr('articles.untitled') }) });
  };

  return (
    <Dialog
      title={t('sync.outbox')}
      onClose={onClose}
      className="dialog-outbox"
      headerEnd={<DialogCloseButton label={t('sync.close')} onClose={onClose} />}
    >
      <div className="outbox">
        <p className="dialog-text">{t('sync.outboxHint')}</p>
        {status?.lastError && (
          <p className="notice notice-warning outbox-notice">
            <Icon name="offline" />
            <span>{t('sync.lastError', { reason: translateError(i18n, status.lastError) })}</span>
          </p>
        )}
        {status?.clockWarning && status.clockSkewMs !== null && (
          <p className="notice notice-warning outbox-notice">
            <Icon name="clock" />
            <span>
              {t('sync.clockWarning', { duration: formatDuration(status.clockSkewMs / 1000, t, lang) })}. {t('sync.clockWarningHint')}
            </span>
          </p>
        )}
        {items.error && <p className="field-error">{translateError(i18n, items.error)}</p>}
        {items.value === null && !items.error && <p className="muted">{t('sync.loading')}</p>}
        {items.value?.length === 0 && <p className="outbox-empty">{t('sync.outboxEmpty')}</p>}
        {items.value && items.value.length > 0 && (
          <ul className="outbox-list" aria-label={t('sync.outboxList')}>
            {items.value.map((item) => {
              const title = item.title || t('articles.untitled');
              return (
                <li key={item.id} className={`outbox-item is-${item.state}`}>
                  <div className="outbox-item-main">
                    <p className="outbox-item-title">{title}</p>
                    <ItemState item={item} />
                    {item.trashed && <p className="field-hint">{t('sync.trashedHint')}</p>}
                    <p className="field-hint">{t('sync.queuedAt', { time: formatCompact(item.queuedAt, timeZone, lang) })}</p>
                  </div>
                  <div className="outbox-item-actions">
                    {canRetry(item) && (
                      <button type="button" className="btn btn-small" aria-label={t('sync.retryOf', { title })} aria-disabled={busy !== null} onClick={() => void retry(item)}>
                        {t('sync.retry')}
                      </button>
                    )}
                    <button
                      type="button"
                      className="btn btn-quiet btn-small"
                      aria-label={t('sync.openArticleOf', { title })}
                      data-tooltip={t('sync.openArticleOf', { title })}
                      data-tooltip-align="end"
                      onClick={() => onOpenArticle(item.articleId)}>
                      <Icon name="articles" size={16} />
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </Dialog>
  );
}
