/**
 * When to save an article while someone types.
 *
 * - A change schedules a save after a short pause (debounce), but never later than `maxWaitMs` after
 *   the first unsaved change: during continuous typing a save still goes out about every second, so
 *   a crash of the backend loses at most about the last second.
 * - One save in flight at a time. The save function reads the content when it runs, so changes made
 *   while a save is in flight coalesce into the next one.
 * - An unreachable backend is retried with growing pauses; the text is never dropped. A version
 *   conflict stops saving until a person decides; other failures wait for the next change.
 */
import type { AppErrorShape } from '../../../../shared/errors';
import { errorShapeOf } from '../../api/client';

export type SaveState =
  | { phase: 'saved' }
  | { phase: 'saving' }
  /** `failures`: attempts failed in a row; a long run of them is worth more explanation. */
  | { phase: 'error'; error: AppErrorShape; retrying: boolean; failures: number }
  | { phase: 'conflict'; error: AppErrorShape };

export type FailureOutcome = 'retry' | 'conflict' | 'fatal';

export interface SchedulerClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface AutosaveOptions {
  /** Sends the current content; throws on failure. */
  save: () => Promise<void>;
  debounceMs?: number;
  maxWaitMs?: number;
  /** Pauses between automatic retries; the last one repeats. */
  retryDelaysMs?: readonly number[];
  classify?: (error: AppErrorShape) => FailureOutcome;
  clock?: SchedulerClock;
}

export const AUTOSAVE_DEFAULTS = {
  debounceMs: 300,
  maxWaitMs: 1000,
  retryDelaysMs: [1000, 2000, 4000, 8000, 15000],
} as const;

export function classifyFailure(error: AppErrorShape): FailureOutcome {
  if (error.code === 'article.versionConflict') return 'conflict';
  return error.retryable || error.kind === 'network' ? 'retry' : 'fatal';
}

