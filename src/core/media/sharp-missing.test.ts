/**
 * A sharp binary that does not fit the computer (the darwin-x64 installer built on an arm64 Mac) is
 * a stand-in here: importing sharp throws what sharp throws then. The backend must still start,
 * write and save; a photo is refused with a translatable message naming the cause.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Article } from '../../shared/domain';
import { doc, openTestBackend } from '../testing/fixtures';
import { tempDirsRemovedAfterEach } from '../testing/temp-dirs';

// Hoisted above the imports: a module that imported sharp at its top would fail to load with this.
vi.mock('sharp', () => {
  throw new Error('Could not load the "sharp" module using the darwin-x64 runtime');
});

const tempDir = tempDirsRemovedAfterEach('no-sharp');

describe('without a loadable sharp', () => {
  it('starts, writes and saves, and refuses photos with the cause', async () => {
    const t = openTestBackend({ backupSchedule: false }, tempDir());
    const article = await t.call<Article>('articles-create', { title: 'Tanpa foto' });
    await t.call('articles-save', { id: article.id, baseVersion: article.version, title: 'Tanpa foto', excerpt: '', body: doc('Tetap bisa menulis.') });
    const jpegMagic = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, ...new Array<number>(64).fill(0)]);
    const error = await t.fail('media-import', { fileName: 'foto.jpg', data: jpegMagic });
    expect(error).toMatchObject({ kind: 'unsupported', code: 'media.photosUnavailable' });
    expect(error.params?.cause).toContain('darwin-x64');
    // Still usable afterwards.
    expect((await t.call<Article>('articles-get', { id: article.id })).title).toBe('Tanpa foto');
    t.dispose();
  });
});
