/**
 * What a reporter does to the app between two kills: types (rapid autosaves with growing text),
 * imports photos, and writes, submits and syncs articles. The soak's model of the world is what the
 * host acknowledged; after a kill it is brought in line with what the database kept (a call the kill
 * interrupted may or may not have been committed).
 */
import type { Article, MediaImportResult, SaveResult, Term } from '../../src/shared/domain';
import { lexicalToPlainText, type LexicalDocument } from '../../src/shared/lexical-document';
import type { SyncStatus } from '../../src/shared/sync';
import { articleBody, imageNode } from '../../src/core/portal/portal-tests/sync-helpers';
import type { Acknowledged, StoredArticle } from './checks';
import type { HostClient } from './host-client';

export type Phase = 'typing' | 'photos' | 'sync' | 'all';
export const PHASES: Phase[] = ['typing', 'photos', 'sync', 'all'];

const WORDS = (
  'hujan lebat angin kencang petir banjir Samarinda Tenggarong Kutai Kartanegara warga mengungsi BPBD ' +
  'sungai Mahakam meluap jalan poros tergenang listrik padam posko bantuan relawan Senin malam'
).split(' ');
/** A typing article is replaced by a fresh one past this length (a long article, not a book). */
const TYPING_TEXT_LIMIT = 8_000;
/** Share of sync cycles that save the portal connection again. */
const RECONNECT_PROBABILITY = 0.15;

export interface PortalAccount {
  address: string;
  username: string;
  appPassword: string;
}

export interface WorkloadOptions {
  random: () => number;
  /** Distinct in every run, in titles (the portal is shared with other runs). */
  token: string;
  portal: PortalAccount;
  /** A category that exists on the portal. */
  category: string;
  /** A distinct small JPEG for each number. */
  photo: (n: number) => Promise<Uint8Array>;
}

/** An article on its way to submission; after a kill, what the database kept says which steps are left. */
interface Submission {
  id: string;
  title: string;
  version: number;
  photoNumber: number;
  mediaId: string | null;
  saved: boolean;
  categorySet: boolean;
}

/** Stops the loops of a cycle: set just before the kill, so nothing new starts but what is in flight. */
export interface Stop {
  stopped: boolean;
}

export class Workload {
  readonly acked: Acknowledged = { saves: new Map(), media: new Map(), submitted: new Set() };
  private typing: { id: string; version: number; text: string; title: string } | null = null;
  private submission: Submission | null = null;
  private connected = false;
  private photoNumber = 0;
  private articleNumber = 0;
  /** Calls the host answered with ok. */
  acknowledgedCalls = 0;
  syncRuns = 0;

  constructor(private readonly options: WorkloadOptions) {}

