/**
 * An address typed without http:// or https:// (https:// is assumed), or with the wrong one: the
 * connection test names the address where the portal does answer, and "Simpan" does not keep the
 * wrong one as if the portal were merely offline.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { memorySecretStore } from '../../secrets/secret-store';
import { openTestBackend } from '../../testing/fixtures';
import { testConnection } from '../test-connection';
import { testSite } from './site';

const backend = openTestBackend({ secrets: memorySecretStore(), portalTimeoutMs: 8_000 });
afterAll(() => backend.dispose());

describe('the scheme of the portal address', () => {
  const site = () => testSite();
  const plain = () => site().url.replace(/^https?:\/\//, '');

  it.each([
    ['without a scheme', () => plain()],
    ['with https:// for a portal on http://', () => `https://${plain()}`],
  ])('%s: the test names the address that answers', async (_, address) => {
    const report = await testConnection(address(), site().users.AUTHOR.username, site().users.AUTHOR.appPassword, 'Asia/Makassar', { timeoutMs: 5_000 });
    const reachable = report.steps.find((s) => s.id === 'reachable');
    expect(reachable).toMatchObject({ status: 'fail', code: 'portal.otherScheme', params: { address: site().url } });
  });

  it('"Simpan" with the wrong scheme is refused with that hint, not kept as offline', async () => {
    const error = await backend.fail('portal-save', { address: plain(), username: site().users.AUTHOR.username, appPassword: site().users.AUTHOR.appPassword });
    expect(error).toMatchObject({ code: 'portal.otherScheme', params: { address: site().url } });
  });
});
