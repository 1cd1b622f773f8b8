/**
 * Where the Application Password may go: redirects of requests that carry it, the REST root a Link
 * header names, and the warning for plain http:// portals.
 */
import { describe, expect, it } from 'vitest';
import { rejectionOf } from '../../../test-support/errors';
import { isUnencryptedRemote } from '../../shared/portal-address';
import { discoverRestRoot } from './discovery';
import { redirectKind } from './redirects';
import { testConnection } from './test-connection';
import { WordPressClient, type HttpPort } from './wordpress-client';

const PASSWORD = 'abcd EFGH ijkl MNOP qrst UVWX';
const INDEX = { name: 'Kabar Kukar', url: '', home: '', timezone_string: 'Asia/Makassar', gmt_offset: 8, namespaces: ['wp/v2'], authentication: { 'application-passwords': {} } };
const ME = { id: 3, username: 'rina', name: 'Rina', roles: ['editor'], capabilities: { edit_posts: true, edit_others_posts: true, upload_files: true, publish_posts: true } };

/**
 * A network of fake sites. `redirect: 'follow'` is honoured the way many HTTP stacks do it, headers
 * and all, so a request that lets the port follow shows where the password would have gone.
 */
function network(routes: Record<string, (url: URL, init: RequestInit) => Response>) {
  const log: { url: string; authorization: string | null }[] = [];
  const port: HttpPort = async (url, init) => {
    for (let hop = 0; hop < 5; hop++) {
      log.push({ url, authorization: new Headers(init.headers).get('authorization') });
      const target = new URL(url);
      const route = routes[target.origin + target.pathname] ?? routes[target.origin];
      const response = route ? route(target, init) : new Response('<html>404</html>', { status: 404, headers: { 'Content-Type': 'text/html' } });
      const location = response.headers.get('location');
      if (init.redirect === 'manual' || !location || response.status < 300 || response.status >= 400) return response;
      url = new URL(location, target).toString();
    }
    throw new Error('redirect loop');
  };
  const withPassword = () => log.filter((l) => l.authorization !== null).map((l) => l.url);
  return { port, log, withPassword };
}

const redirect = (to: string, status = 302) => () => new Response(null, { status, headers: { Location: to } });

describe('redirects of requests that carry the password', () => {
  it('classifies redirects', () => {
    const k = (a: string, b: string) => redirectKind(new URL(a), new URL(b));
    expect(k('https://p.example/a', 'https://p.example/b')).toBe('same');
    expect(k('http://p.example/a', 'https://p.example/b')).toBe('upgrade');
    expect(k('http://p.example:8080/a', 'https://p.example:8080/b')).toBe('upgrade');
    expect(k('https://p.example/a', 'http://p.example/b')).toBe('downgrade');
    expect(k('https://p.example/a', 'https://www.p.example/b')).toBe('elsewhere');
    expect(k('https://p.example/a', 'https://p.example:8443/b')).toBe('elsewhere');
    expect(k('https://p.example/a', 'https://evil.example/b')).toBe('elsewhere');
  });

  it('never follows https to http or to another host with the password; same origin and upgrades are followed', async () => {
    const { port, withPassword } = network({
      'https://p.example/wp-json/wp/v2/users/me': redirect('http://p.example/wp-json/wp/v2/users/me'),
      'https://q.example/wp-json/wp/v2/users/me': redirect('https://evil.example/collect'),
      'https://r.example/wp-json/wp/v2/posts': redirect('https://evil.example/collect', 307),
      'https://s.example/wp-json/wp/v2/users/me': redirect('/wp-json/wp/v2/users/me/'),
      'https://s.example/wp-json/wp/v2/users/me/': () => Response.json(ME),
      'http://t.example/wp-json/wp/v2/users/me': redirect('https://t.example/wp-json/wp/v2/users/me'),
      'https://t.example/wp-json/wp/v2/users/me': () => Response.json(ME),
      'http://p.example': () => Response.json({ stolen: true }),
      'https://evil.example': () => Response.json({ stolen: true }),
    });
    const client = (site: string) => new WordPressClient({ apiRoot: `${site}/wp-json/`, username: 'rina', appPassword: PASSWORD, fetch: port });

    const down = await rejectionOf(client('https://p.example').currentUser());
    expect([down.kind, down.code, down.params?.host]).toEqual(['validation', 'portal.insecureRedirect', 'p.example']);
    const away = await rejectionOf(client('https://q.example').currentUser());
    expect([away.code, away.params?.host]).toEqual(['portal.redirectElsewhere', 'evil.example']);
    const write = await rejectionOf(client('https://r.example').createPost({ title: 'x', content: 'y', status: 'draft' }));
    expect(write.code).toBe('portal.redirectElsewhere');
    expect((await client('https://s.example').currentUser()).username).toBe('rina');
    expect((await client('http://t.example').currentUser()).username).toBe('rina');

    expect(withPassword().filter((u) => u.startsWith('http://p.example') || u.includes('evil.example'))).toEqual([]);
    expect(JSON.stringify([down, away, write].map((e) => e.toShape()))).not.toContain('MNOP');
  });
});

