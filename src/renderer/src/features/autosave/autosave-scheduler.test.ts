import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppErrorShape } from '../../../../shared/errors';
import { ClientError } from '../../api/client';
import { AutosaveScheduler } from './autosave-scheduler';

const offline: AppErrorShape = { kind: 'network', code: 'network.offline', message: 'down', retryable: true };
const conflict: AppErrorShape = { kind: 'conflict', code: 'article.versionConflict', message: 'stale', retryable: false };
const invalid: AppErrorShape = { kind: 'validation', code: 'validation', message: 'bad', retryable: false };

/** A fake backend: records when saves start and what they carried, answers after `latencyMs`. */
function fakeBackend(readContent: () => string, latencyMs = 50) {
  const calls: { at: number; content: string }[] = [];
  let inFlight = 0;
  let maxConcurrent = 0;
  const failures: AppErrorShape[] = [];
  const save = async (): Promise<void> => {
    calls.push({ at: Date.now(), content: readContent() });
    inFlight++;
    maxConcurrent = Math.max(maxConcurrent, inFlight);
    await new Promise((r) => setTimeout(r, latencyMs));
    inFlight--;
    const failure = failures.shift();
    if (failure) throw new ClientError(failure);
  };
  return { save, calls, failures, maxConcurrent: () => maxConcurrent };
}

