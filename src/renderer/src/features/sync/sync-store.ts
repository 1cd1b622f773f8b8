/**
 * What the renderer knows of the portal and the sync to it: the connection settings, the sync status
 * (pushed by the backend on every change), the outbox, and the portal state of the article open in
 * the editor. Every call can fail (offline, or a backend without sync): each value keeps its last
 * answer next to the error, so the UI stays usable and says what is missing.
 */
import type { HandlerInput } from '../../../../shared/contract';
import type { LocalRole } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/errors';
import type { ArticlePortalState, ConnectionReport, PortalConnection, SyncItem, SyncStatus } from '../../../../shared/sync';
import { errorShapeOf, type ApiClient } from '../../api';
import { Store, type Readable } from '../../app/store';

export interface Loaded<T> {
  value: T | null;
  error: AppErrorShape | null;
}

export interface OpenArticlePortal extends Loaded<ArticlePortalState> {
  articleId: string;
}

export type PortalCredentials = HandlerInput<'portal-save'>;

export interface SyncStoreOptions {
  /** The connected account decides the role; called when it is known (and whenever it changes). */
  onAccountRole?: (role: LocalRole) => void;
}

const empty = <T>(): Loaded<T> => ({ value: null, error: null });

/** A window says again which article its editor shows this often; the backend lets go after 90 s of silence. */
export const HOLD_RENEW_MS = 30_000;

function newWindowId(): string {
  return globalThis.crypto.randomUUID();
}

/** What makes the open article's portal state worth asking again (not the bytes of an upload). */
function statusKey(s: SyncStatus | null): string {
  if (!s) return '';
  return [s.connection, s.pending, s.parked, s.conflicts, s.lastSyncAt ?? '', s.progress?.articleId ?? '', s.progress?.phase ?? ''].join('|');
}

export function isConfigured(portal: PortalConnection | null): boolean {
  return portal !== null && portal.address !== '';
}

/** The role that applies: the portal account's when one is connected, else the local choice. */
export function effectiveRole(localRole: LocalRole, portal: PortalConnection | null): LocalRole {
  return isConfigured(portal) && portal?.account ? portal.account.newsroomRole : localRole;
}

export class SyncStore {
  readonly status = new Store<Loaded<SyncStatus>>(empty());
  readonly portal = new Store<Loaded<PortalConnection>>(empty());
  readonly items = new Store<Loaded<SyncItem[]>>(empty());
  /** True while "Sinkronkan sekarang" runs (the backend's status says 'syncing' too, when it has one). */
  readonly running = new Store<boolean>(false);
  readonly openArticle = new Store<OpenArticlePortal | null>(null);

  /** This window, among the others that may show articles from the same backend (browser tabs). */
  private readonly windowId = newWindowId();
  /** The article open in the editor, whether or not the editor is on screen. */
  private openId: string | null = null;
  /** False while another screen (Antrean Terbit, Pengaturan) takes the editor's place. */
  private editorShown = true;
  private renewTimer: ReturnType<typeof setInterval> | null = null;
  /** The article the sync engine should leave alone (undefined: nothing asked yet). */
  private wantedHold: string | null | undefined = undefined;
  /** What the backend last confirmed; differs from `wantedHold` after a failed call. */
  private confirmedHold: string | null | undefined = undefined;
  private openArticleRequest = 0;
  private itemsWatched = false;
  private loaded = false;

  constructor(
    private readonly client: ApiClient,
    private readonly options: SyncStoreOptions = {},
  ) {
    client.on('sync-status', (status) => this.applyStatus(status));
    // Back online: whatever could not be told meanwhile is told now, and pushes missed are caught up.
    client.onConnection((connection) => {
      if (connection !== 'online') return;
      if (this.wantedHold !== this.confirmedHold) void this.sendHold();
      if (this.loaded) void this.refreshStatus();
    });
  }

  async load(): Promise<void> {
    this.loaded = true;
    await Promise.all([this.refreshStatus(), this.refreshPortal()]);
  }

  async refreshStatus(): Promise<void> {
    try {
      this.applyStatus(await this.client.invoke('sync-status', {}));
    } catch (err) {
      this.status.update((prev) => ({ value: prev.value, error: errorShapeOf(err) }));
    }
  }

  async refreshPortal(): Promise<void> {
    try {
      this.setPortal(await this.client.invoke('portal-get', {}));
    } catch (err) {
      this.portal.update((prev) => ({ value: prev.value, error: errorShapeOf(err) }));
    }
  }

  /** "Sinkronkan sekarang": resolves when the run is over, with the error when it failed. */
  async run(): Promise<AppErrorShape | null> {
    if (this.running.get()) return null;
    this.running.set(true);
    try {
      this.applyStatus(await this.client.invoke('sync-run', {}));
      return null;
    } catch (err) {
      const error = errorShapeOf(err);
      this.status.update((prev) => ({ value: prev.value, error }));
      return error;
    } finally {
      this.running.set(false);
    }
  }

