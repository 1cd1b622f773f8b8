/**
 * What the renderer knows about prepared photos: one observable entry per media id, fetched once
 * (media-get) and shared by every figure and thumbnail that shows the same photo. A photo that was
 * just imported is known at once, without a second request.
 */
import type { MediaItem } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/errors';
import type { MediaVariant } from '../../../../shared/transport';
import { errorShapeOf, type ApiClient } from '../../api';
import { Store } from '../../app/store';

export type MediaEntry = { status: 'loading' } | { status: 'ready'; item: MediaItem } | { status: 'error'; error: AppErrorShape };

export class MediaLibrary {
  private readonly entries = new Map<string, Store<MediaEntry>>();

  constructor(private readonly client: ApiClient) {
    // Photos that could not be looked up while the backend was unreachable are asked for again.
    client.onConnection((connection) => {
      if (connection !== 'online') return;
      for (const [id, store] of this.entries) {
        const entry = store.get();
        if (entry.status === 'error' && entry.error.kind === 'network') this.fetch(id, store);
      }
    });
  }

  /** The entry for a media id; the first request for an id starts fetching it. */
  entry(id: string): Store<MediaEntry> {
    let store = this.entries.get(id);
    if (!store) {
      store = new Store<MediaEntry>({ status: 'loading' });
      this.entries.set(id, store);
      this.fetch(id, store);
    }
    return store;
  }

  /** A photo the backend just returned (e.g. from media-import). */
  remember(item: MediaItem): void {
    const store = this.entries.get(item.id);
    const entry: MediaEntry = { status: 'ready', item };
    if (store) store.set(entry);
    else this.entries.set(item.id, new Store<MediaEntry>(entry));
  }

  retry(id: string): void {
    const store = this.entries.get(id);
    if (store && store.get().status === 'error') this.fetch(id, store);
  }

  url(variant: MediaVariant, item: MediaItem): string {
    return this.client.mediaUrl(variant, variant === 'thumb' ? item.thumbHash : item.fileHash);
  }

  private fetch(id: string, store: Store<MediaEntry>): void {
    if (store.get().status !== 'loading') store.set({ status: 'loading' });
    this.client.invoke('media-get', { id }).then(
      (item) => store.set({ status: 'ready', item }),
      (err: unknown) => store.set({ status: 'error', error: errorShapeOf(err) }),
    );
  }
}