describe('AutosaveScheduler', () => {
  let content = '';
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
    content = '';
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const type = (scheduler: AutosaveScheduler, text: string): void => {
    content += text;
    scheduler.markDirty();
  };

  it('waits for a pause in typing before saving', async () => {
    const backend = fakeBackend(() => content);
    const s = new AutosaveScheduler({ save: backend.save });
    const t0 = Date.now();
    type(s, 'a');
    expect(s.getState().phase).toBe('saving');
    await vi.advanceTimersByTimeAsync(299);
    expect(backend.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(backend.calls).toEqual([{ at: t0 + 300, content: 'a' }]);
    await vi.advanceTimersByTimeAsync(50);
    expect(s.getState().phase).toBe('saved');
  });

  it('saves at least every second during continuous typing', async () => {
    const backend = fakeBackend(() => content);
    const s = new AutosaveScheduler({ save: backend.save });
    const t0 = Date.now();
    for (let i = 0; i < 40; i++) {
      type(s, 'x');
      await vi.advanceTimersByTimeAsync(100); // a keystroke every 100 ms, never a 300 ms pause
    }
    const starts = backend.calls.map((c) => c.at - t0);
    expect(starts.length).toBeGreaterThanOrEqual(3);
    expect(starts[0]).toBe(1000);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeLessThanOrEqual(1100);
    expect(s.getState().phase).toBe('saving');
    await vi.advanceTimersByTimeAsync(400);
    expect(s.getState().phase).toBe('saved');
    expect(backend.calls.at(-1)!.content).toBe('x'.repeat(40));
  });

  it('keeps one save in flight and coalesces changes made meanwhile', async () => {
    const backend = fakeBackend(() => content, 2000);
    const s = new AutosaveScheduler({ save: backend.save });
    type(s, 'a');
    await vi.advanceTimersByTimeAsync(300);
    expect(backend.calls).toHaveLength(1);
    for (const ch of 'bcdef') {
      type(s, ch);
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(backend.calls).toHaveLength(1); // still waiting for the first answer
    await vi.advanceTimersByTimeAsync(1000); // first save answers at 2300
    expect(backend.calls).toHaveLength(2);
    expect(backend.calls[1]!.content).toBe('abcdef');
    await vi.advanceTimersByTimeAsync(2000);
    expect(backend.maxConcurrent()).toBe(1);
    expect(backend.calls).toHaveLength(2);
    expect(s.getState().phase).toBe('saved');
  });

  it('retries when the backend is unreachable and never drops the text', async () => {
    const backend = fakeBackend(() => content);
    backend.failures.push(offline, offline);
    const s = new AutosaveScheduler({ save: backend.save, retryDelaysMs: [1000, 2000] });
    type(s, 'kabar');
    await vi.advanceTimersByTimeAsync(350);
    expect(s.getState()).toEqual({ phase: 'error', error: offline, retrying: true, failures: 1 });
    type(s, ' terbaru'); // typing while offline does not hammer the backend
    await vi.advanceTimersByTimeAsync(900);
    expect(backend.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(150); // first retry after 1000 ms, fails again
    expect(backend.calls).toHaveLength(2);
    expect(s.getState()).toEqual({ phase: 'error', error: offline, retrying: true, failures: 2 });
    await vi.advanceTimersByTimeAsync(1999);
    expect(backend.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(100); // second retry after 2000 ms succeeds
    expect(backend.calls).toHaveLength(3);
    expect(backend.calls[2]!.content).toBe('kabar terbaru');
    expect(s.getState().phase).toBe('saved');
    // A success ends the run of failures: the next one counts from 1 again.
    backend.failures.push(offline);
    type(s, '!');
    await vi.advanceTimersByTimeAsync(350);
    expect(s.getState()).toEqual({ phase: 'error', error: offline, retrying: true, failures: 1 });
  });

  it('stops on a version conflict until resumed', async () => {
    const backend = fakeBackend(() => content);
    backend.failures.push(conflict);
    const s = new AutosaveScheduler({ save: backend.save });
    type(s, 'a');
    await vi.advanceTimersByTimeAsync(350);
    expect(s.getState()).toEqual({ phase: 'conflict', error: conflict });
    type(s, 'b');
    await vi.advanceTimersByTimeAsync(5000);
    expect(backend.calls).toHaveLength(1);
    expect(await s.flush()).toBe(false);
    const resumed = s.resume();
    await vi.advanceTimersByTimeAsync(50);
    expect(await resumed).toBe(true);
    expect(backend.calls.at(-1)!.content).toBe('ab');
    expect(s.getState().phase).toBe('saved');
  });

  it('waits for the next change after a refusal, then tries again', async () => {
    const backend = fakeBackend(() => content);
    backend.failures.push(invalid);
    const s = new AutosaveScheduler({ save: backend.save });
    type(s, 'a');
    await vi.advanceTimersByTimeAsync(350);
    expect(s.getState()).toEqual({ phase: 'error', error: invalid, retrying: false, failures: 1 });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(backend.calls).toHaveLength(1);
    type(s, 'b');
    expect(s.getState().phase).toBe('saving');
    await vi.advanceTimersByTimeAsync(350);
    expect(backend.calls).toHaveLength(2);
    expect(s.getState().phase).toBe('saved');
  });

  it('flush saves at once and resolves when the backend has everything', async () => {
    const backend = fakeBackend(() => content, 100);
    const s = new AutosaveScheduler({ save: backend.save });
    expect(await s.flush()).toBe(true); // nothing to save
    type(s, 'a');
    const first = s.flush();
    expect(backend.calls).toHaveLength(1); // no debounce
    type(s, 'b'); // while the first is in flight
    const second = s.flush();
    await vi.advanceTimersByTimeAsync(100);
    expect(await first).toBe(true);
    expect(backend.calls).toHaveLength(2); // started right after the first answered
    await vi.advanceTimersByTimeAsync(100);
    expect(await second).toBe(true);
    expect(backend.calls[1]!.content).toBe('ab');
  });

  it('flush reports failure when the backend is gone', async () => {
    const backend = fakeBackend(() => content);
    backend.failures.push(offline);
    const s = new AutosaveScheduler({ save: backend.save });
    type(s, 'a');
    const result = s.flush();
    await vi.advanceTimersByTimeAsync(60);
    expect(await result).toBe(false);
    expect(s.hasUnsavedChanges()).toBe(true);
  });

  it('markSaved drops pending work for content that came from the backend', async () => {
    const backend = fakeBackend(() => content);
    const s = new AutosaveScheduler({ save: backend.save });
    type(s, 'a');
    s.markSaved();
    await vi.advanceTimersByTimeAsync(2000);
    expect(backend.calls).toHaveLength(0);
    expect(s.getState().phase).toBe('saved');
  });

  it('notifies subscribers only when the visible state changes', async () => {
    const backend = fakeBackend(() => content);
    const s = new AutosaveScheduler({ save: backend.save });
    const seen: string[] = [];
    s.subscribe(() => seen.push(s.getState().phase));
    for (let i = 0; i < 5; i++) type(s, 'x');
    await vi.advanceTimersByTimeAsync(400);
    expect(seen).toEqual(['saving', 'saved']);
  });
});
