/** The app's long-lived objects, created once at start and handed to components through context. */
import type { ImportProgress } from '../features/photos/photo-import';
import { Store } from './store';
import type { i18n as I18n } from 'i18next';
import { createContext, useContext, type ReactNode } from 'react';
import type { ApiClient } from '../api';
import { ArticlesStore } from '../features/articles/articles-store';
import { MediaLibrary } from '../features/photos/media-library';
import { PhotoImports } from '../features/photos/photo-imports';
import { SyncStore } from '../features/sync/sync-store';
import { ToastStore } from '../ui/toasts';
import { CommandRegistry } from './commands';
import { SettingsStore } from './settings-store';
import { Workspace } from './workspace';

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

export function createServices(client: ApiClient, i18n: I18n): Services {
  const settings = new SettingsStore(client);
  const articles = new ArticlesStore(client);
  const media = new MediaLibrary(client);
  const toasts = new ToastStore();
  const workspace = new Workspace(client, articles, toasts, i18n);
  // The connected account's role comes with the settings (the backend sends them again when the
  // connection changes), so nothing here needs to write it.
  const sync = new SyncStore(client);
  sync.follow(workspace.slot, () => workspace.openId());
  return {
    client,
    i18n,
    settings,
    articles,
    media,
    toasts,
    workspace,
    commands: new CommandRegistry(),
    sync,
    photoBatch: new Store<ImportProgress | null>(null),
    photoImports: new PhotoImports({ client, media, toasts, i18n }),
  };
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
