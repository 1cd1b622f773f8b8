import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../shared/contract';
import type { Article } from '../shared/domain';
import type { LexicalNode } from '../shared/lexical-document';
import { createInvoke } from './dispatch';
import { doc, openTestBackend, paragraph, text, type TestBackend } from './testing/fixtures';

const open: TestBackend[] = [];
function start(): TestBackend {
  const t = openTestBackend();
  open.push(t);
  return t;
}
afterEach(() => {
  while (open.length > 0) open.pop()!.dispose();
});

const withChildren = (...children: LexicalNode[]) => ({ root: { type: 'root', version: 1, children } });

function nested(depth: number): LexicalNode {
  let node: LexicalNode = { type: 'listitem', version: 1, value: 1, children: [text('dalam')] };
  for (let i = 0; i < depth; i++) {
    node = { type: 'list', version: 1, listType: 'bullet', start: 1, tag: 'ul', children: [{ type: 'listitem', version: 1, value: 1, children: [node] }] };
  }
  return node;
}

describe('createInvoke', () => {
  it('answers an unknown handler with not-found', async () => {
    const t = start();
    for (const name of ['articles-drop', '__proto__', 'constructor', 'toString', '']) {
      expect(await t.fail(name, {}), name).toMatchObject({ kind: 'not-found', code: 'unknownHandler' });
    }
  });

  it('refuses wrong types, missing fields and unknown keys with field-level issues', async () => {
    const t = start();
    const idError = await t.fail('articles-get', { id: 5 });
    expect(idError).toMatchObject({ kind: 'validation', code: 'validation' });
    expect(idError.issues?.[0]?.path).toBe('id');
    expect(await t.fail('articles-get', { id: 'not-a-uuid' })).toMatchObject({ kind: 'validation' });
    expect(await t.fail('articles-list', { limit: 'many' })).toMatchObject({ kind: 'validation' });
    expect(await t.fail('articles-list', { limit: 0 })).toMatchObject({ kind: 'validation' });
    expect(await t.fail('articles-search', { query: 'x'.repeat(201) })).toMatchObject({ kind: 'validation' });
    expect(await t.fail('articles-create', { title: 'x'.repeat(301) })).toMatchObject({ kind: 'validation' });
    expect(await t.fail('articles-create', { title: 'ok', extra: true })).toMatchObject({ kind: 'validation' });
    expect(await t.fail('app-info', [])).toMatchObject({ kind: 'validation' });
    expect(await t.fail('app-info', 'text')).toMatchObject({ kind: 'validation' });
    // Missing arguments mean "no arguments".
    expect((await t.backend.invoke('app-info', undefined)).ok).toBe(true);
    expect(await t.call('articles-list', {})).toEqual([]);
  });

  it('refuses stored text with unpaired surrogates (SQLite would keep replacement characters instead)', async () => {
    const t = start();
    expect(await t.fail('articles-create', { title: 'Banjir \uD800' })).toMatchObject({ kind: 'validation', issues: [{ path: 'title' }] });
    expect(await t.fail('terms-create', { taxonomy: 'tag', name: '\uDC00' })).toMatchObject({ kind: 'validation' });
    expect(await t.fail('settings-update', { displayName: 'Ayu\uD83D' })).toMatchObject({ kind: 'validation' });
    const created = await t.call<Article>('articles-create', { title: 'Banjir 🌊' });
    expect((await t.call<Article>('articles-get', { id: created.id })).title).toBe('Banjir 🌊');
  });

  it('refuses bodies that are not safe Lexical documents, and stores nothing', async () => {
    const t = start();
    const { id } = await t.call<Article>('articles-create', { title: 'Asli' });
    await t.call('articles-save', { id, baseVersion: 1, title: 'Asli', excerpt: '', body: doc('Isi asli.') });
    const before = await t.call<Article>('articles-get', { id });
    const revisionsBefore = await t.call<unknown[]>('revisions-list', { articleId: id });
    const save = (body: unknown, extra: object = {}) =>
      t.fail('articles-save', { id, baseVersion: before.version, title: 'Diubah', excerpt: '', body, ...extra });

    const cases: [unknown, string][] = [
      [withChildren({ type: 'script', version: 1, children: [] }), 'body.unknownNode'],
      [withChildren(paragraph({ type: 'link', version: 1, url: 'javascript:alert(1)', children: [text('klik')] })), 'body.unsafeLink'],
      [withChildren(paragraph({ type: 'link', version: 1, url: 'data:text/html,<b>x</b>', children: [text('klik')] })), 'body.unsafeLink'],
      [withChildren(nested(40)), 'body.tooDeep'],
      [withChildren({ type: 'text', version: 1 }), 'body.invalid'],
      [{ root: { type: 'paragraph', children: [] } }, 'body.invalid'],
      ['<p>html</p>', 'body.invalid'],
      [null, 'body.invalid'],
    ];
    for (const [body, code] of cases) {
      const error = await save(body);
      expect(error.kind, code).toBe('validation');
      expect(error.issues?.map((i) => i.code), code).toContain(code);
    }
    expect(await save(doc('x'), { baseVersion: 'one' })).toMatchObject({ kind: 'validation' });
    expect(await save(doc('x'), { title: 42 })).toMatchObject({ kind: 'validation' });

    expect(await t.call<Article>('articles-get', { id })).toEqual(before);
    expect(await t.call<unknown[]>('revisions-list', { articleId: id })).toEqual(revisionsBefore);
    expect(await t.call<unknown[]>('articles-search', { query: 'diubah' })).toEqual([]);
  });

  it('hides the details of unexpected errors and reports them to the log hook', async () => {
    const onInternalError = vi.fn();
    const handlers = {
      'app-info': () => {
        throw new Error('secret path /home/wartawan/.config');
      },
    } as unknown as Handlers;
    const invoke = createInvoke(handlers, onInternalError);
    const result = await invoke('app-info', {});
    expect(result).toEqual({ ok: false, error: { kind: 'internal', code: 'internal', message: 'An unexpected error occurred.', retryable: false } });
    expect(onInternalError).toHaveBeenCalledOnce();
  });
});
