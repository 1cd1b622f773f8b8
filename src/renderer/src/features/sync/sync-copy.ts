/**
 * Plain words for what the portal and the sync report: connection-test steps, outbox states, clock
 * differences. Codes come from the backend; the sentences live in the translation files.
 */
import type { i18n as I18n, TFunction } from 'i18next';
import type { AppErrorShape } from '../../../../shared/errors';
import type { ConnectionStep, SyncItem } from '../../../../shared/sync';
import { formatNumber } from '../../i18n';
import { translateError } from '../../i18n/errors';

type Translator = Pick<I18n, 't' | 'exists' | 'language'>;

const CHECK_PREFIX = 'portal.check.';

/** "5 menit", "40 detik", "2 jam": a clock difference in the largest unit that fits. */
export function formatDuration(seconds: number, t: TFunction, language: string): string {
  const abs = Math.abs(Math.round(seconds));
  const [key, n] = abs >= 5400 ? ['duration.hours', Math.round(abs / 3600)] : abs >= 90 ? ['duration.minutes', Math.round(abs / 60)] : ['duration.seconds', abs];
  return t(key, { count: n, formatted: formatNumber(n, language) });
}

/** The WordPress role by its name in the portal's admin (Kontributor, Penulis, ...); unknown ones as given. */
function wpRoleName(roles: string, i18n: Translator): string {
  const first = roles.split(',')[0]?.trim() ?? '';
  const key = `portal.wpRole.${first}`;
  return first && i18n.exists(key) ? i18n.t(key) : first;
}

function abilities(params: ConnectionStep['params'], t: TFunction): string {
  const publish = params.publish === true;
  const upload = params.uploadMedia === true;
  const key = publish ? (upload ? 'publishUpload' : 'publishOnly') : upload ? 'submitUpload' : 'submitOnly';
  return t(`portal.ability.${key}`);
}

/** "+8" or "+5:30" for a WordPress gmt_offset given in hours. */
function utcOffset(value: unknown): string {
  const hours = Number(value);
  if (!Number.isFinite(hours)) return '';
  const sign = hours < 0 ? '−' : '+';
  const whole = Math.trunc(Math.abs(hours));
  const minutes = Math.round((Math.abs(hours) - whole) * 60);
  return `${sign}${whole}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}

/** A failed step carries an error code; it reads like any other error. */
function stepError(step: ConnectionStep): AppErrorShape {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(step.params)) if (typeof value !== 'boolean') params[key] = value;
  return { kind: 'portal', code: step.code, message: step.code, retryable: step.params.retryable === true, params };
}

/** One line of the connection test, in the person's language. */
export function stepText(step: ConnectionStep, i18n: Translator): string {
  const { t } = i18n;
  if (!step.code.startsWith(CHECK_PREFIX)) return translateError(i18n, stepError(step));
  const params: Record<string, unknown> = { ...step.params };
  if (step.code === 'portal.check.role' || step.code === 'portal.check.roleNoUpload') {
    params.role = wpRoleName(String(step.params.roles ?? ''), i18n);
    params.abilities = abilities(step.params, t);
  } else if (step.code === 'portal.check.clockSkew') {
    params.duration = formatDuration(Number(step.params.skewSeconds), t, i18n.language);
  } else if (step.code === 'portal.check.timezoneOffsetOnly') {
    params.offset = utcOffset(step.params.gmtOffset);
  } else if (step.code === 'portal.check.skipped') {
    params.step = t(`portal.step.${step.id}`);
  }
  if (!i18n.exists(step.code)) return translateError(i18n, stepError(step));
  return t(step.code, params);
}

/** How to fix a failed or doubtful step, when there is advice for it. */
export function stepHint(step: ConnectionStep, i18n: Translator): string | null {
  if (step.status !== 'fail' && step.status !== 'warn') return null;
  const name = step.code.startsWith(CHECK_PREFIX) ? step.code.slice(CHECK_PREFIX.length) : step.code.replace(/^portal\./, '');
  const key = `portal.hint.${name}`;
  return i18n.exists(key) ? i18n.t(key, { ...step.params }) : null;
}

/** The overall verdict of a report: failed, worked with notes, or worked. */
export function reportVerdict(steps: readonly ConnectionStep[]): 'ok' | 'warn' | 'fail' {
  if (steps.some((s) => s.status === 'fail')) return 'fail';
  return steps.some((s) => s.status === 'warn') ? 'warn' : 'ok';
}

/** What "Coba lagi" makes sense for: items that are not already on their way. */
export function canRetry(item: Pick<SyncItem, 'state'>): boolean {
  return item.state === 'parked' || item.state === 'waiting';
}

/** WordPress post statuses the panel names; others are shown as WordPress spells them. */
const REMOTE_STATUSES = new Set(['draft', 'pending', 'future', 'publish', 'private', 'trash']);

export function remoteStatusText(status: string, t: TFunction): string {
  if (status === '') return t('portalState.remote.none');
  return REMOTE_STATUSES.has(status) ? t(`portalState.remote.${status}`) : t('portalState.remote.other', { status });
}
