/** The save status (the app's one role="status") and the bar that explains problems and offers choices. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { useStore } from '../../app/store';
import { translateError } from '../../i18n/errors';
import { Icon } from '../../ui/Icon';
import type { ArticleSession } from './article-session';

export function SaveStatus({ session }: { session: ArticleSession }) {
  const { t } = useTranslation();
  const state = useStore({ get: session.scheduler.getState, subscribe: session.scheduler.subscribe });
  let label: string;
  if (state.phase === 'saved') label = t('save.saved');
  else if (state.phase === 'saving') label = t('save.saving');
  else if (state.phase === 'conflict') label = t('save.conflict');
  else label = state.error.kind === 'network' ? t('save.offline') : t('save.failed');
  return (
    <div className={`save-status save-${state.phase}`}>
      <Icon name={state.phase === 'saved' ? 'check' : state.phase === 'saving' ? 'history' : state.phase === 'error' && state.error.kind === 'network' ? 'offline' : 'alert'} size={16} />
      <span role="status">{label}</span>
    </div>
  );
}

/** About 15 s of retries (1 + 2 + 4 + 8 s pauses): longer than a host takes to start again. */
export const MOVED_HINT_AFTER_FAILURES = 5;

export function NoticeBar({ session }: { session: ArticleSession }) {
  const { t } = useTranslation();
  const { i18n, workspace, client, toasts } = useServices();
  const notice = useStore(session.notice);
  const state = useStore({ get: session.scheduler.getState, subscribe: session.scheduler.subscribe });
  const [busy, setBusy] = useState(false);

  const run = (action: () => Promise<unknown>) => async () => {
    setBusy(true);
    try {
      await action();
    } catch (err) {
      workspace.showError(err);
    } finally {
      setBusy(false);
    }
  };

  if (notice === 'conflict') {
    return (
      <div className="notice notice-warning" role="alert">
        <Icon name="alert" />
        <div className="notice-text">
          <p className="notice-title">{t('conflict.title')}</p>
          <p>{t('conflict.body')}</p>
          <p className="notice-hint">{t('conflict.loadTheirsHint')}</p>
        </div>
        <div className="notice-actions">
          <button type="button" className="btn btn-primary" disabled={busy} onClick={run(() => session.keepMine())}>
            {t('conflict.keepMine')}
          </button>
          <button type="button" className="btn" disabled={busy} onClick={run(() => session.loadSaved())}>
            {t('conflict.loadTheirs')}
          </button>
        </div>
      </div>
    );
  }
  if (notice === 'stale') {
    return (
      <div className="notice notice-info">
        <Icon name="history" />
        <div className="notice-text">
          <p className="notice-title">{t('conflict.staleTitle')}</p>
          <p>{t('conflict.staleBody')}</p>
        </div>
        <div className="notice-actions">
          <button type="button" className="btn btn-primary" disabled={busy} onClick={run(() => session.loadSaved())}>
            {t('conflict.loadLatest')}
          </button>
          <button type="button" className="btn" onClick={() => session.dismissNotice()}>
            {t('conflict.dismiss')}
          </button>
        </div>
      </div>
    );
  }
  if (state.phase === 'error') {
    // Refused token: no retry can work. Long unreachable in browser mode: the host may be back on
    // another address, which this page can never reach. Either way the text on screen is all there is.
    const refused = state.error.kind === 'auth';
    const maybeMoved = client.transport === 'web' && state.error.kind === 'network' && state.failures >= MOVED_HINT_AFTER_FAILURES;
    const copy = async () => {
      try {
        await navigator.clipboard.writeText(session.textForCopy());
        toasts.show({ text: (tr) => tr('save.copied'), durationMs: 10_000 });
      } catch {
        toasts.show({ tone: 'error', text: (tr) => tr('save.copyFailed'), durationMs: 15_000 });
      }
    };
    return (
      <div className="notice notice-error">
        <Icon name={state.error.kind === 'network' ? 'offline' : 'alert'} />
        <div className="notice-text">
          <p>
            {translateError(i18n, state.error)} {state.retrying && t('save.autoRetry')}
          </p>
          {maybeMoved && <p className="notice-hint">{t('save.movedHint')}</p>}
        </div>
        <div className="notice-actions">
          {!refused && (
            <button type="button" className="btn" onClick={() => void session.flush()}>
              {t('save.retryNow')}
            </button>
          )}
          {(refused || maybeMoved) && (
            <button type="button" className={refused ? 'btn btn-primary' : 'btn'} onClick={() => void copy()}>
              {t('save.copyText')}
            </button>
          )}
        </div>
      </div>
    );
  }
  return null;
}
