/** The audit trail in words: which sentence names each action, and the newest rejection. */
import type { ArticleStatus, WorkflowEvent } from '../../../../shared/domain';

/** i18n key of the status's name ("Dikirim", "Terjadwal", ...). */
export const statusKey = (status: ArticleStatus): string => `workflow.status.${status}`;

/** i18n key of what happened, as the history shows it ("Dikirim ke redaktur", "Ditolak", ...). */
export const eventKey = (event: Pick<WorkflowEvent, 'action'>): string => `history.action.${event.action}`;

/** The rejection the article is still under: the newest event, when it is a rejection. */
export function currentRejection(events: readonly WorkflowEvent[], status: ArticleStatus): WorkflowEvent | null {
  if (status !== 'rejected') return null;
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]!;
    if (event.action === 'reject') return event;
  }
  return null;
}

/** Newest first, ties (same millisecond) in the order the backend recorded them, reversed. */
export function newestFirst(events: readonly WorkflowEvent[]): WorkflowEvent[] {
  return events.map((event, index) => ({ event, index })).sort((a, b) => b.event.createdAt - a.event.createdAt || b.index - a.index).map(({ event }) => event);
}
