/**
 * Importing photos the person chose, dropped or pasted: each file is sent to the backend, which
 * prepares it (orient, resize, strip metadata). Two at a time, so one photo uploads while the other
 * is prepared; results are handed over in the order the files were given, so photos land in the
 * article in that order. A refused file is reported by name and the others go on.
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

export interface PhotoImporterOptions {
  importPhoto(fileName: string, data: Uint8Array<ArrayBuffer>): Promise<MediaImportResult>;
  /** Called for each imported photo, in the order the files were given. */
  onImported(result: MediaImportResult, fileName: string): void;
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
  private disposed = false;
  /** Bumped when the editor goes away: answers to requests of an earlier generation are dropped. */
  private generation = 0;

  constructor(private readonly options: PhotoImporterOptions) {
    this.concurrency = Math.max(1, options.concurrency ?? 2);
  }

  /** Adds files to the current run (or starts one). */
  add(files: readonly PhotoFile[]): void {
    if (this.disposed || files.length === 0) return;
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
   * While the editor is on screen. When it goes away nothing more is started or handed over (the
   * photos already sent stay in the library); the returned function does that.
   */
  activate(): () => void {
    this.disposed = false;
    return () => {
      this.disposed = true;
      this.generation++;
      this.waiting.length = 0;
      this.finished.clear();
      this.nextToHandOver = this.nextSeq;
      this.running = 0;
      this.progress.set(null);
    };
  }

  private pump(): void {
    while (!this.disposed && this.running < this.concurrency && this.waiting.length > 0) {
      const job = this.waiting.shift()!;
      const generation = this.generation;
      this.running++;
      void this.run(job).then((outcome) => {
        if (generation !== this.generation) return;
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
      if (outcome.ok) {
        try {
          this.options.onImported(outcome.result, job.file.name);
        } catch (err) {
          this.addFailure(job.file.name, errorShapeOf(err));
        }
      } else {
        this.addFailure(job.file.name, outcome.error);
      }
    }
    const total = this.progress.get()?.total ?? 0;
    this.progress.set(done >= total ? null : { total, done });
  }

  private addFailure(fileName: string, error: AppErrorShape): void {
    this.failures.update((list) => [...list, { id: this.nextFailureId++, fileName, error }]);
  }
}