describe('the REST root from a Link header', () => {
  const site = (origin: string, link: string) => ({
    [origin]: () => new Response('<html></html>', { headers: { 'Content-Type': 'text/html', Link: `<${link}>; rel="https://api.w.org/"` } }),
    [`${origin}/wp-json/`]: () => Response.json(INDEX),
  });

  it('is accepted only on the site itself (or its https:// upgrade); otherwise the site own /wp-json/ is used', async () => {
    const cases: [string, string, string][] = [
      ['https://p.example', 'https://evil.example/wp-json/', 'https://p.example/wp-json/'],
      ['https://p.example', 'http://p.example/wp-json/', 'https://p.example/wp-json/'],
      ['https://p.example', 'https://p.example:8443/wp-json/', 'https://p.example/wp-json/'],
      ['https://p.example', 'https://p.example/wp-json/', 'https://p.example/wp-json/'],
      ['https://p.example', '/wp-json/', 'https://p.example/wp-json/'],
    ];
    for (const [origin, link, expected] of cases) {
      const { port, log } = network({ ...site(origin, link), 'https://evil.example/wp-json/': () => Response.json(INDEX), 'https://p.example:8443/wp-json/': () => Response.json(INDEX) });
      const found = await discoverRestRoot(origin, { fetch: port });
      expect(found.apiRoot, link).toBe(expected);
      expect(log.map((l) => new URL(l.url).origin).filter((o) => o !== origin), link).toEqual([]);
    }
  });

  it('a Link to another host gets no password in the connection test', async () => {
    const { port, withPassword } = network({
      ...site('https://p.example', 'https://evil.example/wp-json/'),
      'https://evil.example/wp-json/': () => Response.json(INDEX),
      'https://evil.example/wp-json/wp/v2/users/me': () => Response.json(ME),
      'https://p.example/wp-json/wp/v2/users/me': () => Response.json(ME),
    });
    const report = await testConnection('https://p.example', 'rina', PASSWORD, 'Asia/Makassar', { fetch: port });
    expect(report.apiRoot).toBe('https://p.example/wp-json/');
    expect(withPassword().every((u) => u.startsWith('https://p.example/'))).toBe(true);
  });
});

describe('plain http:// portals', () => {
  const portal = (origin: string) => ({
    [origin]: () => new Response('<html></html>', { headers: { 'Content-Type': 'text/html' } }),
    [`${origin}/wp-json/`]: () => Response.json(INDEX),
    [`${origin}/wp-json/wp/v2/users/me`]: () => Response.json(ME),
  });

  it('are warned about in the connection test, except on this computer', async () => {
    for (const [origin, status, code] of [
      ['http://kabarkukar.example', 'warn', 'portal.check.unencrypted'],
      ['http://192.168.1.20', 'warn', 'portal.check.unencrypted'],
      ['https://kabarkukar.example', 'ok', 'portal.check.reachable'],
      ['http://127.0.0.1:8091', 'ok', 'portal.check.reachable'],
      ['http://localhost:8091', 'ok', 'portal.check.reachable'],
    ] as const) {
      const { port } = network(portal(origin));
      const report = await testConnection(origin, 'rina', PASSWORD, 'Asia/Makassar', { fetch: port });
      expect(report.steps.find((s) => s.id === 'reachable'), origin).toMatchObject({ status, code });
      expect(report.ok, origin).toBe(true);
    }
  });

  it('are told apart from this computer in Pengaturan too', () => {
    expect(isUnencryptedRemote('http://kabarkukar.id')).toBe(true);
    expect(isUnencryptedRemote(' HTTP://10.0.0.2/berita ')).toBe(true);
    expect(isUnencryptedRemote('https://kabarkukar.id')).toBe(false);
    expect(isUnencryptedRemote('kabarkukar.id')).toBe(false); // becomes https://
    expect(isUnencryptedRemote('http://127.0.0.1:8091')).toBe(false);
    expect(isUnencryptedRemote('http://[::1]:8091')).toBe(false);
    expect(isUnencryptedRemote('http://portal.localhost')).toBe(false);
  });
});
