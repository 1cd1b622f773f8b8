import type { Settings } from '../../../shared/domain';
import { DEFAULT_TIME_ZONE } from '../../../shared/newsroom-time';
import { useServices } from './services';
import { useStore } from './store';

const FALLBACK: Settings = {
  language: 'id',
  theme: 'system',
  role: 'writer',
  timeZone: DEFAULT_TIME_ZONE,
  onboarded: false,
  displayName: '',
  photoLongEdge: 1600,
  photoFormat: 'jpeg',
  bylineOnPortal: false,
};

/** The current settings; the app renders its main screens only after they have loaded. */
export function useSettings(): Settings {
  const { settings } = useServices();
  return useStore(settings.settings) ?? FALLBACK;
}
