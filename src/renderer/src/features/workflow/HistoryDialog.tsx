/** "Riwayat naskah": every workflow step of the article, newest first, with who, when (newsroom time) and notes. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkflowEvent } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/errors';
import { formatLong } from '../../../../shared/newsroom-time';
import { errorShapeOf } from '../../api';
import { useServices } from '../../app/services';
import { useSettings } from '../../app/useSettings';
import { translateError } from '../../i18n/errors';
import { Dialog } from '../../ui/Dialog';
import { Icon } from '../../ui/Icon';
import { eventKey, newestFirst } from './history';
import { uiLanguage } from '../../i18n';

type Loadable = { status: 'loading' } | { status: 'error'; error: AppErrorShape } | { status: 'ready'; events: WorkflowEvent[] };

export function HistoryDialog({ articleId, onClose }: { articleId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { client } = useServices();
  const { timeZone } = useSettings();
  const [state, setState] = useState<Loadable>({ status: 'loading' });
  const lang = uiLanguage(i18n.language);

  useEffect(() => {
    let live = true;
    client.invoke('workflow-history', { id: articleId }).then(
      (events) => live && setState({ status: 'ready', events: newestFirst(events) }),
      (err: unknown) => live && setState({ status: 'error', error: errorShapeOf(err) }),
    );
    return () => {
      live = false;
    };
  }, [client, articleId]);

  const closeButton = (
    <button type="button" className="icon-btn" aria-label={t('history.close')} onClick={onClose}>
      <Icon name="close" />
    </button>
  );

  return (
    <Dialog title={t('history.title')} onClose={onClose} className="dialog-history" headerEnd={closeButton}>
      <div className="history-body">
        {state.status === 'loading' && <p className="muted">{t('history.loading')}</p>}
        {state.status === 'error' && <p className="field-error">{translateError(i18n, state.error)}</p>}
        {state.status === 'ready' && state.events.length === 0 && <p className="muted">{t('history.empty')}</p>}
        {state.status === 'ready' && state.events.length > 0 && (
          <ol className="history-list" aria-label={t('history.title')}>
            {state.events.map((event) => (
              <li key={event.id} className={`history-item history-${event.action}`}>
                <p className="history-what">
                  <strong>{t(eventKey(event))}</strong>
                </p>
                <p className="history-who">
                  {t('history.by', {
                    name: event.actorName || t('workflow.unnamed'),
                    role: t(event.actorRole === 'editor' ? 'settings.roleEditor' : 'settings.roleWriter'),
                  })}
                </p>
                <p className="history-when">
                  <time dateTime={new Date(event.createdAt).toISOString()}>{formatLong(event.createdAt, timeZone, lang)}</time>
                </p>
                {event.action === 'schedule' && event.publishAt !== null && (
                  <p className="history-schedule">
                    <Icon name="clock" size={16} />
                    <span>{t('history.scheduledFor', { time: formatLong(event.publishAt, timeZone, lang) })}</span>
                  </p>
                )}
                {event.note && (
                  <blockquote className="history-note">
                    <span className="visually-hidden">{t('history.note')}: </span>
                    {event.note}
                  </blockquote>
                )}
              </li>
            ))}
          </ol>
        )}
      </div>
    </Dialog>
  );
}
