/**
 * "Uji koneksi": checks a portal account step by step and says what went wrong where. The result is
 * structured (step ids, ok/warn/fail, codes, params) so the UI translates it; no text is built here
 * beyond English fallbacks, and the password never appears in it.
 */
import { AppError, toErrorShape } from '../../shared/errors';
import { isUnencryptedRemote } from '../../shared/portal-address';
import { discoverRestRoot } from './discovery';
import { normaliseSiteAddress, WordPressClient, type HttpPort } from './wordpress-client';

import type { ConnectionReport as ReportShape, ConnectionStep, ConnectionStepId as StepId, ConnectionStepStatus as StepStatus, PortalAccount } from '../../shared/sync';

export type { ConnectionStep, StepId, StepStatus };

export interface ConnectionReport extends ReportShape {
  /** Set when the checks got far enough: what the sync should use. */
  apiRoot?: string;
  newsroomRole?: 'writer' | 'editor';
  account?: PortalAccount;
  siteTimeZone?: string;
  clockSkewMs?: number;
}

export const CLOCK_SKEW_LIMIT_MS = 2 * 60 * 1000;

export interface TestConnectionOptions {
  fetch?: HttpPort;
  timeoutMs?: number;
  now?: () => number;
}

const ORDER: StepId[] = ['reachable', 'wordpress', 'credentials', 'role', 'timezone', 'uploadLimit', 'clock'];

function errorParams(err: unknown): Record<string, string | number | boolean> {
  const shape = toErrorShape(err);
  const params: Record<string, string | number | boolean> = { retryable: shape.retryable };
  for (const [key, value] of Object.entries(shape.params ?? {})) params[key] = value;
  return params;
}

