/**
 * The saved portal connection: address, user name and what the last connection test learnt
 * (REST root, account, site time zone) in SQLite; the Application Password in the secret store.
 */
import { AppError } from '../../shared/errors';
import type { ConnectionReport, PortalAccount, PortalConnection } from '../../shared/sync';
import type { SecretStore } from '../secrets/secret-store';
import type { SqliteDatabase } from '../storage/database';
import { accountFromUser, testConnection, type ConnectionReport as FullReport } from './test-connection';
import type { HostLookup } from './download';
import { normaliseSiteAddress, WordPressClient, type HttpPort } from './wordpress-client';

export const APP_PASSWORD_SECRET = 'portal.appPassword';

interface ConfigRow {
  address: string;
  username: string;
  api_root: string;
  account_json: string | null;
  site_time_zone: string | null;
  verified_at: number | null;
  last_pull_at: number | null;
}

export interface PortalServiceOptions {
  db: SqliteDatabase;
  secrets: SecretStore;
  clock: () => number;
  fetch?: HttpPort;
  /** Per-request timeout for the sync's requests (tests make it short). */
  timeoutMs?: number;
  /** Host look-ups for the photo download rules (tests give their own). */
  lookup?: HostLookup;
}

export interface CredentialsInput {
  address: string;
  username: string;
  appPassword?: string;
}

const EMPTY: PortalConnection = { address: '', username: '', hasPassword: false, account: null, siteTimeZone: null, verifiedAt: null };

function parseAccount(json: string | null): PortalAccount | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as PortalAccount;
  } catch {
    return null;
  }
}

/** The address as the person sees it: origin plus path, no trailing slash. */
function displayAddress(address: string): string {
  const url = normaliseSiteAddress(address);
  return (url.origin + url.pathname).replace(/\/+$/, '');
}

export class PortalService {
  private readonly stmts;
  private passwordCache: string | undefined;
  private passwordLoaded = false;
  /** Bumped whenever the connection changes, so a running sync notices it is talking to an old one. */
  private generation = 0;

  constructor(private readonly options: PortalServiceOptions) {
    const { db } = options;
    this.stmts = {
      get: db.prepare('SELECT * FROM portal_config WHERE id = 1'),
      upsert: db.prepare(
        `INSERT INTO portal_config (id, address, username, api_root, account_json, site_time_zone, verified_at)
         VALUES (1, @address, @username, @apiRoot, @accountJson, @siteTimeZone, @verifiedAt)
         ON CONFLICT (id) DO UPDATE SET address = excluded.address, username = excluded.username, api_root = excluded.api_root,
           account_json = excluded.account_json, site_time_zone = excluded.site_time_zone, verified_at = excluded.verified_at`,
      ),
      remove: db.prepare('DELETE FROM portal_config WHERE id = 1'),
      setPulled: db.prepare('UPDATE portal_config SET last_pull_at = ? WHERE id = 1'),
      // Links to another site's posts mean nothing on the new one.
      forgetLinks: db.prepare('DELETE FROM portal_posts'),
      forgetMedia: db.prepare('DELETE FROM portal_media'),
    };
  }

  private row(): ConfigRow | undefined {
    return this.stmts.get.get() as ConfigRow | undefined;
  }

  get connectionGeneration(): number {
    return this.generation;
  }

  async connection(): Promise<PortalConnection> {
    const row = this.row();
    if (!row) return { ...EMPTY };
    return {
      address: row.address,
      username: row.username,
      hasPassword: (await this.password()) !== undefined,
      account: parseAccount(row.account_json),
      siteTimeZone: row.site_time_zone,
      verifiedAt: row.verified_at,
    };
  }

  /** The account's role decides the person's role while a portal is connected. */
  account(): PortalAccount | null {
    const row = this.row();
    return row ? parseAccount(row.account_json) : null;
  }

  configured(): boolean {
    return this.row() !== undefined;
  }

  lastPullAt(): number | null {
    return this.row()?.last_pull_at ?? null;
  }

  markPulled(at: number): void {
    this.stmts.setPulled.run(at);
  }

  private async password(): Promise<string | undefined> {
    if (!this.passwordLoaded) {
      this.passwordCache = await this.options.secrets.get(APP_PASSWORD_SECRET);
      this.passwordLoaded = true;
    }
    return this.passwordCache;
  }

  /**
   * The password typed, or the saved one, but only for the site and user it was saved for: sent
   * anywhere else it would hand the account to whoever answers there.
   */
  private async passwordFor(input: CredentialsInput): Promise<string> {
    if (input.appPassword) return input.appPassword;
    const saved = await this.password();
    if (!saved) {
      throw new AppError({ kind: 'validation', code: 'portal.credentialsMissing', message: 'Enter the Application Password.' });
    }
    const row = this.row();
    if (!row || displayAddress(input.address) !== row.address || input.username !== row.username) {
      throw new AppError({
        kind: 'validation',
        code: 'portal.passwordForOtherAccount',
        message: 'The saved Application Password is only used for the site and user it was saved for: enter the password for this one.',
        params: row ? { address: row.address.slice(0, 200), username: row.username.slice(0, 100) } : {},
      });
    }
    return saved;
  }

