/** Sync and portal values for renderer tests, with everything "fine" unless a test says otherwise. */
import type { ArticlePortalState, ConnectionStep, PortalConnection, SyncItem, SyncStatus } from '../../../shared/sync';

export function syncStatus(patch: Partial<SyncStatus> = {}): SyncStatus {
  return { connection: 'online', pending: 0, parked: 0, conflicts: 0, lastSyncAt: null, lastError: null, clockSkewMs: 0, clockWarning: false, progress: null, ...patch };
}

export function portalState(patch: Partial<ArticlePortalState> = {}): ArticlePortalState {
  return { postId: null, link: '', remoteStatus: '', missedSchedule: false, item: null, conflict: false, ...patch };
}

export function syncItem(patch: Partial<SyncItem> = {}): SyncItem {
  return { id: 1, articleId: '11111111-1111-4111-8111-111111111111', title: 'Banjir Tenggarong', trashed: false, state: 'pending', attempts: 0, nextAttemptAt: null, error: null, queuedAt: Date.UTC(2026, 10, 26, 0, 0), ...patch };
}

export const NOT_CONNECTED: PortalConnection = { address: '', username: '', hasPassword: false, account: null, siteTimeZone: null, verifiedAt: null };

export const CONNECTED: PortalConnection = {
  address: 'https://kabarkukar.id',
  username: 'rina',
  hasPassword: true,
  account: { name: 'Rina Wulandari', username: 'rina', roles: ['editor'], newsroomRole: 'editor', canPublish: true, canUploadMedia: true, canCreateTags: true },
  siteTimeZone: 'Asia/Makassar',
  verifiedAt: Date.UTC(2026, 10, 26, 0, 51),
};

export const step = (id: ConnectionStep['id'], status: ConnectionStep['status'], code: string, params: ConnectionStep['params'] = {}): ConnectionStep => ({ id, status, code, params });
