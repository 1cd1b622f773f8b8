/**
 * The bar above the article that says what the workflow means for the person right now: the
 * editor's note on a rejected article, or why the text cannot be changed.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkflowEvent } from '../../../../shared/domain';
import { formatLong } from '../../../../shared/newsroom-time';
import { useServices } from '../../app/services';
import { useSettings } from '../../app/useSettings';
import { Icon } from '../../ui/Icon';
import type { ArticleSession } from '../editor/article-session';
import { useCanEdit } from './article-meta';
import { currentRejection } from './history';
import { uiLanguage } from '../../i18n';

/** The rejection behind a rejected article, fetched again whenever its status changes. */
function useRejection(session: ArticleSession, status: string, statusChangedAt: number | null): WorkflowEvent | null {
  const { client } = useServices();
  const [found, setFound] = useState<{ key: string; event: WorkflowEvent | null } | null>(null);
  const key = `${session.id}:${status}:${statusChangedAt ?? ''}`;
  useEffect(() => {
    if (status !== 'rejected') return;
    let live = true;
    client.invoke('workflow-history', { id: session.id }).then(
      (events) => live && setFound({ key, event: currentRejection(events, 'rejected') }),
      // Without the history the bar still says the article was rejected; the note stays in "Riwayat naskah".
      () => live && setFound({ key, event: null }),
    );
    return () => {
      live = false;
    };
  }, [client, session.id, status, key]);
  return found?.key === key ? found.event : null;
}

export function WorkflowNotice({ session }: { session: ArticleSession }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useSettings();
  const { editable, role, summary } = useCanEdit(session);
  const rejection = useRejection(session, summary.status, summary.statusChangedAt);
  const lang = uiLanguage(i18n.language);

  if (summary.status === 'rejected') {
    return (
      <section className="notice notice-warning workflow-notice" aria-label={t('workflow.rejectedTitle')}>
        <Icon name="alert" />
        <div className="notice-text">
          <p className="notice-title">{t('workflow.rejectedTitle')}</p>
          {rejection && (
            <>
              <p className="notice-hint">
                {t('workflow.rejectedBy', { name: rejection.actorName || t('workflow.unnamed'), time: formatLong(rejection.createdAt, timeZone, lang) })}
              </p>
              <blockquote className="workflow-note">{rejection.note}</blockquote>
            </>
          )}
          <p className="notice-hint">{t(role === 'writer' ? 'workflow.rejectedHintWriter' : 'workflow.rejectedHintEditor')}</p>
        </div>
      </section>
    );
  }
  if (!editable) {
    const time = summary.publishAt === null ? '' : formatLong(summary.publishAt, timeZone, lang);
    return (
      <div className="notice notice-info workflow-notice">
        <Icon name="lock" />
        <div className="notice-text">
          <p>{t(`workflow.readOnly.${summary.status}`, { time, defaultValue: t('workflow.readOnly.other') })}</p>
        </div>
      </div>
    );
  }
  return null;
}
