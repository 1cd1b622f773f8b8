/**
 * The app's long-lived objects, handed to components through context. Types only here, so that a
 * component using the hook does not load every service (and no import cycle runs through it);
 * they are made in create-services.ts.
 */
import type { i18n as I18n } from 'i18next';
import { createContext, useContext, type ReactNode } from 'react';
import type { ApiClient } from '../api';
import type { ArticlesStore } from '../features/articles/articles-store';
import type { MediaLibrary } from '../features/photos/media-library';
import type { ImportProgress } from '../features/photos/photo-import';
import type { PhotoImports } from '../features/photos/photo-imports';
import type { SyncStore } from '../features/sync/sync-store';
import type { ToastStore } from '../ui/toasts';
import type { CommandRegistry } from './commands';
import type { SettingsStore } from './settings-store';
import type { Store } from './store';
import type { Workspace } from './workspace';

export interface Services {
  client: ApiClient;
  i18n: I18n;
  settings: SettingsStore;
  articles: ArticlesStore;
  media: MediaLibrary;
  toasts: ToastStore;
  workspace: Workspace;
  commands: CommandRegistry;
  sync: SyncStore;
  /** The photo batch being prepared in the open article (for the status bar), or null. */
  photoBatch: Store<ImportProgress | null>;
  /** Photo imports by article: a run goes on when the person opens another article. */
  photoImports: PhotoImports;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}