export async function testConnection(
  address: string,
  username: string,
  appPassword: string,
  newsroomZone: string,
  options: TestConnectionOptions = {},
): Promise<ConnectionReport> {
  const steps: ConnectionStep[] = [];
  const add = (id: StepId, status: StepStatus, code: string, params: ConnectionStep['params'] = {}): void => {
    steps.push({ id, status, code, params });
  };
  const finish = (extra: Partial<ConnectionReport> = {}): ConnectionReport => {
    for (const id of ORDER) if (!steps.some((s) => s.id === id)) add(id, 'skipped', 'portal.check.skipped');
    steps.sort((a, b) => ORDER.indexOf(a.id) - ORDER.indexOf(b.id));
    return { ok: !steps.some((s) => s.status === 'fail'), steps, ...extra };
  };

  // 1-2. Reachable, and WordPress with its REST API?
  let discovery;
  try {
    discovery = await discoverRestRoot(address, options);
  } catch (err) {
    const code = err instanceof AppError ? err.code : 'internal';
    if (err instanceof AppError && err.kind === 'validation') {
      add('reachable', 'fail', code, errorParams(err));
    } else if (code === 'portal.notWordPress' || code === 'portal.captivePortal') {
      // Something answered: reachable as a network, but it is not (or not yet) the portal.
      add('reachable', code === 'portal.captivePortal' ? 'fail' : 'ok', code === 'portal.captivePortal' ? code : 'portal.check.reachable');
      add('wordpress', 'fail', code, errorParams(err));
    } else if (err instanceof AppError && err.kind === 'network') {
      // Typed without a scheme (https:// is assumed) or with the wrong one: say which address answers.
      const other = await otherSchemeAnswers(address, options);
      if (other) add('reachable', 'fail', 'portal.otherScheme', { address: other });
      else add('reachable', 'fail', code, errorParams(err));
    } else {
      add('reachable', 'ok', 'portal.check.reachable');
      add('wordpress', 'fail', code, errorParams(err));
    }
    return finish();
  }
  if (isUnencryptedRemote(discovery.apiRoot)) {
    // Basic auth is the password itself: over http:// anyone on the network path can read it.
    add('reachable', 'warn', 'portal.check.unencrypted', { via: discovery.via, host: new URL(discovery.apiRoot).host });
  } else {
    add('reachable', 'ok', 'portal.check.reachable', { via: discovery.via });
  }
  const found = { apiRoot: discovery.apiRoot, siteTimeZone: discovery.index.timezoneString, clockSkewMs: discovery.meta.clockSkewMs };
  if (!discovery.index.applicationPasswords) {
    // Without HTTPS (or a local site) WordPress silently ignores Application Passwords.
    add('wordpress', 'warn', 'portal.check.noApplicationPasswords', { name: discovery.index.name, apiRoot: discovery.apiRoot });
  } else {
    add('wordpress', 'ok', 'portal.check.wordpress', { name: discovery.index.name, apiRoot: discovery.apiRoot });
  }

  // 7 early: the clock, from the index's Date header (needs no credentials).
  const skew = discovery.meta.clockSkewMs;
  if (skew === undefined) add('clock', 'warn', 'portal.check.clockUnknown');
  else if (Math.abs(skew) > CLOCK_SKEW_LIMIT_MS) add('clock', 'warn', 'portal.check.clockSkew', { skewSeconds: Math.round(skew / 1000) });
  else add('clock', 'ok', 'portal.check.clock', { skewSeconds: Math.round(skew / 1000) });

  // 5. Time zone: scheduled times are sent as UTC, but the portal shows them in its own zone.
  const siteZone = discovery.index.timezoneString;
  if (!siteZone) add('timezone', 'warn', 'portal.check.timezoneOffsetOnly', { gmtOffset: discovery.index.gmtOffset, newsroomZone });
  else if (siteZone !== newsroomZone) add('timezone', 'warn', 'portal.check.timezoneDiffers', { siteZone, newsroomZone });
  else add('timezone', 'ok', 'portal.check.timezone', { siteZone });

  // 3. Credentials: only users/me proves them (public reads ignore bad credentials).
  const client = new WordPressClient({ apiRoot: discovery.apiRoot, username, appPassword, fetch: options.fetch, timeoutMs: options.timeoutMs, now: options.now });
  let user;
  try {
    user = await client.currentUser();
  } catch (err) {
    add('credentials', 'fail', err instanceof AppError ? err.code : 'internal', errorParams(err));
    return finish(found);
  }
  add('credentials', 'ok', 'portal.check.credentials', { username: user.username, name: user.name });

  // 4. Role and what the account may do.
  const caps = user.capabilities;
  const abilities = {
    publish: caps.publish_posts === true,
    uploadMedia: caps.upload_files === true,
    // Any edit_posts user may create tags (measured); categories need manage_categories.
    createTags: caps.edit_posts === true,
    createCategories: caps.manage_categories === true,
    editOthers: caps.edit_others_posts === true,
  };
  if (!user.newsroomRole) {
    add('role', 'fail', 'portal.check.roleCannotWrite', { roles: user.roles.join(',') });
  } else {
    add('role', abilities.uploadMedia ? 'ok' : 'warn', abilities.uploadMedia ? 'portal.check.role' : 'portal.check.roleNoUpload', {
      roles: user.roles.join(','),
      newsroomRole: user.newsroomRole,
      ...abilities,
    });
  }

  // 6. Upload size limit: stock WordPress 6.1 publishes it nowhere in REST (the block-editor
  // settings route with maxUploadFileSize ships only with the Gutenberg plugin); try it, else unknown.
  let limit: number | undefined;
  try {
    const { body } = await client.request('/wp-block-editor/v1/settings', { timeoutMs: options.timeoutMs ?? 5000 });
    const value = (body as { maxUploadFileSize?: unknown } | undefined)?.maxUploadFileSize;
    if (typeof value === 'number' && value > 0) limit = value;
  } catch {
    limit = undefined;
  }
  if (limit === undefined) add('uploadLimit', 'warn', 'portal.check.uploadLimitUnknown', { limit: 'unknown' });
  else add('uploadLimit', 'ok', 'portal.check.uploadLimit', { bytes: limit, megabytes: Math.floor(limit / 1024 / 1024) });

  const account = accountFromUser(user);
  return finish({ ...found, newsroomRole: user.newsroomRole ?? undefined, account });
}

/** What the sync needs to know of an account (undefined: it may not write posts at all). */
export function accountFromUser(user: Awaited<ReturnType<WordPressClient['currentUser']>>): PortalAccount | undefined {
  const caps = user.capabilities;
  return user.newsroomRole
    ? {
        name: user.name,
        username: user.username,
        roles: user.roles,
        newsroomRole: user.newsroomRole,
        canPublish: caps.publish_posts === true,
        canUploadMedia: caps.upload_files === true,
        // Any edit_posts user may create tags (measured).
        canCreateTags: caps.edit_posts === true,
      }
    : undefined;
}

/** The same address with the other scheme (http <-> https), when a WordPress answers there. */
async function otherSchemeAnswers(address: string, options: TestConnectionOptions): Promise<string | undefined> {
  let url: URL;
  try {
    url = normaliseSiteAddress(address);
  } catch {
    return undefined;
  }
  url.protocol = url.protocol === 'https:' ? 'http:' : 'https:';
  const other = (url.origin + url.pathname).replace(/\/+$/, '');
  try {
    await discoverRestRoot(other, { ...options, timeoutMs: Math.min(options.timeoutMs ?? 5_000, 5_000) });
    return other;
  } catch {
    return undefined;
  }
}
