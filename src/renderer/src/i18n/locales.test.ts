import { describe, expect, it } from 'vitest';
import { compareLocales, leafKeys } from './keys';
import en from './locales/en.json';
import id from './locales/id.json';

describe('translation files', () => {
  it('have the same keys in Indonesian and English', () => {
    const diff = compareLocales(id, en);
    expect(diff.missingInB, 'keys in id.json missing from en.json').toEqual([]);
    expect(diff.missingInA, 'keys in en.json missing from id.json').toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    expect(compareLocales(id, en).placeholderMismatch).toEqual([]);
  });

  it('translate every error code the backend and transports use', () => {
    const keys = leafKeys(id);
    const codes = [
      'validation',
      'notFound.article',
      'notFound.revision',
      'article.versionConflict',
      'article.trashed',
      'article.notTrashed',
      'backend.closed',
      'database.tooNew',
      'unknownHandler',
      'internal',
      'network.offline',
      'network.timeout',
      'auth.session',
      'request.tooLarge',
      'body.invalid',
      'body.unknownNode',
      'body.tooDeep',
      'body.tooLarge',
      'body.unsafeLink',
      'body.invalidImage',
      'body.unknownMedia',
      'notFound.media',
      'media.empty',
      'media.notImage',
      'media.corrupt',
      'media.tooManyPixels',
      'media.fileTooLarge',
      'media.unsupported',
      'media.unreadable',
      'transport.invalidJson',
      'transport.invalidBody',
      'transport.methodNotAllowed',
      'transport.tooLarge',
      'transport.unauthorized',
      'transport.badHost',
      'transport.badOrigin',
      'transport.notLoopback',
      'transport.untrustedSender',
    ];
    expect(codes.filter((c) => !keys.has(`errors.${c}`))).toEqual([]);
  });

  it('has no empty strings', () => {
    const empty = (tree: object, path = ''): string[] =>
      Object.entries(tree).flatMap(([k, v]) =>
        typeof v === 'string' ? (v.trim() === '' ? [`${path}${k}`] : []) : empty(v as object, `${path}${k}.`),
      );
    expect(empty(id)).toEqual([]);
    expect(empty(en)).toEqual([]);
  });
});

describe('compareLocales', () => {
  it('reports a key that exists in only one language', () => {
    const diff = compareLocales({ a: { b: 'x', c: 'y' } }, { a: { b: 'x' }, d: 'z' });
    expect(diff.missingInB).toEqual(['a.c']);
    expect(diff.missingInA).toEqual(['d']);
  });

  it('folds plural variants: Indonesian _other matches English _one/_other', () => {
    const diff = compareLocales({ words_other: '{{n}} kata' }, { words_one: '{{n}} word', words_other: '{{n}} words' });
    expect(diff).toEqual({ missingInA: [], missingInB: [], placeholderMismatch: [] });
  });

  it('reports differing placeholders', () => {
    expect(compareLocales({ a: 'Halo {{name}}' }, { a: 'Hello {{nama}}' }).placeholderMismatch).toEqual(['a']);
  });
});
