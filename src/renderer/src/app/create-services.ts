/** Creates the app's long-lived objects once at start (see services.tsx for what each is). */
import type { i18n as I18n } from 'i18next';
import type { ApiClient } from '../api';
import { ArticlesStore } from '../features/articles/articles-store';
import { MediaLibrary } from '../features/photos/media-library';
import type { ImportProgress } from '../features/photos/photo-import';
import { PhotoImports } from '../features/photos/photo-imports';
import { SyncStore } from '../features/sync/sync-store';
import { ToastStore } from '../ui/toasts';
import { CommandRegistry } from './commands';
import type { Services } from './services';
import { SettingsStore } from './settings-store';
import { Store } from './store';
import { Workspace } from './workspace';

export function createServices(client: ApiClient, i18n: I18n): Services {
  const settings = new SettingsStore(client);
  const articles = new ArticlesStore(client);
  const media = new MediaLibrary(client);
  const toasts = new ToastStore();
  const photoImports = new PhotoImports({ client, media, toasts, i18n });
  const workspace = new Workspace(client, articles, toasts, i18n, (id) => photoImports.busy(id));
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
    photoImports,
  };
}