// Read at call time so test fake timers apply.
const systemClock: SchedulerClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class AutosaveScheduler {
  private readonly save: () => Promise<void>;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly retryDelaysMs: readonly number[];
  private readonly classify: (error: AppErrorShape) => FailureOutcome;
  private readonly clock: SchedulerClock;

  private changeSeq = 0;
  private savedSeq = 0;
  private inFlight = false;
  private lastChangeAt = 0;
  /** Time of the first change not yet sent; bounds how long saving may be postponed. */
  private firstPendingAt: number | null = null;
  private timer: unknown = null;
  private retryScheduled = false;
  private retryCount = 0;
  private failures = 0;
  private halted: 'conflict' | 'fatal' | null = null;
  private error: AppErrorShape | null = null;
  private flushRequested = false;
  private waiters: { target: number; resolve: (saved: boolean) => void }[] = [];
  private readonly listeners = new Set<() => void>();
  private state: SaveState = { phase: 'saved' };
  private disposed = false;

  constructor(options: AutosaveOptions) {
    this.save = options.save;
    this.debounceMs = options.debounceMs ?? AUTOSAVE_DEFAULTS.debounceMs;
    this.maxWaitMs = options.maxWaitMs ?? AUTOSAVE_DEFAULTS.maxWaitMs;
    this.retryDelaysMs = options.retryDelaysMs ?? AUTOSAVE_DEFAULTS.retryDelaysMs;
    this.classify = options.classify ?? classifyFailure;
    this.clock = options.clock ?? systemClock;
  }

  /** Something the user wrote changed. */
  markDirty(): void {
    if (this.disposed) return;
    const now = this.clock.now();
    this.changeSeq++;
    this.lastChangeAt = now;
    this.firstPendingAt ??= now;
    if (this.halted === 'fatal') {
      // A new edit may have fixed what was refused (e.g. a bad link); try again with it.
      this.halted = null;
      this.error = null;
    }
    this.arm();
    this.emit();
  }

  /** The content on screen now equals what the backend holds (e.g. right after loading it). */
  markSaved(): void {
    this.savedSeq = this.changeSeq;
    this.firstPendingAt = null;
    this.halted = null;
    this.error = null;
    this.retryCount = 0;
    this.failures = 0;
    this.retryScheduled = false;
    this.clearTimer();
    this.settleWaiters(true);
    this.emit();
  }

  /** Saves everything written so far now; resolves true once the backend has it, false if it failed. */
  flush(): Promise<boolean> {
    if (this.disposed) return Promise.resolve(!this.hasUnsavedChanges());
    if (!this.hasUnsavedChanges()) return Promise.resolve(true);
    if (this.halted === 'conflict') return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      this.waiters.push({ target: this.changeSeq, resolve });
      if (this.inFlight) {
        this.flushRequested = true;
      } else {
        // An explicit save also retries what was refused before (start() clears a 'fatal' halt).
        this.start();
      }
    });
  }

  /** After a conflict was settled by a person: save the content on screen again. */
  resume(): Promise<boolean> {
    if (this.halted === 'conflict') {
      this.halted = null;
      this.error = null;
      this.retryCount = 0;
    }
    return this.flush();
  }

  hasUnsavedChanges(): boolean {
    return this.inFlight || this.changeSeq > this.savedSeq;
  }

  getState = (): SaveState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
    this.settleWaiters(false);
    this.listeners.clear();
  }

  private isDirty(): boolean {
    return this.changeSeq > this.savedSeq;
  }

  private arm(): void {
    if (this.inFlight || this.halted || this.retryScheduled || !this.isDirty() || this.disposed) return;
    this.clearTimer();
    const firstPendingAt = this.firstPendingAt ?? this.lastChangeAt;
    const deadline = Math.min(this.lastChangeAt + this.debounceMs, firstPendingAt + this.maxWaitMs);
    const delay = deadline - this.clock.now();
    if (delay <= 0) {
      this.start();
      return;
    }
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.start();
    }, delay);
  }

  private start(): void {
    if (this.inFlight || this.halted === 'conflict' || !this.isDirty() || this.disposed) return;
    this.clearTimer();
    this.retryScheduled = false;
    this.halted = null;
    const seq = this.changeSeq;
    this.firstPendingAt = null;
    this.flushRequested = false;
    this.inFlight = true;
    this.emit();
    let attempt: Promise<void>;
    try {
      attempt = this.save();
    } catch (err) {
      attempt = Promise.reject(err);
    }
    attempt.then(
      () => this.succeeded(seq),
      (err: unknown) => this.failed(err),
    );
  }

  private succeeded(seq: number): void {
    this.inFlight = false;
    if (this.disposed) return;
    this.savedSeq = Math.max(this.savedSeq, seq);
    this.error = null;
    this.retryCount = 0;
    this.failures = 0;
    this.waiters = this.waiters.filter((w) => {
      if (w.target > this.savedSeq) return true;
      w.resolve(true);
      return false;
    });
    if (this.isDirty()) {
      if (this.flushRequested || this.waiters.length > 0) this.start();
      else this.arm();
    }
    this.emit();
  }

  private failed(err: unknown): void {
    this.inFlight = false;
    if (this.disposed) return;
    const error = errorShapeOf(err);
    this.error = error;
    this.failures++;
    this.flushRequested = false;
    this.settleWaiters(false);
    // Nothing is marked saved: the next attempt sends everything written so far.
    const outcome = this.classify(error);
    if (outcome === 'retry') {
      const delay = this.retryDelaysMs[Math.min(this.retryCount, this.retryDelaysMs.length - 1)] ?? 1000;
      this.retryCount++;
      this.retryScheduled = true;
      this.clearTimer();
      this.timer = this.clock.setTimeout(() => {
        this.timer = null;
        this.retryScheduled = false;
        this.start();
      }, delay);
    } else {
      this.halted = outcome;
    }
    this.emit();
  }

  private settleWaiters(saved: boolean): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w.resolve(saved);
  }

  private clearTimer(): void {
    if (this.timer !== null) {
      this.clock.clearTimeout(this.timer);
      this.timer = null;
    }
  }

  private computeState(): SaveState {
    if (this.halted === 'conflict' && this.error) return { phase: 'conflict', error: this.error };
    if (this.error) return { phase: 'error', error: this.error, retrying: this.halted !== 'fatal', failures: this.failures };
    if (this.hasUnsavedChanges()) return { phase: 'saving' };
    return { phase: 'saved' };
  }

  private emit(): void {
    const next = this.computeState();
    const prev = this.state;
    const same =
      prev.phase === next.phase &&
      ('error' in prev ? prev.error : null) === ('error' in next ? next.error : null) &&
      ('retrying' in prev ? prev.retrying : null) === ('retrying' in next ? next.retrying : null) &&
      ('failures' in prev ? prev.failures : null) === ('failures' in next ? next.failures : null);
    if (same) return;
    this.state = next;
    for (const l of [...this.listeners]) l();
  }
}
