/**
 * Hostile and malformed inputs for every handler of the contract, generated from one valid example
 * input per handler and the kind of each of its fields. The same table is sent through the
 * dispatcher, the browser-mode host (HTTP) and the Electron IPC loop; see docs/reliability.md.
 *
 * A handler added to the contract without an entry in HANDLER_SPECS makes the suites fail, so every
 * new handler is covered from its first day.
 */
import { randomUUID } from 'node:crypto';
import type { HandlerName } from '../../shared/contract';
import { portalBlockCases } from './hostile-body-cases';
import type { ErrorKind } from '../../shared/errors';
import { LEXICAL_LIMITS } from '../../shared/lexical-document';
import { DEFAULT_SETTINGS } from '../settings/settings-service';
import { progressiveScanBomb } from './jpeg-scan-bomb';

/** Ids and bytes the examples refer to: made by seeding a fresh backend (see hostile-harness.ts). */
export interface SeededContext {
  articleId: string;
  /** The seeded article's current version. */
  version: number;
  revisionId: string;
  mediaId: string;
  categoryId: string;
  /** A small real JPEG (the one media-import's example sends). */
  photo: Uint8Array;
  /** The backend's data folder (a backup folder must never be inside it). */
  dataDir: string;
}

/** What a field holds; each kind brings its own hostile values. */
export type FieldKind =
  | 'id' // uuid of something that must exist
  | 'nullableId' // uuid or null (null means "none")
  | 'filterId' // uuid used as a filter: an unknown one honestly matches nothing
  | 'version'
  | 'title'
  | 'text' // stored as given
  | 'filterText' // only compared, never stored
  | 'query'
  | 'choice'
  | 'flag'
  | 'count'
  | 'instant'
  | 'body'
  | 'photo'
  | 'fileName'
  | 'termName'
  | 'tagList'
  | 'choiceList'
  | 'photoEdge'
  | 'portalAddress'
  | 'backupFolder'
  | 'backupName'
  | 'backupHours';

export interface HandlerSpec {
  /** A valid input (every example must pass its schema: a refusal then comes from the mutation). */
  example: (ctx: SeededContext) => Record<string, unknown>;
  fields: Record<string, FieldKind>;
  /** Fields that may be left out. */
  optional?: string[];
}

const everyKeyOptional = (fields: Record<string, FieldKind>) => Object.keys(fields);

/**
 * One entry per handler. Examples are chosen so that, were a mutation wrongly accepted, the damage
 * would show in the database snapshot rather than hide (e.g. the transition is one a writer may not
 * take, so an accepted call still changes nothing it should not).
 */
