/** The article lists shown in the sidebar (active and trash), refreshed when the backend says so. */
import type { ArticleSummary } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/errors';
import { errorShapeOf, type ApiClient } from '../../api';
import { Store } from '../../app/store';
import { sameSummary } from './summary';

export interface ListState {
  items: readonly ArticleSummary[] | null;
  error: AppErrorShape | null;
}

type Scope = 'active' | 'trash';
const REFRESH_DELAY_MS = 150;

function sameList(a: readonly ArticleSummary[] | null, b: readonly ArticleSummary[]): boolean {
  return a !== null && a.length === b.length && a.every((item, i) => sameSummary(item, b[i]!));
}

const byNewest = (a: ArticleSummary, b: ArticleSummary): number => b.updatedAt - a.updatedAt;

export class ArticlesStore {
  readonly active = new Store<ListState>({ items: null, error: null });
  readonly trash = new Store<ListState>({ items: null, error: null });
  private trashWatched = false;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly running = new Map<Scope, Promise<void>>();
  private readonly again = new Set<Scope>();

  constructor(private readonly client: ApiClient) {
    client.on('articles-changed', () => this.scheduleRefresh());
    client.onConnection((c) => {
      if (c === 'online') this.scheduleRefresh();
    });
  }

  /** The trash list is fetched only once someone looks at it. */
  watchTrash(): void {
    this.trashWatched = true;
    void this.refresh('trash');
  }

  scheduleRefresh(): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      void this.refresh('active');
      if (this.trashWatched) void this.refresh('trash');
    }, REFRESH_DELAY_MS);
  }

  /** One request per list at a time; a refresh asked for meanwhile runs right after. */
  refresh(scope: Scope): Promise<void> {
    const current = this.running.get(scope);
    if (current) {
      this.again.add(scope);
      return current;
    }
    const store = scope === 'active' ? this.active : this.trash;
    const run = (async () => {
      try {
        const items = await this.client.invoke('articles-list', { scope, limit: 1000 });
        if (!sameList(store.get().items, items) || store.get().error) store.set({ items, error: null });
      } catch (err) {
        store.set({ items: store.get().items, error: errorShapeOf(err) });
      } finally {
        this.running.delete(scope);
        if (this.again.delete(scope)) void this.refresh(scope);
      }
    })();
    this.running.set(scope, run);
    return run;
  }

  /** Reflects a save at once, without waiting for the next refresh. */
  patch(patch: Partial<ArticleSummary> & { id: string }): void {
    const { items, error } = this.active.get();
    if (!items) return;
    const index = items.findIndex((a) => a.id === patch.id);
    if (index < 0) return;
    const next = { ...items[index]!, ...patch };
    if (sameSummary(items[index]!, next)) return;
    const list = [...items];
    list[index] = next;
    list.sort(byNewest);
    this.active.set({ items: list, error });
  }

  insert(summary: ArticleSummary): void {
    const { items, error } = this.active.get();
    const rest = (items ?? []).filter((a) => a.id !== summary.id);
    this.active.set({ items: [summary, ...rest].sort(byNewest), error });
  }

  remove(id: string): void {
    for (const store of [this.active, this.trash]) {
      const { items, error } = store.get();
      if (items?.some((a) => a.id === id)) store.set({ items: items.filter((a) => a.id !== id), error });
    }
  }
}
