/**
 * The local WordPress the portal suite runs against: read from the credentials.env that
 * scripts/wordpress/wp-up.sh wrote (WP_HOME, default <repo>/.tmp/wordpress).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { WordPressClient, type HttpPort } from '../wordpress-client';

export type TestRole = 'EDITOR' | 'AUTHOR' | 'CONTRIBUTOR' | 'ADMIN';

export interface TestSite {
  url: string;
  timezone: string;
  users: Record<TestRole, { username: string; appPassword: string; id: number }>;
}

let cached: TestSite | undefined;

export function testSite(): TestSite {
  if (cached) return cached;
  // Same default as scripts/wordpress/wp-up.sh: the repository's .tmp/wordpress, or /tmp for deep checkouts.
  const inRepo = resolve(__dirname, '../../../../.tmp/wordpress');
  const home = process.env.WP_HOME || (inRepo.length <= 70 ? inRepo : `/tmp/redaksi-wordpress-${process.getuid?.() ?? 0}`);
  const file = resolve(home, 'credentials.env');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`No ${file}: start WordPress with \`npm run portal:dev\` (or run \`npm run test:portal\`).`);
  }
  const env: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z_]+)='?(.*?)'?$/.exec(line.trim());
    if (match?.[1]) env[match[1]] = match[2] ?? '';
  }
  const user = (role: TestRole) => ({
    username: env[`WP_${role}_USER`] ?? '',
    appPassword: env[`WP_${role}_APP_PASSWORD`] ?? '',
    id: Number(env[`WP_${role}_ID`] ?? 0),
  });
  cached = {
    url: env.WP_URL ?? '',
    timezone: env.WP_TIMEZONE ?? '',
    users: { EDITOR: user('EDITOR'), AUTHOR: user('AUTHOR'), CONTRIBUTOR: user('CONTRIBUTOR'), ADMIN: user('ADMIN') },
  };
  return cached;
}

export function clientFor(role: TestRole, options: { base?: string; fetch?: HttpPort; timeoutMs?: number; restRoute?: boolean } = {}): WordPressClient {
  const site = testSite();
  const base = options.base ?? site.url;
  return new WordPressClient({
    apiRoot: options.restRoute ? `${base}/?rest_route=/` : `${base}/wp-json/`,
    username: site.users[role].username,
    appPassword: site.users[role].appPassword,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
  });
}

export function uniqueId(): string {
  return randomBytes(12).toString('hex');
}