export const HANDLER_SPECS: Partial<Record<HandlerName, HandlerSpec>> = {
  'app-info': { example: () => ({}), fields: {} },
  'settings-get': { example: () => ({}), fields: {} },
  'settings-update': {
    example: () => ({ ...DEFAULT_SETTINGS }),
    fields: {
      language: 'choice',
      theme: 'choice',
      role: 'choice',
      timeZone: 'choice',
      onboarded: 'flag',
      displayName: 'text',
      photoLongEdge: 'photoEdge',
      photoFormat: 'choice',
      bylineOnPortal: 'flag',
    },
    optional: ['language', 'theme', 'role', 'timeZone', 'onboarded', 'displayName', 'photoLongEdge', 'photoFormat', 'bylineOnPortal'],
  },
  'articles-list': { example: () => ({ scope: 'active', limit: 10 }), fields: { scope: 'choice', limit: 'count' }, optional: ['scope', 'limit'] },
  'articles-search': { example: () => ({ query: 'banjir', limit: 5 }), fields: { query: 'query', limit: 'count' }, optional: ['limit'] },
  // The id a window chose: an unknown one makes the article (that is its purpose), a malformed one is refused.
  'articles-create': { example: () => ({ id: randomUUID(), title: 'Banjir di Tenggarong' }), fields: { id: 'filterId', title: 'title' }, optional: ['id', 'title'] },
  'articles-get': { example: (c) => ({ id: c.articleId }), fields: { id: 'id' } },
  'articles-save': {
    example: (c) => ({ id: c.articleId, baseVersion: c.version, title: 'Judul baru', excerpt: 'Ringkas', body: validBody() }),
    fields: { id: 'id', baseVersion: 'version', title: 'title', excerpt: 'text', body: 'body' },
  },
  'articles-set-featured-image': { example: (c) => ({ id: c.articleId, mediaId: c.mediaId }), fields: { id: 'id', mediaId: 'nullableId' } },
  'articles-trash': { example: (c) => ({ id: c.articleId }), fields: { id: 'id' } },
  'articles-untrash': { example: (c) => ({ id: c.articleId }), fields: { id: 'id' } },
  'articles-delete-forever': { example: (c) => ({ id: c.articleId }), fields: { id: 'id' } },
  'articles-discard-if-blank': { example: (c) => ({ id: c.articleId }), fields: { id: 'id' } },
  'revisions-list': { example: (c) => ({ articleId: c.articleId }), fields: { articleId: 'id' } },
  'revisions-get': { example: (c) => ({ id: c.revisionId }), fields: { id: 'id' } },
  'revisions-restore': {
    example: (c) => ({ articleId: c.articleId, revisionId: c.revisionId, baseVersion: c.version }),
    fields: { articleId: 'id', revisionId: 'id', baseVersion: 'version' },
  },
  'media-import': { example: (c) => ({ fileName: 'foto.jpg', data: c.photo }), fields: { fileName: 'fileName', data: 'photo' } },
  'media-get': { example: (c) => ({ id: c.mediaId }), fields: { id: 'id' } },
  'workflow-transition': {
    example: (c) => ({ id: c.articleId, action: 'approve', note: 'Catatan', publishAt: Date.UTC(2030, 0, 1) }),
    fields: { id: 'id', action: 'choice', note: 'text', publishAt: 'instant' },
    optional: ['note', 'publishAt'],
  },
  'workflow-history': { example: (c) => ({ id: c.articleId }), fields: { id: 'id' } },
  'workflow-check': { example: (c) => ({ id: c.articleId }), fields: { id: 'id' } },
  'queue-list': {
    example: (c) => ({ statuses: ['submitted'], author: 'Ayu', categoryId: c.categoryId }),
    fields: { statuses: 'choiceList', author: 'filterText', categoryId: 'filterId' },
    optional: everyKeyOptional({ statuses: 'choiceList', author: 'filterText', categoryId: 'filterId' }),
  },
  'terms-list': { example: () => ({ taxonomy: 'category' }), fields: { taxonomy: 'choice' } },
  'terms-create': { example: () => ({ taxonomy: 'tag', name: 'Banjir' }), fields: { taxonomy: 'choice', name: 'termName' } },
  'articles-set-terms': {
    example: (c) => ({ id: c.articleId, categoryId: c.categoryId, tags: ['Banjir'] }),
    fields: { id: 'id', categoryId: 'nullableId', tags: 'tagList' },
  },
  'portal-get': { example: () => ({}), fields: {} },
  // A loopback port nobody serves: were a hostile variant wrongly accepted, nothing leaves the machine.
  'portal-test': {
    example: () => ({ address: 'http://127.0.0.1:9', username: 'wartawan', appPassword: 'abcd efgh ijkl mnop' }),
    fields: { address: 'portalAddress', username: 'text', appPassword: 'text' },
    optional: ['appPassword'],
  },
  'portal-save': {
    example: () => ({ address: 'http://127.0.0.1:9', username: 'wartawan', appPassword: 'abcd efgh ijkl mnop' }),
    fields: { address: 'portalAddress', username: 'text', appPassword: 'text' },
    optional: ['appPassword'],
  },
  'portal-forget': { example: () => ({}), fields: {} },
  'sync-status': { example: () => ({}), fields: {} },
  'sync-run': { example: () => ({}), fields: {} },
  'sync-items': { example: () => ({}), fields: {} },
  'sync-retry': { example: (c) => ({ articleId: c.articleId }), fields: { articleId: 'id' } },
  'sync-hold': { example: (c) => ({ articleId: c.articleId }), fields: { articleId: 'nullableId' } },
  'sync-article': { example: (c) => ({ id: c.articleId }), fields: { id: 'id' } },
  'sync-conflict-get': { example: (c) => ({ articleId: c.articleId }), fields: { articleId: 'id' } },
  'sync-conflict-resolve': { example: (c) => ({ articleId: c.articleId, choice: 'local' }), fields: { articleId: 'id', choice: 'choice' } },
  'backup-status': { example: () => ({}), fields: {} },
  'backup-configure': {
    example: () => ({ folder: null, keep: 5, intervalHours: 12 }),
    fields: { folder: 'backupFolder', keep: 'count', intervalHours: 'backupHours' },
    optional: ['folder', 'keep', 'intervalHours'],
  },
  'backup-now': { example: () => ({}), fields: {} },
  'backup-list': { example: () => ({}), fields: {} },
  'backup-restore': { example: () => ({ name: '20261207T233000000Z-0123abcd' }), fields: { name: 'backupName' } },
  'backup-restore-cancel': { example: () => ({}), fields: {} },
};

