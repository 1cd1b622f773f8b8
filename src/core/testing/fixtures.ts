/** Test fixtures for the backend: a temporary data directory per test and small Lexical documents. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LexicalDocument, LexicalNode } from '../../shared/lexical-document';
import { createBackend, type Backend, type BackendOptions } from '../backend';
import { silentLogger } from '../logger';

export function makeTempDir(label = 'test'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `redaksi-${label}-`));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export function text(value: string, format = 0): LexicalNode {
  return { type: 'text', version: 1, text: value, format, style: '', mode: 'normal', detail: 0 };
}

export function paragraph(...children: LexicalNode[]): LexicalNode {
  return { type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, children };
}

/** A document with one paragraph per string. */
export function doc(...paragraphs: string[]): LexicalDocument {
  return {
    root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children: paragraphs.map((p) => paragraph(text(p))) },
  };
}

/** A clock the test moves by hand. */
export function manualClock(start = Date.UTC(2026, 10, 26, 1, 0, 0)) {
  let now = start;
  const clock = () => now;
  return Object.assign(clock, {
    advance(ms: number) {
      now += ms;
    },
    set(instant: number) {
      now = instant;
    },
  });
}

export interface TestBackend {
  backend: Backend;
  dataDir: string;
  /** Calls a handler through the real dispatcher and returns its value, or throws the error shape. */
  call<T = unknown>(name: string, args?: unknown): Promise<T>;
  /** Calls a handler and returns the error shape it answered with (fails when it succeeds). */
  fail(name: string, args?: unknown): Promise<import('../../shared/errors').AppErrorShape>;
  reopen(overrides?: Partial<BackendOptions>): TestBackend;
  dispose(): void;
}

export function openTestBackend(overrides: Partial<BackendOptions> = {}, existingDir?: string): TestBackend {
  const dataDir = existingDir ?? makeTempDir('backend');
  let backend: Backend;
  try {
    // Sync runs only when a test asks for it ('sync-run'), and retries without waiting.
    backend = createBackend({ dataDir, appVersion: '0.0.0-test', transport: 'web', logger: silentLogger, backgroundSync: false, random: () => 0, ...overrides });
  } catch (err) {
    if (existingDir === undefined) removeDir(dataDir);
    throw err;
  }
  const self: TestBackend = {
    backend,
    dataDir,
    async call(name, args = {}) {
      const result = await backend.invoke(name, args);
      if (!result.ok) throw Object.assign(new Error(`${name} failed: ${result.error.code} ${result.error.message}`), { shape: result.error });
      return result.value as never;
    },
    async fail(name, args = {}) {
      const result = await backend.invoke(name, args);
      if (result.ok) throw new Error(`${name} was expected to fail but answered ${JSON.stringify(result.value).slice(0, 200)}`);
      return result.error;
    },
    reopen(next = {}) {
      backend.close();
      return openTestBackend({ ...overrides, ...next }, dataDir);
    },
    dispose() {
      backend.close();
      removeDir(dataDir);
    },
  };
  return self;
}
