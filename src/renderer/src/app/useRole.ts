import type { LocalRole } from '../../../shared/domain';
import { effectiveRole } from '../features/sync/sync-store';
import { useServices } from './services';
import { useStore } from './store';
import { useSettings } from './useSettings';

/** The role that applies now: a connected portal account's, otherwise the one chosen in Pengaturan. */
export function useRole(): LocalRole {
  const { sync } = useServices();
  const { role } = useSettings();
  const portal = useStore(sync.portal);
  return effectiveRole(role, portal.value);
}