export interface HostileCase {
  handler: string;
  label: string;
  input: unknown;
  /** The honest kinds of refusal; never 'internal'. */
  expect: readonly ErrorKind[];
}

const V: readonly ErrorKind[] = ['validation'];
const NOT_FOUND: readonly ErrorKind[] = ['not-found'];

export const UNKNOWN_ID = '6f1c2a9e-4b7d-4e21-9c3a-5d8e7f6a1b2c';
const MB = 1024 * 1024;
/** Shared, so the many cases that carry one cost memory once. */
export const HUGE = { oneMegabyte: 'a'.repeat(MB), tenMegabytes: 'T'.repeat(10 * MB) };

function validBody() {
  return {
    root: {
      type: 'root',
      version: 1,
      children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: 'Isi berita.', format: 0, style: '', mode: 'normal', detail: 0 }] }],
    },
  };
}

/** An object created by JSON.parse: `__proto__` is then an own key, as it arrives from the network. */
const parsed = (json: string): Record<string, unknown> => JSON.parse(json) as Record<string, unknown>;

function nestedObject(depth: number): unknown {
  let value: unknown = { bottom: true };
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

function nestedArray(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** The raw byte patterns of things that are not photos. */
export const NOT_PHOTOS: Record<string, Uint8Array> = {
  'Windows executable': new Uint8Array([0x4d, 0x5a, 0x90, 0x00, ...new Array<number>(60).fill(0)]),
  'HTML page with script': new TextEncoder().encode('<!doctype html><script>alert(document.cookie)</script>'),
  'SVG with script': new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  'PDF document': new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF'),
  'ZIP archive': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]),
  'shell script': new TextEncoder().encode('#!/bin/sh\nrm -rf ~\n'),
  'one byte': new Uint8Array([0xff]),
  'JPEG magic only': new Uint8Array([0xff, 0xd8, 0xff, 0xe0]),
  'PNG header only': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'empty file': new Uint8Array(0),
  // 341 KB that took libjpeg 24 s to decode: refused from its markers (see jpeg-scans.ts).
  'progressive JPEG with 10,000 scans': progressiveScanBomb().bytes,
};

const HOSTILE_FILE_NAMES: Record<string, string> = {
  'path traversal': '../../etc/passwd',
  'absolute path': '/etc/shadow',
  'Windows traversal': '..\\..\\win.ini',
  'Windows drive path': 'C:\\Windows\\System32\\drivers\\etc\\hosts',
  'NUL byte': 'foto.jpg\u0000.exe',
  'RTL override': 'foto\u202Egpj.exe',
  'device name': 'CON',
  'only dots': '..',
  'script tag': '<script>alert(1)</script>.jpg',
  'newlines': 'foto\r\nSet-Cookie: x=1.jpg',
};

