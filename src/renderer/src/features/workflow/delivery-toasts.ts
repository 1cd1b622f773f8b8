/**
 * Toasts that say what really happened to a workflow step when a portal is connected: taken here
 * and on its way, waiting for the connection, then sent, or held with the reason. The step itself
 * is local at once; only the portal's answer makes it "sent".
 */
import { useEffect, useRef } from 'react';
import type { ArticlePortalState, ConnectionState } from '../../../../shared/sync';
import { useServices } from '../../app/services';
import { useStore } from '../../app/store';
import { translateError } from '../../i18n/errors';
import { useArticlePortal } from '../sync/ArticleSyncSection';
import { isConfigured } from '../sync/sync-store';
import type { ArticleSession } from '../editor/article-session';

export type DeliveryOutcome = 'sent' | 'waiting' | 'held' | null;

/**
 * What the open article's portal state says about a step just taken. `seenQueued`: the step's
 * outbox item was seen on its way (so its absence now means it was delivered).
 */
export function deliveryOutcome(state: ArticlePortalState | null, connection: ConnectionState | undefined, seenQueued: boolean): DeliveryOutcome {
  if (!state) return null;
  if (state.item?.state === 'parked') return 'held';
  if (state.item && (state.item.state === 'waiting' || connection === 'offline')) return 'waiting';
  if (state.item === null && seenQueued) return 'sent';
  return null;
}

/** Call the returned function after a step: the first toast now, the outcome when the portal answers. */
export function useDeliveryToasts(session: ArticleSession): (doneText: string) => boolean {
  const { sync, toasts, i18n } = useServices();
  const portal = useStore(sync.portal).value;
  const connection = useStore(sync.status).value?.connection;
  const open = useArticlePortal(session.id);
  const watching = useRef<{ seenQueued: boolean; told: Set<DeliveryOutcome> } | null>(null);

  const state = open?.value ?? null;
  useEffect(() => {
    const watch = watching.current;
    if (!watch || !state) return;
    if (state.item && (state.item.state === 'pending' || state.item.state === 'sending')) watch.seenQueued = true;
    const outcome = deliveryOutcome(state, connection, watch.seenQueued);
    if (outcome === null || watch.told.has(outcome)) return;
    watch.told.add(outcome);
    if (outcome === 'held') {
      const error = state.item?.error;
      toasts.show({ tone: 'error', text: (t) => (error ? `${t('workflow.delivery.held')} ${translateError(i18n, error)}` : t('workflow.delivery.held')), durationMs: 10_000 });
      watching.current = null;
    } else if (outcome === 'sent') {
      toasts.show({ text: (t) => t('workflow.delivery.sent') });
      watching.current = null;
    } else {
      toasts.show({ text: (t) => t('workflow.delivery.waiting') });
    }
  }, [state, connection, toasts, i18n]);

  /** Shows the step's own toast; true when a portal is connected and the outcome will follow. */
  return (doneText: string): boolean => {
    if (!isConfigured(portal)) {
      toasts.show({ text: () => doneText });
      return false;
    }
    watching.current = { seenQueued: false, told: new Set() };
    toasts.show({ text: (t) => `${doneText} ${t(connection === 'offline' ? 'workflow.delivery.offline' : 'workflow.delivery.going')}` });
    return true;
  };
}