  /** The loops of one cycle, until `stop` (or until the host stops answering). */
  async run(client: HostClient, phase: Phase, stop: Stop): Promise<void> {
    const loops: Promise<void>[] = [];
    if (phase === 'typing' || phase === 'all') loops.push(this.typeLoop(client, stop));
    if (phase === 'photos' || phase === 'all') loops.push(this.photoLoop(client, stop));
    if (phase === 'sync' || phase === 'all') loops.push(this.syncLoop(client, stop));
    // Every loop ends (the others keep going until the kill) before a refusal is reported.
    const failed = (await Promise.allSettled(loops)).find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /** After a kill: continue from what the database kept, which may include a call the kill cut off. */
  resume(stored: Map<string, StoredArticle>): void {
    if (this.typing) {
      const row = stored.get(this.typing.id);
      if (row) Object.assign(this.typing, { version: row.version, text: row.text });
      else this.typing = null;
    }
    const submission = this.submission;
    if (submission) {
      const row = stored.get(submission.id);
      if (!row) {
        this.submission = null;
      } else if (row.status !== 'draft') {
        // The submission was committed; only its answer was lost.
        this.acked.submitted.add(submission.id);
        this.submission = null;
      } else {
        submission.version = row.version;
        submission.saved = row.text !== '';
        submission.categorySet = row.categoryId !== null;
      }
    }
  }

  // ------------------------------------------------------------------ typing

  private async typeLoop(client: HostClient, stop: Stop): Promise<void> {
    const { random } = this.options;
    while (!stop.stopped) {
      if (!this.typing || this.typing.text.length > TYPING_TEXT_LIMIT) {
        const title = `Soak ${this.options.token} ketikan ${++this.articleNumber}`;
        const created = await this.ack<Article>(client, 'articles-create', { title });
        if (!created) return;
        this.typing = { id: created.id, version: created.version, text: '', title };
      }
      const typing = this.typing;
      const words = 1 + Math.floor(random() * 3);
      let next = typing.text;
      for (let i = 0; i < words; i++) next = next ? `${next} ${WORDS[Math.floor(random() * WORDS.length)]}` : WORDS[0]!;
      const body = articleBody([next]);
      const saved = await this.ack<SaveResult>(client, 'articles-save', { id: typing.id, baseVersion: typing.version, title: typing.title, excerpt: '', body });
      if (!saved) return;
      Object.assign(typing, { version: saved.version, text: next });
      this.acked.saves.set(typing.id, { version: saved.version, text: lexicalToPlainText(body) });
      // The next autosave: often straight after (a fast typist), else after a short pause.
      if (random() < 0.6) await sleep(random() * 30);
    }
  }

  // ------------------------------------------------------------------ photos

  private async importPhoto(client: HostClient, n: number): Promise<MediaImportResult | undefined> {
    const data = await this.options.photo(n);
    const imported = await this.ack<MediaImportResult>(client, 'media-import', { fileName: `soak-${n}.jpg`, data });
    if (imported) this.acked.media.set(imported.id, imported.fileHash);
    return imported;
  }

  private async photoLoop(client: HostClient, stop: Stop): Promise<void> {
    while (!stop.stopped) {
      if (!(await this.importPhoto(client, ++this.photoNumber))) return;
    }
  }

  // ------------------------------------------------------------------ sync

  private async syncLoop(client: HostClient, stop: Stop): Promise<void> {
    // Connected once, and now and then again (a person re-entering the password): the secret is rewritten.
    if (!this.connected || this.options.random() < RECONNECT_PROBABILITY) {
      if (!(await this.ack(client, 'portal-save', this.options.portal))) return;
      this.connected = true;
    }
    while (!stop.stopped) {
      if (!(await this.submitOne(client))) return;
      const status = await this.ack<SyncStatus>(client, 'sync-run');
      if (!status) return;
      this.syncRuns++;
    }
  }

  /** Writes an article with a photo, files it under the portal's category and submits it; false when the host went away. */
  private async submitOne(client: HostClient): Promise<boolean> {
    if (!this.submission) {
      const title = `Soak ${this.options.token} kirim ${++this.articleNumber}`;
      const created = await this.ack<Article>(client, 'articles-create', { title });
      if (!created) return false;
      this.submission = { id: created.id, title, version: created.version, photoNumber: ++this.photoNumber, mediaId: null, saved: false, categorySet: false };
    }
    const s = this.submission;
    if (!s.mediaId) {
      // The same photo again after a kill: the library answers with the copy it already has.
      const imported = await this.importPhoto(client, s.photoNumber);
      if (!imported) return false;
      s.mediaId = imported.id;
    }
    if (!s.saved) {
      const body: LexicalDocument = articleBody(
        [`Banjir merendam ${s.photoNumber * 3} rumah di Tenggarong.`, 'Warga mengungsi ke posko terdekat.'],
        [imageNode({ id: s.mediaId } as MediaImportResult, 1)],
      );
      const { title } = s;
      const saved = await this.ack<SaveResult>(client, 'articles-save', { id: s.id, baseVersion: s.version, title, excerpt: `${title} — ringkasan.`, body });
      if (!saved) return false;
      Object.assign(s, { version: saved.version, saved: true });
      this.acked.saves.set(s.id, { version: saved.version, text: lexicalToPlainText(body) });
    }
    if (!s.categorySet) {
      const category = await this.portalCategory(client);
      if (!category) return false;
      if (!(await this.ack(client, 'articles-set-terms', { id: s.id, categoryId: category.id, tags: ['soak'] }))) return false;
      s.categorySet = true;
    }
    if (!(await this.ack(client, 'workflow-transition', { id: s.id, action: 'submit' }))) return false;
    this.acked.submitted.add(s.id);
    this.submission = null;
    return true;
  }

  /**
   * The portal's category, from the local list the sync keeps (categories come from the portal once
   * one is connected); a sync brings it in when it is not there yet. Undefined: the host went away.
   */
  private async portalCategory(client: HostClient): Promise<Term | undefined> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const terms = await this.ack<Term[]>(client, 'terms-list', { taxonomy: 'category' });
      if (!terms) return undefined;
      const found = terms.find((t) => t.name === this.options.category);
      if (found) return found;
      if (!(await this.ack(client, 'sync-run'))) return undefined;
    }
    // Still missing: asking for it by name is refused, and the refusal is reported as a finding.
    return this.ack<Term>(client, 'terms-create', { taxonomy: 'category', name: this.options.category });
  }

  // ------------------------------------------------------------------ calls

  /** An acknowledged value; undefined when the host did not answer (killed). A refusal is a finding. */
  private async ack<T = unknown>(client: HostClient, name: string, args: unknown = {}): Promise<T | undefined> {
    const value = await client.value<T>(name, args);
    if (value !== undefined) this.acknowledgedCalls++;
    return value;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