function lexicalCases(): [string, unknown, readonly ErrorKind[]][] {
  const withChildren = (...children: unknown[]) => ({ root: { type: 'root', version: 1, children } });
  const p = (...children: unknown[]) => ({ type: 'paragraph', version: 1, children });
  const t = (text: unknown) => ({ type: 'text', version: 1, text });
  const link = (url: unknown) => p({ type: 'link', version: 1, url, children: [t('klik')] });
  const image = (fields: Record<string, unknown>) => ({ type: 'image', version: 1, mediaId: UNKNOWN_ID, altText: '', caption: '', credit: '', ...fields });
  let depthBomb: unknown = t('dalam');
  for (let i = 0; i < LEXICAL_LIMITS.maxDepth + 2; i++) depthBomb = { type: 'quote', version: 1, children: [depthBomb] };
  let deepBomb: unknown = t('dalam');
  for (let i = 0; i < 500; i++) deepBomb = { type: 'quote', version: 1, children: [deepBomb] };
  return [
    ['body: unknown node type script', withChildren({ type: 'script', version: 1, children: [] }), V],
    ['body: unknown node type iframe', withChildren({ type: 'iframe', version: 1, src: 'https://evil.example' }), V],
    ['body: unknown node type html', withChildren(p({ type: 'html', version: 1, html: '<img src=x onerror=alert(1)>' })), V],
    ['body: node type __proto__', withChildren({ type: '__proto__', version: 1, children: [] }), V],
    ['body: depth just over the limit', withChildren(depthBomb), V],
    ['body: depth bomb of 500 levels', withChildren(deepBomb), V],
    ['body: text over the size limit', withChildren(p(t('x'.repeat(LEXICAL_LIMITS.maxTextLength + 1)))), V],
    ['body: version as a string', { root: { type: 'root', version: '1', children: [] } }, V],
    ['body: negative version', withChildren({ ...p(t('x')), version: -1 }), V],
    ['body: fractional version', withChildren(p({ ...t('x'), version: 1.5 })), V],
    ['body: version as an object', withChildren({ ...p(t('x')), version: { major: 1 } }), V],
    ['body: heading with a script tag', withChildren({ type: 'heading', version: 1, tag: 'script', children: [t('x')] }), V],
    ['body: heading with an iframe tag', withChildren({ type: 'heading', version: 1, tag: 'iframe', children: [t('x')] }), V],
    ['body: list with an unknown tag', withChildren({ type: 'list', version: 1, tag: 'object', listType: 'bullet', children: [] }), V],
    ['body: list with an unknown list type', withChildren({ type: 'list', version: 1, tag: 'ul', listType: '<b>', children: [] }), V],
    ['body: text without text', withChildren(p({ type: 'text', version: 1 })), V],
    ['body: text as a number', withChildren(p(t(42))), V],
    ['body: children not an array', withChildren({ type: 'paragraph', version: 1, children: 'x' }), V],
    ['body: text node with children', withChildren(p({ ...t('x'), children: [t('y')] })), V],
    ['body: root of the wrong type', { root: { type: 'paragraph', version: 1, children: [] } }, V],
    ['body: root without children', { root: { type: 'root', version: 1 } }, V],
    ['body: root as an array', { root: [] }, V],
    ['body: a string of HTML', '<p onclick="alert(1)">html</p>', V],
    ['body: an array', [validBody()], V],
    ['body: a number', 7, V],
    ['body: null', null, V],
    ['body: javascript: link', withChildren(link('javascript:alert(1)')), V],
    ['body: mixed-case javascript: link', withChildren(link('JaVaScRiPt:alert(1)')), V],
    ['body: javascript: link behind whitespace', withChildren(link('  \tjavascript:alert(1)')), V],
    ['body: javascript: link split by a newline', withChildren(link('java\nscript:alert(1)')), V],
    ['body: data: link', withChildren(link('data:text/html,<script>alert(1)</script>')), V],
    ['body: vbscript: link', withChildren(link('vbscript:msgbox(1)')), V],
    ['body: file: link', withChildren(link('file:///etc/passwd')), V],
    ['body: link without url', withChildren(p({ type: 'link', version: 1, children: [t('x')] })), V],
    ['body: link url as an object', withChildren(link({ href: 'https://x.example' })), V],
    ['body: autolink to javascript:', withChildren(p({ type: 'autolink', version: 1, url: 'javascript:alert(1)', children: [t('x')] })), V],
    ['body: link url over 2048 characters', withChildren(link(`https://x.example/${'a'.repeat(3000)}`)), V],
    ['body: image of an unknown media id', withChildren(image({})), V],
    ['body: image with a traversal media id', withChildren(image({ mediaId: '../../media/x' })), V],
    ['body: image without alt text field', withChildren(image({ altText: undefined })), V],
    ['body: image caption as a number', withChildren(image({ caption: 5 })), V],
    ['body: image caption over the limit', withChildren(image({ caption: 'c'.repeat(2001) })), V],
    ['body: image with children', withChildren({ ...image({}), children: [t('x')] }), V],
    ...portalBlockCases(withChildren),
    ['body: __proto__ inside a node', withChildren(parsed('{"type":"paragraph","version":1,"children":[],"__proto__":{"type":"script"}}')), V],
  ];
}