  async test(input: CredentialsInput, newsroomZone: string): Promise<FullReport> {
    normaliseSiteAddress(input.address); // what is not a web address is refused, not tested
    return testConnection(input.address, input.username, await this.passwordFor(input), newsroomZone, {
      fetch: this.options.fetch,
      now: this.options.clock,
    });
  }

  /**
   * "Simpan": the connection is kept only when the portal accepted the credentials, or when the
   * portal could not be reached at all (offline-first: a reporter may set it up in the field and
   * it is checked on the next sync). Anything else that failed is refused with its reason.
   */
  async save(input: CredentialsInput, newsroomZone: string): Promise<{ connection: PortalConnection; report: ConnectionReport }> {
    const address = displayAddress(input.address);
    const password = await this.passwordFor(input);
    const report = await testConnection(address, input.username, password, newsroomZone, { fetch: this.options.fetch, now: this.options.clock });
    const failed = report.steps.find((s) => s.status === 'fail');
    // Kept while offline (checked on the next sync), but not when the portal answers at another address.
    const unreachable =
      failed?.id === 'reachable' && failed.code !== 'portal.addressInvalid' && failed.code !== 'portal.addressEmpty' && failed.code !== 'portal.otherScheme';
    if (failed && !unreachable) {
      throw new AppError({
        kind: failed.id === 'credentials' ? 'auth' : 'validation',
        code: failed.code,
        message: `The connection test failed at "${failed.id}" (${failed.code}).`,
        params: Object.fromEntries(Object.entries(failed.params).map(([k, v]) => [k, typeof v === 'boolean' ? String(v) : v])),
      });
    }
    const previous = this.row();
    const siteChanged = previous !== undefined && previous.address !== address;
    await this.options.secrets.set(APP_PASSWORD_SECRET, password);
    this.passwordCache = password;
    this.passwordLoaded = true;
    this.options.db
      .transaction(() => {
        if (siteChanged) {
          this.stmts.forgetLinks.run();
          this.stmts.forgetMedia.run();
        }
        const keepOld = unreachable && previous && !siteChanged;
        this.stmts.upsert.run({
          address,
          username: input.username,
          apiRoot: report.apiRoot ?? (keepOld ? previous.api_root : ''),
          accountJson: report.account ? JSON.stringify(report.account) : keepOld ? previous.account_json : null,
          siteTimeZone: report.siteTimeZone ?? (keepOld ? previous.site_time_zone : null),
          verifiedAt: report.account ? this.options.clock() : keepOld ? previous.verified_at : null,
        });
      })
      .immediate();
    this.generation++;
    return { connection: await this.connection(), report };
  }

  async forget(): Promise<PortalConnection> {
    await this.options.secrets.delete(APP_PASSWORD_SECRET);
    this.passwordCache = undefined;
    this.passwordLoaded = true;
    this.stmts.remove.run();
    this.generation++;
    return this.connection();
  }

  /** Records what a later successful check learnt (the REST root and account of an unverified save). */
  recordVerified(report: FullReport): void {
    const row = this.row();
    if (!row || !report.account || !report.apiRoot) return;
    this.stmts.upsert.run({
      address: row.address,
      username: row.username,
      apiRoot: report.apiRoot,
      accountJson: JSON.stringify(report.account),
      siteTimeZone: report.siteTimeZone ?? row.site_time_zone,
      verifiedAt: this.options.clock(),
    });
  }

  /**
   * Asks the portal again what the account may do (an administrator may have changed its role since
   * "Simpan") and keeps the answer. `account` null: it may not write posts at all any more.
   */
  async recheckAccount(client: WordPressClient): Promise<{ account: PortalAccount | null; roles: string[] }> {
    const user = await client.currentUser();
    const account = accountFromUser(user) ?? null;
    const row = this.row();
    if (row && account) {
      this.stmts.upsert.run({
        address: row.address,
        username: row.username,
        apiRoot: row.api_root,
        accountJson: JSON.stringify(account),
        siteTimeZone: row.site_time_zone,
        verifiedAt: this.options.clock(),
      });
    }
    return { account, roles: user.roles };
  }

  /** A client for the saved connection, or null when there is none (or it was never verified). */
  async client(): Promise<{ client: WordPressClient; account: PortalAccount; address: string } | null> {
    const row = this.row();
    const password = await this.password();
    if (!row || !password) return null;
    if (!row.api_root || !row.account_json) {
      // Saved while offline: verify now that we may be online.
      const report = await testConnection(row.address, row.username, password, 'UTC', { fetch: this.options.fetch, now: this.options.clock });
      const failed = report.steps.find((s) => s.status === 'fail');
      if (failed) {
        const retryable = failed.id === 'reachable' || failed.code === 'portal.captivePortal';
        throw new AppError({ kind: retryable ? 'network' : 'auth', code: failed.code, message: `Portal check failed: ${failed.code}`, retryable });
      }
      this.recordVerified(report);
      return this.client();
    }
    const account = parseAccount(row.account_json)!;
    return {
      client: new WordPressClient({
        apiRoot: row.api_root,
        username: row.username,
        appPassword: password,
        fetch: this.options.fetch,
        now: this.options.clock,
        timeoutMs: this.options.timeoutMs,
        siteAddress: row.address,
        lookup: this.options.lookup,
      }),
      account,
      address: row.address,
    };
  }
}
