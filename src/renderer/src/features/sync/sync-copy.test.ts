import { describe, expect, it } from 'vitest';
import type { ConnectionStep } from '../../../../shared/sync';
import { initI18n } from '../../i18n';
import { step } from '../../testing/sync-fixtures';
import { canRetry, formatDuration, remoteStatusText, reportVerdict, stepHint, stepText } from './sync-copy';

/** Every step code src/core/portal/test-connection.ts reports, with the params it sends. */
const CHECKS: ConnectionStep[] = [
  step('reachable', 'ok', 'portal.check.reachable', { via: 'link' }),
  step('wordpress', 'ok', 'portal.check.wordpress', { name: 'Kabar Kukar', apiRoot: 'https://kabarkukar.id/wp-json/' }),
  step('wordpress', 'warn', 'portal.check.noApplicationPasswords', { name: 'Kabar Kukar', apiRoot: 'http://kabarkukar.id/wp-json/' }),
  step('credentials', 'ok', 'portal.check.credentials', { username: 'rina', name: 'Rina Wulandari' }),
  step('role', 'ok', 'portal.check.role', { roles: 'editor', newsroomRole: 'editor', publish: true, uploadMedia: true, createTags: true }),
  step('role', 'warn', 'portal.check.roleNoUpload', { roles: 'contributor', newsroomRole: 'writer', publish: false, uploadMedia: false }),
  step('role', 'fail', 'portal.check.roleCannotWrite', { roles: 'subscriber' }),
  step('timezone', 'ok', 'portal.check.timezone', { siteZone: 'Asia/Makassar' }),
  step('timezone', 'warn', 'portal.check.timezoneDiffers', { siteZone: 'Asia/Jakarta', newsroomZone: 'Asia/Makassar' }),
  step('timezone', 'warn', 'portal.check.timezoneOffsetOnly', { gmtOffset: 8, newsroomZone: 'Asia/Makassar' }),
  step('uploadLimit', 'ok', 'portal.check.uploadLimit', { bytes: 8388608, megabytes: 8 }),
  step('uploadLimit', 'warn', 'portal.check.uploadLimitUnknown', { limit: 'unknown' }),
  step('clock', 'ok', 'portal.check.clock', { skewSeconds: 3 }),
  step('clock', 'warn', 'portal.check.clockSkew', { skewSeconds: 300 }),
  step('clock', 'warn', 'portal.check.clockUnknown'),
  step('role', 'skipped', 'portal.check.skipped'),
];

/** Error codes a failed step (or any portal call) carries: src/core/portal/errors.ts, discovery.ts, wordpress-client.ts. */
const ERROR_CODES = [
  'portal.unreachable', 'portal.connectionLost', 'portal.timeout', 'portal.captivePortal', 'portal.notWordPress', 'portal.badCredentials',
  'portal.forbidden', 'portal.rateLimited', 'portal.serverError', 'portal.notFound', 'portal.rejected', 'portal.addressEmpty',
  'portal.addressInvalid', 'portal.credentialsMissing', 'portal.badClientId', 'portal.emptyUpload', 'portal.badContentHash',
  'sync.notAvailable', 'sync.mergedNeedsContent',
];

describe('connection test steps in plain words', () => {
  it.each(['id', 'en'] as const)('gives every step code a sentence with its values filled in (%s)', async (language) => {
    const i18n = await initI18n(language);
    for (const s of CHECKS) {
      const sentence = stepText(s, i18n);
      expect(sentence, s.code).not.toMatch(/\{\{|portal\.check|undefined|Terjadi kesalahan|Something went wrong/i);
    }
    for (const code of ERROR_CODES) {
      const sentence = stepText(step('reachable', 'fail', code, { retryable: false }), i18n);
      expect(sentence, code).not.toMatch(/\{\{|Terjadi kesalahan|Something went wrong/);
    }
  });

  it('reads like the newsroom speaks', async () => {
    const i18n = await initI18n('id');
    const byCode = (code: string) => stepText(CHECKS.find((s) => s.code === code)!, i18n);
    expect(byCode('portal.check.reachable')).toBe('Alamat dapat dijangkau');
    expect(byCode('portal.check.credentials')).toBe('Nama pengguna dan kata sandi aplikasi benar (Rina Wulandari)');
    expect(byCode('portal.check.role')).toBe('Peran: Editor — boleh menerbitkan dan mengunggah foto');
    expect(byCode('portal.check.roleNoUpload')).toBe('Peran: Kontributor — boleh mengirim naskah, tidak boleh mengunggah foto');
    expect(byCode('portal.check.timezone')).toBe('Zona waktu portal Asia/Makassar sama dengan zona redaksi');
    expect(byCode('portal.check.timezoneOffsetOnly')).toBe('Portal memakai selisih UTC+8, bukan nama zona waktu');
    expect(byCode('portal.check.clockSkew')).toBe('Jam komputer Anda selisih 5 menit dengan portal');
    expect(byCode('portal.check.skipped')).toBe('Peran: belum diperiksa karena langkah sebelumnya gagal');
    // An unknown WordPress role is named as WordPress names it.
    expect(stepText(step('role', 'ok', 'portal.check.role', { roles: 'redaktur_senior', publish: true, uploadMedia: false }), i18n)).toBe(
      'Peran: redaktur_senior — boleh menerbitkan, tidak boleh mengunggah foto',
    );
  });

  it('says how to fix failures and doubtful steps, not successful ones', async () => {
    const i18n = await initI18n('id');
    expect(stepHint(step('credentials', 'fail', 'portal.badCredentials'), i18n)).toContain('Pengguna > Profil > Kata Sandi Aplikasi');
    expect(stepHint(step('reachable', 'fail', 'portal.captivePortal'), i18n)).toContain('login Wi-Fi');
    expect(stepHint(CHECKS.find((s) => s.code === 'portal.check.timezoneDiffers')!, i18n)).toContain('Zona Waktu ke Asia/Makassar');
    expect(stepHint(CHECKS[0]!, i18n)).toBeNull();
    expect(stepHint(step('clock', 'fail', 'portal.somethingNew'), i18n)).toBeNull();
  });

  it('sums a report up', () => {
    expect(reportVerdict(CHECKS.filter((s) => s.status === 'ok'))).toBe('ok');
    expect(reportVerdict(CHECKS.filter((s) => s.status !== 'fail'))).toBe('warn');
    expect(reportVerdict(CHECKS)).toBe('fail');
  });
});

describe('small words', () => {
  it('names clock differences in the unit that fits', async () => {
    const i18n = await initI18n('en');
    expect(formatDuration(40, i18n.t, 'en')).toBe('40 seconds');
    expect(formatDuration(-60, i18n.t, 'en')).toBe('60 seconds');
    expect(formatDuration(300, i18n.t, 'en')).toBe('5 minutes');
    expect(formatDuration(3600, i18n.t, 'en')).toBe('60 minutes');
    expect(formatDuration(7200, i18n.t, 'en')).toBe('2 hours');
    expect(formatDuration(1, i18n.t, 'en')).toBe('1 second');
  });

  it('names WordPress statuses and who may be retried', async () => {
    const i18n = await initI18n('id');
    expect(remoteStatusText('', i18n.t)).toBe('Belum dikirim ke portal');
    expect(remoteStatusText('future', i18n.t)).toBe('Terjadwal di portal');
    expect(remoteStatusText('inherit', i18n.t)).toBe('Status di portal: inherit');
    expect([canRetry({ state: 'parked' }), canRetry({ state: 'waiting' }), canRetry({ state: 'pending' }), canRetry({ state: 'sending' })]).toEqual([true, true, false, false]);
  });
});
