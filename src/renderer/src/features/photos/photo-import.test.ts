import { describe, expect, it } from 'vitest';
import type { MediaImportResult } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/errors';
import { ClientError } from '../../api';
import { checkBeforeReading, PhotoImporter, type ImportFailure, type PhotoFile, type PhotoImporterOptions } from './photo-import';

const file = (name: string, size = 10): PhotoFile => ({ name, size, arrayBuffer: async () => new Uint8Array(size).buffer });

function result(id: string): MediaImportResult {
  return {
    id,
    fileHash: 'a'.repeat(64),
    thumbHash: 'b'.repeat(64),
    mime: 'image/jpeg',
    width: 1600,
    height: 1200,
    bytes: 1000,
    originalName: `${id}.jpg`,
    original: { format: 'jpeg', width: 4000, height: 3000, bytes: 5000 },
    createdAt: 0,
    deduplicated: false,
  };
}

/** A backend whose answers the test releases one by one, in any order. */
function controlledBackend() {
  const pending = new Map<string, { resolve: (r: MediaImportResult) => void; reject: (e: unknown) => void }>();
  const started: string[] = [];
  return {
    started,
    importPhoto: (fileName: string) =>
      new Promise<MediaImportResult>((resolve, reject) => {
        started.push(fileName);
        pending.set(fileName, { resolve, reject });
      }),
    succeed(name: string) {
      pending.get(name)!.resolve(result(name.replace(/\.\w+$/, '')));
    },
    fail(name: string, error: AppErrorShape) {
      pending.get(name)!.reject(new ClientError(error));
    },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

/** An importer with an editor attached that records the ids of the photos it receives. */
function attachedImporter(options: PhotoImporterOptions, inserted: string[] = []): PhotoImporter {
  const importer = new PhotoImporter(options);
  importer.attach((r) => inserted.push(r.id));
  return importer;
}
const corrupt: AppErrorShape = { kind: 'validation', code: 'media.corrupt', message: 'damaged', retryable: false };

describe('PhotoImporter', () => {
  it('imports two at a time and hands photos over in the order they were given', async () => {
    const backend = controlledBackend();
    const inserted: string[] = [];
    const importer = attachedImporter({ importPhoto: backend.importPhoto }, inserted);
    importer.add([file('a.jpg'), file('b.jpg'), file('c.jpg')]);
    await tick();
    expect(backend.started).toEqual(['a.jpg', 'b.jpg']);
    expect(importer.progress.get()).toEqual({ total: 3, done: 0 });

    backend.succeed('b.jpg'); // the second finishes first: it waits for the first
    await tick();
    expect(inserted).toEqual([]);
    expect(backend.started).toEqual(['a.jpg', 'b.jpg', 'c.jpg']);

    backend.succeed('a.jpg');
    await tick();
    expect(inserted).toEqual(['a', 'b']);
    expect(importer.progress.get()).toEqual({ total: 3, done: 2 });

    backend.succeed('c.jpg');
    await tick();
    expect(inserted).toEqual(['a', 'b', 'c']);
    expect(importer.progress.get()).toBeNull();
  });

  it('reports a refused file by name and goes on with the others', async () => {
    const backend = controlledBackend();
    const inserted: string[] = [];
    const importer = attachedImporter({ importPhoto: backend.importPhoto }, inserted);
    importer.add([file('rusak.jpg'), file('bagus.jpg')]);
    await tick();
    backend.fail('rusak.jpg', corrupt);
    backend.succeed('bagus.jpg');
    await tick();
    expect(inserted).toEqual(['bagus']);
    expect(importer.failures.get()).toEqual([{ id: 1, fileName: 'rusak.jpg', error: corrupt }]);
    expect(importer.progress.get()).toBeNull();
  });

  it('refuses empty and oversized files without sending them', async () => {
    const backend = controlledBackend();
    const importer = attachedImporter({ importPhoto: backend.importPhoto });
    importer.add([file('kosong.jpg', 0), file('raksasa.jpg', 41 * 1024 * 1024)]);
    await tick();
    expect(backend.started).toEqual([]);
    expect(importer.failures.get().map((f) => [f.fileName, f.error.code])).toEqual([
      ['kosong.jpg', 'media.empty'],
      ['raksasa.jpg', 'media.fileTooLarge'],
    ]);
    expect(checkBeforeReading({ size: 41 * 1024 * 1024 })?.params).toEqual({ megabytes: 41, limit: 40 });
    expect(checkBeforeReading({ size: 40 * 1024 * 1024 })).toBeNull();
  });

  it('adds files given during a run to that run, and starts a new run with a clean report', async () => {
    const backend = controlledBackend();
    const importer = attachedImporter({ importPhoto: backend.importPhoto, concurrency: 1 });
    importer.add([file('satu.jpg')]);
    importer.add([file('dua.jpg')]);
    expect(importer.progress.get()).toEqual({ total: 2, done: 0 });
    await tick();
    backend.fail('satu.jpg', corrupt);
    await tick();
    backend.succeed('dua.jpg');
    await tick();
    expect(importer.failures.get()).toHaveLength(1);
    importer.add([file('tiga.jpg')]);
    expect(importer.failures.get()).toEqual([]);
    expect(importer.progress.get()).toEqual({ total: 1, done: 0 });
  });

  it('goes on when the editor goes away, and holds the photos for the next editor of the article', async () => {
    const backend = controlledBackend();
    const unattended: string[][] = [];
    const importer = new PhotoImporter({ importPhoto: backend.importPhoto, onUnattendedRun: (imported) => unattended.push(imported.map((r) => r.id)) });
    const first: string[] = [];
    const detach = importer.attach((r) => first.push(r.id));
    importer.add([file('a.jpg'), file('b.jpg'), file('c.jpg')]);
    await tick();
    backend.succeed('a.jpg');
    await tick();
    expect(first).toEqual(['a']);
    detach(); // the person opened another article
    backend.succeed('b.jpg');
    await tick();
    expect(backend.started).toEqual(['a.jpg', 'b.jpg', 'c.jpg']);
    expect(importer.busy()).toBe(true);

    // The article is opened again before the run is over: the new editor gets what was held.
    const second: string[] = [];
    importer.attach((r) => second.push(r.id));
    expect(second).toEqual(['b']);
    backend.succeed('c.jpg');
    await tick();
    expect(second).toEqual(['b', 'c']);
    expect(first).toEqual(['a']);
    expect(unattended).toEqual([]);
  });

  it('hands a run that ended with no editor over in order, with its refusals', async () => {
    const backend = controlledBackend();
    const unattended: { ids: string[]; failures: readonly ImportFailure[] }[] = [];
    const importer = new PhotoImporter({
      importPhoto: backend.importPhoto,
      onUnattendedRun: (imported, failures) => unattended.push({ ids: imported.map((r) => r.id), failures }),
    });
    const detach = importer.attach(() => undefined);
    importer.add([file('a.jpg'), file('rusak.jpg'), file('c.jpg')]);
    await tick();
    detach();
    backend.succeed('a.jpg');
    backend.fail('rusak.jpg', corrupt);
    await tick();
    expect(unattended).toEqual([]);
    backend.succeed('c.jpg');
    await tick();
    expect(unattended).toEqual([{ ids: ['a', 'c'], failures: [{ id: 1, fileName: 'rusak.jpg', error: corrupt }] }]);
    expect(importer.busy()).toBe(false);
    expect(importer.failures.get()).toEqual([]);
  });
});
