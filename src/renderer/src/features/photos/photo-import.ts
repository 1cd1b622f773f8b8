/**
 * Importing photos the person chose, dropped or pasted: each file is sent to the backend, which
 * prepares it (orient, resize, strip metadata). Two at a time, so one photo uploads while the other
 * is prepared; results are handed over in the order the files were given, so photos land in the
 * article in that order. A refused file is reported by name and the others go on.
 *
 * One importer per article, not per editor: when the person opens another article mid-run, the run
 * goes on, and what it imports is held for the editor (if the article is opened again) or, once the
 * run is over, handed to `onUnattendedRun` to be placed in the stored article.
 */
import { LIMITS } from '../../../../shared/contract';
import type { MediaImportResult } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/errors';
import { errorShapeOf } from '../../api';
import { Store } from '../../app/store';

/** What the importer needs of a File (tests pass plain objects). */
export interface PhotoFile {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface ImportProgress {
  /** Files in the current run, including those already finished. */
  total: number;
  /** Files finished (imported or refused). */
  done: number;
}

export interface ImportFailure {
  id: number;
  fileName: string;
  error: AppErrorShape;
}

/** Where imported photos go while an editor shows the article: called in the order the files were given. */
export type ImportSink = (result: MediaImportResult, fileName: string) => void;

export interface PhotoImporterOptions {
  importPhoto(fileName: string, data: Uint8Array<ArrayBuffer>): Promise<MediaImportResult>;
  /** A run finished with no editor attached: the photos it imported, in order, and what it refused. */
  onUnattendedRun?(imported: readonly MediaImportResult[], failures: readonly ImportFailure[]): void;
  concurrency?: number;
}

interface Job {
  seq: number;
  file: PhotoFile;
}

type Outcome = { ok: true; result: MediaImportResult } | { ok: false; error: AppErrorShape };

const MB = 1024 * 1024;

/** Refusals that need no round trip: the backend would say the same after reading the whole file. */
export function checkBeforeReading(file: Pick<PhotoFile, 'size'>): AppErrorShape | null {
  if (file.size === 0) return { kind: 'validation', code: 'media.empty', message: 'The file is empty.', retryable: false };
  if (file.size > LIMITS.photoBytes) {
    return {
      kind: 'validation',
      code: 'media.fileTooLarge',
      message: 'The file is too large.',
      retryable: false,
      params: { megabytes: Math.ceil(file.size / MB), limit: Math.floor(LIMITS.photoBytes / MB) },
    };
  }
  return null;
}

export class PhotoImporter {
  /** Null while nothing is being imported. */
  readonly progress = new Store<ImportProgress | null>(null);
  readonly failures = new Store<readonly ImportFailure[]>([]);
  private readonly concurrency: number;
  private readonly waiting: Job[] = [];
  private readonly finished = new Map<number, { job: Job; outcome: Outcome }>();
  private running = 0;
  private nextSeq = 0;
  private nextToHandOver = 0;
  private nextFailureId = 1;
  private sink: ImportSink | null = null;
  /** Imported while no editor was attached, in order. */
  private readonly held: { result: MediaImportResult; fileName: string }[] = [];

  constructor(private readonly options: PhotoImporterOptions) {
    this.concurrency = Math.max(1, options.concurrency ?? 2);
  }

  /** Adds files to the current run (or starts one). */
  add(files: readonly PhotoFile[]): void {
    if (files.length === 0) return;
    const current = this.progress.get();
    // A new run starts with a clean slate; reports of the previous one are dismissed.
    if (!current) this.failures.set([]);
    for (const file of files) this.waiting.push({ seq: this.nextSeq++, file });
    this.progress.set({ total: (current?.total ?? 0) + files.length, done: current?.done ?? 0 });
    this.pump();
  }

  dismissFailure(id: number): void {
    this.failures.update((list) => list.filter((f) => f.id !== id));
  }

  dismissAllFailures(): void {
    this.failures.set([]);
  }

  busy(): boolean {
    return this.progress.get() !== null;
  }

  /**
   * While an editor shows the article: photos go to `sink`, first those imported while none was
   * attached. The returned function detaches it; the run goes on.
   */
  attach(sink: ImportSink): () => void {
    this.sink = sink;
    for (const { result, fileName } of this.held.splice(0)) this.deliver(sink, result, fileName);
    return () => {
      if (this.sink === sink) this.sink = null;
    };
  }

  private pump(): void {
    while (this.running < this.concurrency && this.waiting.length > 0) {
      const job = this.waiting.shift()!;
      this.running++;
      void this.run(job).then((outcome) => {
        this.running--;
        this.finished.set(job.seq, { job, outcome });
        this.handOver();
        this.pump();
      });
    }
  }

  private async run(job: Job): Promise<Outcome> {
    const early = checkBeforeReading(job.file);
    if (early) return { ok: false, error: early };
    try {
      const data = new Uint8Array(await job.file.arrayBuffer());
      return { ok: true, result: await this.options.importPhoto(job.file.name, data) };
    } catch (err) {
      if (err instanceof DOMException || (err instanceof Error && err.name === 'NotReadableError')) {
        // The file went away or cannot be read (a phone unplugged mid-copy).
        return { ok: false, error: { kind: 'validation', code: 'media.unreadable', message: err.message, retryable: true } };
      }
      return { ok: false, error: errorShapeOf(err) };
    }
  }

  private handOver(): void {
    let done = this.progress.get()?.done ?? 0;
    for (let next = this.finished.get(this.nextToHandOver); next; next = this.finished.get(this.nextToHandOver)) {
      this.finished.delete(this.nextToHandOver);
      this.nextToHandOver++;
      done++;
      const { job, outcome } = next;
      if (!outcome.ok) this.addFailure(job.file.name, outcome.error);
      else if (this.sink) this.deliver(this.sink, outcome.result, job.file.name);
      else this.held.push({ result: outcome.result, fileName: job.file.name });
    }
    const total = this.progress.get()?.total ?? 0;
    const over = done >= total;
    this.progress.set(over ? null : { total, done });
    if (over && !this.sink && (this.held.length > 0 || this.failures.get().length > 0)) {
      const imported = this.held.splice(0).map((h) => h.result);
      const failures = this.failures.get();
      this.failures.set([]);
      this.options.onUnattendedRun?.(imported, failures);
    }
  }

  private deliver(sink: ImportSink, result: MediaImportResult, fileName: string): void {
    try {
      sink(result, fileName);
    } catch (err) {
      this.addFailure(fileName, errorShapeOf(err));
    }
  }

  private addFailure(fileName: string, error: AppErrorShape): void {
    this.failures.update((list) => [...list, { id: this.nextFailureId++, fileName, error }]);
  }
}
