import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PortalConnection, SyncStatus } from '../../shared/sync';
import { DATABASE_FILE_NAME } from '../backend';
import { fileSecretStore } from '../secrets/secret-store';
import { openTestBackend, type TestBackend } from '../testing/fixtures';

const open: TestBackend[] = [];
afterEach(() => open.splice(0).forEach((b) => b.dispose()));
const backend = (overrides = {}) => {
  const t = openTestBackend(overrides);
  open.push(t);
  return t;
};

// A loopback port nothing listens on: the connection is refused at once (like no signal at all).
let UNREACHABLE = '';
beforeAll(async () => {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  UNREACHABLE = `http://127.0.0.1:${port}`;
});
const PASSWORD = 'abcd EFGH ijkl MNOP qrst UVWX';

describe('portal connection without a reachable portal', () => {
  it('is saved offline-first, unverified, and sync reports offline with the reason', async () => {
    const t = backend();
    const saved = await t.call<PortalConnection>('portal-save', { address: UNREACHABLE, username: 'wartawan', appPassword: PASSWORD });
    expect(saved).toMatchObject({ address: UNREACHABLE, username: 'wartawan', hasPassword: true, account: null, verifiedAt: null });
    const status = await t.call<SyncStatus>('sync-run');
    expect(status.connection).toBe('offline');
    expect(status.lastError?.code).toBe('portal.unreachable');
    // No account proven yet: the local role still decides.
    expect((await t.call<{ role: string }>('settings-get')).role).toBe('writer');
  });

  it('keeps the password out of the database and in a file only the user can read', async () => {
    const t = backend({ secrets: undefined });
    const dir = t.dataDir;
    t.backend.close();
    const fresh = openTestBackend({ secrets: fileSecretStore(dir) }, dir);
    open.splice(open.indexOf(t), 1, fresh);
    await fresh.call('portal-save', { address: UNREACHABLE, username: 'wartawan', appPassword: PASSWORD });
    fresh.backend.close();
    for (const name of fs.readdirSync(dir)) {
      if (!name.startsWith(DATABASE_FILE_NAME)) continue;
      expect(fs.readFileSync(path.join(dir, name)).includes(Buffer.from('ijkl MNOP')), name).toBe(false);
    }
    const secrets = path.join(dir, 'secrets.json');
    expect(fs.statSync(secrets).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(secrets, 'utf8')).toContain('ijkl MNOP');
  });

  it('the connection answer never carries the password; forgetting removes it', async () => {
    const t = backend();
    await t.call('portal-save', { address: UNREACHABLE, username: 'wartawan', appPassword: PASSWORD });
    const got = await t.call<PortalConnection>('portal-get');
    expect(JSON.stringify(got)).not.toContain('MNOP');
    const forgotten = await t.call<PortalConnection>('portal-forget');
    expect(forgotten).toMatchObject({ address: '', hasPassword: false });
    expect((await t.call<SyncStatus>('sync-status')).connection).toBe('unconfigured');
  });

  it('refuses what is not a web address, and a save without any password', async () => {
    const t = backend();
    expect((await t.fail('portal-save', { address: 'ftp://portal.example', username: 'w', appPassword: 'x' })).code).toBe('portal.addressInvalid');
    expect((await t.fail('portal-save', { address: UNREACHABLE, username: 'w' })).code).toBe('portal.credentialsMissing');
    expect((await t.fail('portal-test', { address: '', username: 'w' })).kind).toBe('validation');
  });

  it('the connection test explains an unreachable address step by step', async () => {
    const t = backend();
    const report = await t.call<{ ok: boolean; steps: { id: string; status: string; code: string }[] }>('portal-test', {
      address: UNREACHABLE,
      username: 'w',
      appPassword: PASSWORD,
    });
    expect(report.ok).toBe(false);
    expect(report.steps[0]).toMatchObject({ id: 'reachable', status: 'fail', code: 'portal.unreachable' });
    expect(report.steps.slice(1).every((s) => s.status === 'skipped')).toBe(true);
  });
});

describe('the saved Application Password', () => {
  /** A portal port that records where credentials would have gone, and answers like a closed port. */
  function recordingFetch() {
    const sent: { url: string; authorization: string | null }[] = [];
    const fetchPort = async (url: string, init: RequestInit): Promise<Response> => {
      sent.push({ url, authorization: new Headers(init.headers).get('authorization') });
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    };
    return { sent, fetchPort };
  }

  it('is reused only for the same site and user; anything else needs the password typed again', async () => {
    const { sent, fetchPort } = recordingFetch();
    const t = backend({ fetch: fetchPort });
    await t.call('portal-save', { address: UNREACHABLE, username: 'wartawan', appPassword: PASSWORD });
    const others = [
      { address: 'https://penyerang.example', username: 'wartawan' },
      { address: UNREACHABLE.replace('127.0.0.1', 'localhost'), username: 'wartawan' },
      { address: `${UNREACHABLE}/lain`, username: 'wartawan' },
      { address: UNREACHABLE, username: 'admin' },
    ];
    sent.length = 0;
    for (const other of others) {
      for (const handler of ['portal-test', 'portal-save']) {
        const err = await t.fail(handler, other);
        expect([err.kind, err.code], `${handler} ${JSON.stringify(other)}`).toEqual(['validation', 'portal.passwordForOtherAccount']);
        expect(err.params).toEqual({ address: UNREACHABLE, username: 'wartawan' });
      }
    }
    expect(sent, 'nothing went out with the saved password').toEqual([]);
    // The saved connection is untouched.
    expect(await t.call<PortalConnection>('portal-get')).toMatchObject({ address: UNREACHABLE, username: 'wartawan', hasPassword: true });
    // The same site and user still reuse it (written with a trailing slash too).
    await t.call('portal-test', { address: `${UNREACHABLE}/`, username: 'wartawan' });
    expect(sent.length).toBeGreaterThan(0);
    // Only the same site; the other scheme of that address is asked (without the password) whether it answers.
    const otherScheme = UNREACHABLE.replace('http:', 'https:');
    expect(sent.every((s) => s.url.startsWith(UNREACHABLE) || (s.url.startsWith(otherScheme) && s.authorization === null))).toBe(true);
    // Typed again, the password goes to the other site.
    await t.call('portal-test', { address: 'https://penyerang.example', username: 'wartawan', appPassword: 'wxyz wxyz wxyz wxyz wxyz wxyz' });
  });
});