  /** The outbox list, kept current from here on while something shows it. */
  async watchItems(): Promise<void> {
    this.itemsWatched = true;
    await this.refreshItems();
  }

  unwatchItems(): void {
    this.itemsWatched = false;
  }

  async refreshItems(): Promise<void> {
    try {
      this.items.set({ value: await this.client.invoke('sync-items', {}), error: null });
    } catch (err) {
      this.items.update((prev) => ({ value: prev.value, error: errorShapeOf(err) }));
    }
  }

  /** "Coba lagi" on a waiting or parked item. */
  async retry(articleId: string): Promise<AppErrorShape | null> {
    try {
      this.items.set({ value: await this.client.invoke('sync-retry', { articleId }), error: null });
      if (this.openArticle.get()?.articleId === articleId) void this.refreshOpenArticle();
      return null;
    } catch (err) {
      return errorShapeOf(err);
    }
  }

  /**
   * The article open in the editor: its portal state is followed, and while the editor is on screen
   * the backend is told to leave its text alone (the hold; status and the rest still follow the portal).
   */
  hold(articleId: string | null): void {
    this.openId = articleId;
    this.updateHold();
    if (articleId === null) this.openArticle.set(null);
    else if (this.openArticle.get()?.articleId !== articleId) {
      this.openArticle.set({ articleId, ...empty<ArticlePortalState>() });
      void this.refreshOpenArticle();
    }
  }

  /** Whether the editor is on screen (false while the queue or the settings take its place). */
  showEditor(shown: boolean): void {
    this.editorShown = shown;
    this.updateHold();
  }

  private updateHold(): void {
    const wanted = this.editorShown ? this.openId : null;
    if (wanted === this.wantedHold) return;
    this.wantedHold = wanted;
    void this.sendHold();
    if (wanted !== null && this.renewTimer === null) {
      // Said again while shown: a tab closed without a word must not hold the article for ever.
      this.renewTimer = setInterval(() => void this.sendHold(), HOLD_RENEW_MS);
    } else if (wanted === null && this.renewTimer !== null) {
      clearInterval(this.renewTimer);
      this.renewTimer = null;
    }
  }

  /** Follows what the editor shows: `openId` is read whenever `slot` changes. */
  follow(slot: Readable<unknown>, openId: () => string | null): () => void {
    this.hold(openId());
    return slot.subscribe(() => this.hold(openId()));
  }

  async refreshOpenArticle(): Promise<void> {
    const open = this.openArticle.get();
    if (!open) return;
    const request = ++this.openArticleRequest;
    const { articleId } = open;
    // Only the newest answer for the article still open counts.
    const current = (): boolean => request === this.openArticleRequest && this.openArticle.get()?.articleId === articleId;
    try {
      const value = await this.client.invoke('sync-article', { id: articleId });
      if (current()) this.openArticle.set({ articleId, value, error: null });
    } catch (err) {
      if (current()) this.openArticle.set({ articleId, value: this.openArticle.get()?.value ?? null, error: errorShapeOf(err) });
    }
  }

  testPortal(credentials: PortalCredentials): Promise<ConnectionReport> {
    return this.client.invoke('portal-test', credentials);
  }

  async savePortal(credentials: PortalCredentials): Promise<PortalConnection> {
    const saved = await this.client.invoke('portal-save', credentials);
    this.setPortal(saved);
    void this.refreshStatus();
    return saved;
  }

  async forgetPortal(): Promise<PortalConnection> {
    const forgotten = await this.client.invoke('portal-forget', {});
    this.setPortal(forgotten);
    void this.refreshStatus();
    return forgotten;
  }

  private setPortal(portal: PortalConnection): void {
    this.portal.set({ value: portal, error: null });
    const role = isConfigured(portal) ? portal.account?.newsroomRole : undefined;
    if (role) this.options.onAccountRole?.(role);
  }

  private applyStatus(status: SyncStatus): void {
    const before = this.status.get().value;
    this.status.set({ value: status, error: null });
    if (statusKey(before) === statusKey(status)) return;
    if (this.openArticle.get()) void this.refreshOpenArticle();
    if (this.itemsWatched) void this.refreshItems();
    if (this.wantedHold !== this.confirmedHold) void this.sendHold();
  }

  private async sendHold(): Promise<void> {
    const articleId = this.wantedHold;
    if (articleId === undefined) return;
    try {
      await this.client.invoke('sync-hold', { articleId, window: this.windowId });
      // A newer choice may have been sent meanwhile; it is the one that counts.
      if (this.wantedHold === articleId) this.confirmedHold = articleId;
    } catch {
      // Not confirmed: sent again when the connection or the sync status comes back.
      if (this.wantedHold === articleId) this.confirmedHold = undefined;
    }
  }
}
