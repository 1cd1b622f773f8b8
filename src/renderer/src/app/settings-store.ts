/** The user's settings: loaded at start, changed optimistically, kept in step across windows. */
import type { Settings } from '../../../shared/domain';
import type { ApiClient } from '../api';
import { Store } from './store';

export class SettingsStore {
  readonly settings = new Store<Settings | null>(null);

  constructor(private readonly client: ApiClient) {
    client.on('settings-changed', (settings) => this.settings.set(settings));
  }

  async load(): Promise<Settings> {
    const settings = await this.client.invoke('settings-get', {});
    this.settings.set(settings);
    return settings;
  }

  /** Applies at once; on failure the previous value comes back and the error is rethrown. */
  async update(patch: Partial<Settings>): Promise<void> {
    const before = this.settings.get();
    if (before) this.settings.set({ ...before, ...patch });
    try {
      this.settings.set(await this.client.invoke('settings-update', patch));
    } catch (err) {
      if (before) this.settings.set(before);
      throw err;
    }
  }
}
