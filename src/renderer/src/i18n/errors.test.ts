import { describe, expect, it } from 'vitest';
import type { AppErrorShape } from '../../../shared/errors';
import { initI18n } from './index';
import { translateError } from './errors';

describe('translateError', () => {
  it('translates known codes in both languages', async () => {
    const i18n = await initI18n('id');
    const shape = { kind: 'not-found', code: 'notFound.article', message: 'article x not found', retryable: false } as const;
    expect(translateError(i18n, shape)).toBe('Naskah tidak ditemukan. Mungkin sudah dihapus.');
    await i18n.changeLanguage('en');
    expect(translateError(i18n, shape)).toBe('Article not found. It may have been deleted.');
  });

  it('explains a validation error by its first specific issue', async () => {
    const i18n = await initI18n('id');
    const bodyIssue: AppErrorShape = {
      kind: 'validation',
      code: 'validation',
      message: 'Invalid input',
      retryable: false,
      issues: [{ path: 'body.root.children.0', code: 'body.unsafeLink', message: 'links must be http(s) or mailto' }],
    };
    expect(translateError(i18n, bodyIssue)).toContain('http, https dan mailto');
    const titleIssue = { ...bodyIssue, issues: [{ path: 'title', code: 'zod.too_big', message: 'Too big' }] };
    expect(translateError(i18n, titleIssue)).toBe('Judul terlalu panjang (paling banyak 300 karakter).');
  });

  it('falls back to a generic sentence carrying the English message', async () => {
    const i18n = await initI18n('id');
    const odd = { kind: 'internal', code: 'disk.full', message: 'No space left on device', retryable: false } as const;
    expect(translateError(i18n, odd)).toBe('Terjadi kesalahan (No space left on device).');
    // A code that names a group of messages is not a message itself.
    expect(translateError(i18n, { ...odd, code: 'body' })).toBe('Terjadi kesalahan (No space left on device).');
  });

  it('treats unknown network codes as offline', async () => {
    const i18n = await initI18n('en');
    const net = { kind: 'network', code: 'network.dns', message: 'x', retryable: true } as const;
    expect(translateError(i18n, net)).toBe('Redaksi cannot be reached (offline). Your writing stays on screen.');
  });

  it('explains photo refusals with their numbers, in the person\'s language', async () => {
    const i18n = await initI18n('id');
    const bomb: AppErrorShape = { kind: 'validation', code: 'media.tooManyPixels', message: 'x', retryable: false, params: { megapixels: 3600, limit: 100 } };
    expect(translateError(i18n, bomb)).toBe('Foto ini terlalu besar untuk diolah (3.600 megapiksel; paling besar 100 megapiksel). Perkecil foto itu, lalu coba lagi.');
    // The decoder may refuse without knowing the size: no "0 megapiksel".
    expect(translateError(i18n, { ...bomb, params: { megapixels: 0, limit: 100 } })).toBe(
      'Foto ini terlalu besar untuk diolah (paling besar 100 megapiksel). Perkecil foto itu, lalu coba lagi.',
    );
    // Refused by input validation (no params): the limit is still named.
    const tooLarge: AppErrorShape = {
      kind: 'validation',
      code: 'validation',
      message: 'Invalid input',
      retryable: false,
      issues: [{ path: 'data', code: 'media.fileTooLarge', message: 'Invalid input' }],
    };
    expect(translateError(i18n, tooLarge)).toContain('paling besar 40 MB');
    await i18n.changeLanguage('en');
    expect(translateError(i18n, bomb)).toContain('3,600 megapixels');
    expect(translateError(i18n, { kind: 'validation', code: 'media.unsupported', message: 'x', retryable: false })).toContain('as a JPEG');
  });
});