/** Wrong-type stand-ins for a field: every one differs in type from the valid value. */
function wrongTypes(valid: unknown, nullable: boolean): [string, unknown][] {
  const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : v instanceof Uint8Array ? 'bytes' : typeof v);
  const candidates: [string, unknown][] = [
    ['a number', 42],
    ['a negative fraction', -1.5],
    ['a string', 'teks'],
    ['a numeric string', '1'],
    ['true', true],
    ['false', false],
    ['an empty array', []],
    ['the valid value in an array', [valid]],
    ['an empty object', {}],
    ['the valid value in an object', { value: valid }],
    ['null', null],
  ];
  return candidates.filter(([, v]) => typeOf(v) !== typeOf(valid) && !(nullable && v === null));
}

function kindCases(kind: FieldKind, valid: unknown, ctx: SeededContext): [string, unknown, readonly ErrorKind[], Record<string, unknown>?][] {
  const malformedIds: [string, unknown, readonly ErrorKind[]][] = [
    ['an empty id', '', V],
    ['a malformed uuid', 'not-a-uuid', V],
    ['a uuid without dashes', UNKNOWN_ID.replaceAll('-', ''), V],
    ['a uuid with a trailing space', `${UNKNOWN_ID} `, V],
    ['a uuid with a NUL byte', `${UNKNOWN_ID}\u0000`, V],
    ['a uuid with an extra character', `${UNKNOWN_ID}0`, V],
    ['an SQL injection', "' OR 1=1 --", V],
    ['a path traversal', '../../etc/passwd', V],
    ['a 1 MB id', HUGE.oneMegabyte, V],
  ];
  switch (kind) {
    case 'id':
      return [...malformedIds, ['an unknown uuid', UNKNOWN_ID, NOT_FOUND], ['the nil uuid', '00000000-0000-0000-0000-000000000000', NOT_FOUND]];
    case 'nullableId':
      return [...malformedIds, ['an unknown uuid', UNKNOWN_ID, ['not-found', 'validation']]];
    case 'filterId':
      return malformedIds;
    case 'version':
      return [
        ['a negative version', -1, V],
        ['a fractional version', 1.5, V],
        ['NaN', Number.NaN, V],
        ['Infinity', Number.POSITIVE_INFINITY, V],
        ['-Infinity', Number.NEGATIVE_INFINITY, V],
        ['an unsafe integer', 2 ** 53, V],
        ['1e308', 1e308, V],
        ['a version from the future', ctx.version + 1000, ['conflict']],
      ];
    case 'title':
      return [
        ['a 10 MB title', HUGE.tenMegabytes, V],
        ['a title one over the limit', 't'.repeat(301), V],
        ['a title with a lone surrogate', 'Banjir \uD800', V],
      ];
    case 'text':
      return [
        ['a 1 MB string', HUGE.oneMegabyte, V],
        ['a lone low surrogate', '\uDC00', V],
      ];
    case 'filterText':
      return [['a 1 MB string', HUGE.oneMegabyte, V]];
    case 'portalAddress':
      return [
        ['a 1 MB address', HUGE.oneMegabyte, V],
        ['an empty address', '', V],
        ['only spaces', '   ', V],
        ['an ftp address', 'ftp://portal.example', V],
        ['a javascript: address', 'javascript:alert(1)', V],
        ['a file: address', 'file:///etc/passwd', V],
        ['an address one over the limit', `https://${'a'.repeat(500)}.example`, V],
      ];
    case 'query':
      return [
        ['a 1 MB query', HUGE.oneMegabyte, V],
        ['a query one over the limit', 'q'.repeat(201), V],
      ];
    case 'choice': {
      const value = String(valid);
      return [
        ['an unknown choice', 'unknown', V],
        ['an empty choice', '', V],
        ['a choice with a trailing space', `${value} `, V],
        ['a choice in upper case', value.toUpperCase() === value ? value.toLowerCase() : value.toUpperCase(), V],
        ['__proto__ as a choice', '__proto__', V],
        ['toString as a choice', 'toString', V],
        ['a 1 MB choice', HUGE.oneMegabyte, V],
      ];
    }
    case 'flag':
      return [['the string "false"', 'false', V], ['the number 0', 0, V]];
    case 'count':
      return [
        ['zero', 0, V],
        ['a negative count', -1, V],
        ['a fractional count', 2.5, V],
        ['a huge count', 1e9, V],
        ['NaN', Number.NaN, V],
        ['Infinity', Number.POSITIVE_INFINITY, V],
        ['an unsafe integer', 2 ** 53 + 2, V],
      ];
    case 'instant':
      return [
        ['NaN', Number.NaN, V],
        ['Infinity', Number.POSITIVE_INFINITY, V],
        ['-Infinity', Number.NEGATIVE_INFINITY, V],
        ['a negative instant', -1, V],
        ['a fractional instant', 1.5, V],
        ['past the end of time', 8.64e15 + 1, V],
        ['1e308', 1e308, V],
        ['an ISO date string', '2030-01-01T10:00:00Z', V],
      ];
    case 'body':
      return lexicalCases();
    case 'photo':
      return [
        ...Object.entries(NOT_PHOTOS).map(([what, bytes]): [string, unknown, readonly ErrorKind[]] => [`bytes of ${what}`, bytes, V]),
        ['bytes over the 40 MB photo limit', new Uint8Array(40 * MB + 1), V],
        ['the bytes as base64 text', 'data:image/jpeg;base64,/9j/4AAQ', V],
        ['the bytes as an array of numbers', [...ctx.photo.subarray(0, 64)], V],
        ['the bytes as an array-like object', { 0: 255, 1: 216, length: 2 }, V],
        ['a blob reference outside a framed body', { $blob: 0 }, V],
        ['an Int16Array', new Int16Array(8), V],
      ];
    case 'fileName':
      // With bytes that are not a photo: the name must not matter to how the refusal goes.
      return [
        ...Object.entries(HOSTILE_FILE_NAMES).map(([what, name]): [string, unknown, readonly ErrorKind[], Record<string, unknown>] => [
          `a file name with ${what}`,
          name,
          V,
          { data: NOT_PHOTOS['Windows executable'] },
        ]),
        ['a file name over 255 characters', `${'n'.repeat(300)}.jpg`, V],
        ['a 1 MB file name', HUGE.oneMegabyte, V],
      ];
    case 'termName':
      return [
        ['an empty name', '', V],
        ['a blank name', ' \t\n ', V],
        ['a name one over the limit', 'n'.repeat(61), V],
        ['a 1 MB name', HUGE.oneMegabyte, V],
        ['a name with a lone surrogate', 'Ban\uD83Djir', V],
      ];
    case 'tagList':
      return [
        ['one tag too many', Array.from({ length: 21 }, (_, i) => `tag${i}`), V],
        ['ten thousand tags', Array.from({ length: 10_000 }, (_, i) => `tag${i}`), V],
        ['an empty tag', [''], V],
        ['a blank tag', ['   '], V],
        ['a tag one over the limit', ['t'.repeat(61)], V],
        ['a tag as a number', [42], V],
        ['a null tag', [null], V],
        ['a nested array', [['Banjir']], V],
        ['a tag as an object', [{ name: 'Banjir' }], V],
        ['a tag with a lone surrogate', ['\uDE00Banjir'], V],
      ];
    case 'choiceList':
      return [
        ['an unknown status', ['draft'], V],
        ['too many statuses', ['submitted', 'approved', 'scheduled', 'submitted'], V],
        ['a status as a number', [1], V],
        ['a null status', [null], V],
        ['ten thousand statuses', new Array<string>(10_000).fill('submitted'), V],
      ];
    case 'backupFolder':
      // A folder typed in the window: never one that exists and could be written to by a wrongly accepted call.
      return [
        ['a relative folder', 'cadangan', V],
        ['a traversal', '../../../../tmp', V],
        ['an absolute traversal', '/tmp/../../etc/cron.d', V],
        ['a NUL byte', '/tmp\u0000/x', V],
        ['a folder that does not exist', '/redaksi/tidak-ada', V],
        ['a file', '/etc/hostname', V],
        ['an empty folder', '', V],
        ['a 1 MB folder', HUGE.oneMegabyte, V],
        ['the data folder itself', ctx.dataDir, V],
      ];
    case 'backupName':
      return [
        ['a traversal', '../../etc/passwd', V],
        ['an absolute path', '/etc/passwd', V],
        ['a name followed by a traversal', '20261207T233000000Z-0123abcd/../../x', V],
        ['an unfinished backup', '.20261207T233000000Z-0123abcd.partial', V],
        ['a NUL byte', '20261207T233000000Z-0123abcd\u0000', V],
        ['a 1 MB name', HUGE.oneMegabyte, V],
        ['an empty name', '', V],
        ['a backup that does not exist', '20001231T235959999Z-ffffffff', ['validation', 'not-found']],
      ];
    case 'backupHours':
      return [
        ['an interval that is not offered', 2, V],
        ['zero hours', 0, V],
        ['a negative interval', -4, V],
        ['a fractional interval', 4.5, V],
        ['the string "4"', '4', V],
      ];
    case 'photoEdge':
      return [
        ['an edge that is not offered', 1000, V],
        ['a fractional edge', 1600.5, V],
        ['a negative edge', -1600, V],
        ['zero', 0, V],
        ['NaN', Number.NaN, V],
      ];
  }
}

