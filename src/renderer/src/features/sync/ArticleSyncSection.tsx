/**
 * The article's place on the portal, in the side panel: WordPress's status, the link to the post,
 * the outbox item with its reason and "Coba lagi", and a conflict notice that opens the conflict
 * view. Shown once a portal is set up, or when the article already has something to say about it.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClientError } from '../../api';
import { useServices } from '../../app/services';
import { useStore } from '../../app/store';
import { translateError } from '../../i18n/errors';
import { Icon } from '../../ui/Icon';
import type { ArticleSession } from '../editor/article-session';
import { ConflictDialog } from './ConflictDialog';
import { ItemState } from './OutboxDialog';
import { canRetry, remoteStatusText } from './sync-copy';
import { isConfigured, type OpenArticlePortal } from './sync-store';

/** The portal state of this article, once the sync store has it (it follows the open article). */
export function useArticlePortal(articleId: string): OpenArticlePortal | null {
  const { sync } = useServices();
  const open = useStore(sync.openArticle);
  return open?.articleId === articleId ? open : null;
}

/** Only web links leave the app (Electron hands them to the system browser). */
const isWebLink = (link: string): boolean => /^https?:\/\//i.test(link);

export function ArticleSyncSection({ session }: { session: ArticleSession }) {
  const { t, i18n } = useTranslation();
  const { sync, workspace, toasts } = useServices();
  const portal = useStore(sync.portal).value;
  const state = useArticlePortal(session.id);
  const [conflictOpen, setConflictOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const headingId = useId();
  const linkHintId = useId();

  const value = state?.value ?? null;
  const relevant = isConfigured(portal) || (value !== null && (value.item !== null || value.postId !== null || value.conflict));
  if (!state || !relevant) return null;

  const retry = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    const failure = await sync.retry(session.id);
    setBusy(false);
    if (failure) workspace.showError(new ClientError(failure));
    else toasts.show({ text: (tr) => tr('sync.retried', { title: session.title || tr('articles.untitled') }) });
  };

  return (
    <section className="panel-section portal-state" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel-heading">
        {t('portalState.heading')}
      </h2>
      {state.error && !value && <p className="field-hint">{`${t('portalState.loadFailed')} ${translateError(i18n, state.error)}`}</p>}
      {value && (
        <div className="portal-state-facts">
          <p>{remoteStatusText(value.remoteStatus, t)}</p>
          {value.link && isWebLink(value.link) && (
            <p>
              <a className="portal-state-link" href={value.link} target="_blank" rel="noopener noreferrer" aria-describedby={linkHintId}>
                <span>{t('portalState.viewPost')}</span>
                <Icon name="chevronRight" size={14} />
              </a>
              <span id={linkHintId} className="visually-hidden">
                {t('portalState.viewPostHint')}
              </span>
            </p>
          )}
          {value.item && (
            <>
              <ItemState item={value.item} />
              {canRetry(value.item) && (
                <button type="button" className="btn btn-small" aria-disabled={busy} onClick={() => void retry()}>
                  {t('sync.retry')}
                </button>
              )}
            </>
          )}
        </div>
      )}
      {value?.conflict && (
        <div className="notice notice-warning">
          <Icon name="alert" />
          <div className="notice-text">
            <p className="notice-title">{t('portalState.conflictTitle')}</p>
            <p className="notice-hint">{t('portalState.conflictBody')}</p>
            <div className="notice-actions">
              <button type="button" className="btn btn-primary" onClick={() => setConflictOpen(true)}>
                {t('portalState.conflictOpen')}
              </button>
            </div>
          </div>
        </div>
      )}
      {conflictOpen && <ConflictDialog session={session} onClose={() => setConflictOpen(false)} />}
    </section>
  );
}
