import { describe, expect, it } from 'vitest';
import type { ArticlePortalState, SyncItem } from '../../../../shared/sync';
import { deliveryOutcome } from './delivery-toasts';

const item = (state: SyncItem['state'], code?: string): SyncItem => ({
  id: 1,
  articleId: 'a',
  title: 'Banjir',
  trashed: false,
  state,
  attempts: 1,
  nextAttemptAt: null,
  error: code ? { kind: 'validation', code, message: code, retryable: false } : null,
  queuedAt: 0,
});
const portal = (over: Partial<ArticlePortalState>): ArticlePortalState => ({ postId: 7, link: '', remoteStatus: 'pending', missedSchedule: false, item: null, conflict: false, ...over });

describe('what a step\'s toast may say', () => {
  it('"sent" only once the item was seen on its way and is gone', () => {
    expect(deliveryOutcome(portal({ item: null }), 'online', false)).toBeNull();
    expect(deliveryOutcome(portal({ item: item('pending') }), 'online', false)).toBeNull();
    expect(deliveryOutcome(portal({ item: item('sending') }), 'syncing', true)).toBeNull();
    expect(deliveryOutcome(portal({ item: null }), 'online', true)).toBe('sent');
  });

  it('"waiting" offline or after a failed attempt, "held" with a reason when parked', () => {
    expect(deliveryOutcome(portal({ item: item('pending') }), 'offline', true)).toBe('waiting');
    expect(deliveryOutcome(portal({ item: item('waiting', 'portal.timeout') }), 'online', true)).toBe('waiting');
    expect(deliveryOutcome(portal({ item: item('parked', 'sync.photosNotUploaded') }), 'online', true)).toBe('held');
    expect(deliveryOutcome(null, 'online', true)).toBeNull();
  });
});