/** Unknown keys, with names and values picked to hurt: schemas are strict, so each is refused. */
function extraFieldCases(example: Record<string, unknown>): [string, unknown][] {
  const names = ['extra', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'then', '$blob', '', '\u0000', '\u202Eid', 'id ', 'x'.repeat(10_000)];
  const values: [string, unknown][] = [
    ['a number', 1],
    ['an object', { polluted: true }],
    ['a script tag', '<script>alert(1)</script>'],
  ];
  const out: [string, unknown][] = [];
  for (const name of names) {
    if (Object.hasOwn(example, name)) continue;
    for (const [what, value] of values) {
      // defineProperty makes an own key even of "__proto__" (assignment would set the prototype), as
      // JSON.parse does with what arrives from the network.
      const input = { ...example };
      Object.defineProperty(input, name, { value, enumerable: true, configurable: true, writable: true });
      out.push([`an extra field ${JSON.stringify(name.length > 20 ? `${name.slice(0, 8)}… (${name.length} chars)` : name)} holding ${what}`, input]);
    }
  }
  return out;
}

/** Every hostile case for one handler. */
export function hostileCasesFor(handler: string, spec: HandlerSpec, ctx: SeededContext): HostileCase[] {
  const example = spec.example(ctx);
  const cases: HostileCase[] = [];
  const add = (label: string, input: unknown, expect: readonly ErrorKind[] = V) => cases.push({ handler, label, input, expect });

  // The whole input replaced by something that is not an object of the right shape.
  const shapes: [string, unknown][] = [
    ['a number instead of an object', 42],
    ['zero instead of an object', 0],
    ['a string instead of an object', 'teks'],
    ['an empty string instead of an object', ''],
    ['JSON text instead of an object', JSON.stringify(example)],
    ['true instead of an object', true],
    ['false instead of an object', false],
    ['an empty array', []],
    ['the valid input in an array', [example]],
    ['nested empty arrays', [[]]],
  ];
  for (const [label, input] of shapes) add(label, input);

  for (const [label, input] of extraFieldCases(example)) add(label, input);
  add('ten thousand extra fields', { ...example, ...Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i])) });
  // 1000 levels: deeper than any honest input, and still within what JSON.stringify and Electron's
  // structured clone can serialise (the raw HTTP suite sends a million levels as text).
  add('an extra field nesting objects 1000 deep', { ...example, nested: nestedObject(1_000) });
  add('an extra field nesting arrays 1000 deep', { ...example, nested: nestedArray(1_000) });
  add('constructor.prototype pollution', { ...example, constructor: { prototype: { polluted: true } } });

  const keys = Object.keys(spec.fields);
  // (Where null is a meaning of every field, e.g. "no article open", all-null is a valid input.)
  if (keys.length > 0 && !keys.every((k) => spec.fields[k] === 'nullableId')) add('every field null', Object.fromEntries(keys.map((k) => [k, null])));
  for (const key of keys) {
    if (!spec.optional?.includes(key)) {
      const { [key]: _dropped, ...rest } = example;
      add(`${key} missing`, rest);
    }
    const kind = spec.fields[key]!;
    for (const [what, value] of wrongTypes(example[key], kind === 'nullableId')) add(`${key} as ${what}`, { ...example, [key]: value });
    for (const [what, value, expect, alsoSet] of kindCases(kind, example[key], ctx)) {
      add(`${key} as ${what}`, { ...example, ...alsoSet, [key]: value }, expect);
    }
    const pollutedValue = parsed(`{"__proto__":{"polluted":true},"value":${JSON.stringify(example[key] instanceof Uint8Array ? 0 : (example[key] ?? null))}}`);
    add(`${key} as an object with an own __proto__ key`, { ...example, [key]: pollutedValue });
  }
  return cases;
}

export const UNKNOWN_HANDLER_NAMES: readonly string[] = [
  'articles-drop',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '',
  'APP-INFO',
  'app-info ',
  'app-info\u0000',
  '../app-info',
  'app-info/../settings-update',
  'x'.repeat(10_000),
];
