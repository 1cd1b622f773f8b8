// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { AppErrorShape } from '../../../../shared/errors';
import { SettingsScreen } from '../settings/SettingsScreen';
import { fakeClient, type FakeClient } from '../../testing/fake-client';
import { allByRole, byLabel, byRole, click, render, submit, text, type, type Rendered } from '../../testing/render';
import { CONNECTED, NOT_CONNECTED, step, syncStatus } from '../../testing/sync-fixtures';

let view: Rendered | null = null;
afterEach(async () => {
  await view?.unmount();
  view = null;
});

async function settings(client: FakeClient, language: 'id' | 'en' = 'id') {
  client.answer('sync-status', () => syncStatus());
  view = await render(<SettingsScreen />, client, { language, prepare: (services) => services.sync.load() });
  return view;
}

const results = (container: HTMLElement) => byRole(container, 'region', 'Hasil uji koneksi');

const failedCredentials = [
  step('reachable', 'ok', 'portal.check.reachable', { via: 'wp-json' }),
  step('wordpress', 'ok', 'portal.check.wordpress', { name: 'Kabar Kukar', apiRoot: 'https://kabarkukar.id/wp-json/' }),
  step('credentials', 'fail', 'portal.badCredentials', { retryable: false, status: 401 }),
  step('role', 'skipped', 'portal.check.skipped'),
  step('timezone', 'warn', 'portal.check.timezoneDiffers', { siteZone: 'Asia/Jakarta', newsroomZone: 'Asia/Makassar' }),
  step('uploadLimit', 'skipped', 'portal.check.skipped'),
  step('clock', 'warn', 'portal.check.clockSkew', { skewSeconds: -300 }),
];

describe('Pengaturan > Portal', () => {
  it('offers the fields by their names and never fills in the password', async () => {
    const client = fakeClient();
    client.answer('portal-get', () => CONNECTED);
    const { container } = await settings(client);
    expect(byLabel(container, 'Alamat portal').value).toBe('https://kabarkukar.id');
    expect(byLabel(container, 'Nama pengguna').value).toBe('rina');
    const password = byLabel(container, 'Kata sandi aplikasi');
    expect(password.type).toBe('password');
    expect(password.value).toBe('');
    expect(text(password.closest('.field')!)).toContain('tersimpan');
    expect(text(container)).toContain('berkas dalam folder data Redaksi yang hanya dapat dibaca oleh akun pengguna Anda');
    expect(text(container)).not.toContain('penyimpanan rahasia');
    for (const name of ['Uji koneksi', 'Simpan', 'Putuskan']) byRole(container, 'button', name);
    expect(results(container).getAttribute('aria-live')).toBe('polite');
  });

  it("says where the password is kept for the transport in use: the OS's secure storage in the desktop app", async () => {
    const client = fakeClient({ transport: 'electron' });
    client.answer('portal-get', () => CONNECTED);
    const { container } = await settings(client);
    expect(text(container)).toContain('disandikan dengan penyimpanan rahasia sistem operasi');
    expect(text(container)).not.toContain('folder data');
  });

  it('says in English that browser mode keeps the password in a file only this account can read', async () => {
    const client = fakeClient();
    client.answer('portal-get', () => CONNECTED);
    const { container } = await settings(client, 'en');
    expect(text(container)).toContain("kept in a file in Redaksi's data folder that only your user account on this computer can read");
  });

  it('explains each step of a failed test in plain words, with how to fix it', async () => {
    const client = fakeClient();
    client.answer('portal-get', () => NOT_CONNECTED);
    client.answer('portal-test', () => ({ ok: false, steps: failedCredentials }));
    const { container } = await settings(client);
    await type(byLabel(container, 'Alamat portal'), 'https://kabarkukar.id');
    await type(byLabel(container, 'Nama pengguna'), 'rina');
    await type(byLabel(container, 'Kata sandi aplikasi'), 'abcd efgh ijkl mnop');
    await click(byRole(container, 'button', 'Uji koneksi'));

    expect(client.callsOf('portal-test')).toEqual([{ address: 'https://kabarkukar.id', username: 'rina', appPassword: 'abcd efgh ijkl mnop' }]);
    const lines = allByRole(results(container), 'listitem').map(text);
    expect(text(results(container))).toContain('Koneksi belum berhasil.');
    expect(lines[0]).toBe('Berhasil Alamat dapat dijangkau');
    expect(lines[1]).toBe('Berhasil Ini WordPress dengan REST API (Kabar Kukar)');
    expect(lines[2]).toMatch(/^Gagal Portal menolak nama pengguna atau kata sandi aplikasi\. .*Pengguna > Profil > Kata Sandi Aplikasi/);
    expect(lines[3]).toBe('Dilewati Peran: belum diperiksa karena langkah sebelumnya gagal');
    expect(lines[4]).toMatch(/^Perhatian Zona waktu portal Asia\/Jakarta berbeda dengan zona redaksi Asia\/Makassar/);
    expect(lines[6]).toMatch(/^Perhatian Jam komputer Anda selisih 5 menit dengan portal/);
  });

  it('warns about a plain http:// address that is not this computer, in the field and in the test', async () => {
    const client = fakeClient();
    client.answer('portal-get', () => NOT_CONNECTED);
    client.answer('portal-test', () => ({
      ok: true,
      steps: [{ id: 'reachable', status: 'warn', code: 'portal.check.unencrypted', params: { host: 'kabarkukar.id', via: 'link' } }],
    }));
    const { container } = await settings(client);
    const warning = 'Alamat http:// tidak dienkripsi';
    await type(byLabel(container, 'Alamat portal'), 'https://kabarkukar.id');
    expect(text(container)).not.toContain(warning);
    await type(byLabel(container, 'Alamat portal'), 'http://127.0.0.1:8091');
    expect(text(container)).not.toContain(warning);
    await type(byLabel(container, 'Alamat portal'), 'http://kabarkukar.id');
    expect(text(container)).toContain(warning);
    // Read with the field, not only seen.
    const described = byLabel(container, 'Alamat portal').getAttribute('aria-describedby')!.split(' ');
    expect(described.map((id) => container.querySelector(`[id="${id}"]`)?.textContent ?? '').join(' ')).toContain(warning);
    await type(byLabel(container, 'Nama pengguna'), 'rina');
    await type(byLabel(container, 'Kata sandi aplikasi'), 'abcd efgh ijkl mnop');
    await click(byRole(container, 'button', 'Uji koneksi'));
    const [line] = allByRole(results(container), 'listitem').map(text);
    expect(line).toMatch(/^Perhatian Alamat dapat dijangkau, tetapi tanpa enkripsi \(http:\/\/kabarkukar\.id\) Kata sandi aplikasi dan naskah terkirim tanpa enkripsi/);
  });

  it('names what the account may do, in English too', async () => {
    const client = fakeClient();
    client.answer('portal-get', () => CONNECTED);
    const steps = [
      step('role', 'warn', 'portal.check.roleNoUpload', { roles: 'contributor', newsroomRole: 'writer', publish: false, uploadMedia: false }),
      step('timezone', 'ok', 'portal.check.timezone', { siteZone: 'Asia/Makassar' }),
      step('uploadLimit', 'warn', 'portal.check.uploadLimitUnknown', { limit: 'unknown' }),
    ];
    client.answer('portal-test', () => ({ ok: true, steps }));
    const { container } = await settings(client);
    await click(byRole(container, 'button', 'Uji koneksi'));
    // The saved password is used: none is sent.
    expect(client.callsOf('portal-test')).toEqual([{ address: 'https://kabarkukar.id', username: 'rina' }]);
    const lines = allByRole(results(container), 'listitem').map(text);
    expect(lines[0]).toMatch(/^Perhatian Peran: Kontributor — boleh mengirim naskah, tidak boleh mengunggah foto/);
    expect(lines[1]).toBe('Berhasil Zona waktu portal Asia/Makassar sama dengan zona redaksi');

    await view!.unmount();
    view = null;
    const { container: en } = await settings(client, 'en');
    await click(byRole(en, 'button', 'Test connection'));
    expect(allByRole(byRole(en, 'region', 'Connection test results'), 'listitem').map(text)[0]).toMatch(/^Note Role: Contributor — may submit articles, may not upload photos/);
  });

  it('asks for the empty field before calling the backend', async () => {
    const client = fakeClient();
    client.answer('portal-get', () => NOT_CONNECTED);
    const { container } = await settings(client);
    await type(byLabel(container, 'Alamat portal'), 'https://kabarkukar.id');
    await click(byRole(container, 'button', 'Uji koneksi'));
    expect(client.callsOf('portal-test')).toEqual([]);
    expect(text(byRole(container, 'alert'))).toBe('Isi Nama pengguna dulu.');
    expect(document.activeElement).toBe(byLabel(container, 'Nama pengguna'));
  });

  it('saves, keeping the saved password when the field is left empty for the same user only, and shows a refusal with its fix', async () => {
    const client = fakeClient();
    client.answer('portal-get', () => CONNECTED);
    const refused: AppErrorShape = { kind: 'auth', code: 'portal.badCredentials', message: 'refused', retryable: false };
    client.fail('portal-save', refused);
    const { container } = await settings(client);
    // Another user: the saved password is not offered for it, the field asks for its own.
    await type(byLabel(container, 'Nama pengguna'), 'rina.w');
    expect(text(container)).toContain('Kata sandi aplikasi yang tersimpan hanya dipakai untuk https://kabarkukar.id sebagai rina.');
    await submit(container.querySelector('form')!);
    expect(client.callsOf('portal-save')).toEqual([]);
    expect(text(container)).toContain('Isi Kata sandi aplikasi dulu.');

    await type(byLabel(container, 'Nama pengguna'), 'rina');
    await submit(container.querySelector('form')!);
    expect(client.callsOf('portal-save')).toEqual([{ address: 'https://kabarkukar.id', username: 'rina' }]);
    expect(text(results(container))).toMatch(/Koneksi belum disimpan\..*Portal menolak nama pengguna atau kata sandi aplikasi\..*Kata Sandi Aplikasi/);

    client.answer('portal-save', () => ({ ...CONNECTED, username: 'rina.w' }));
    await type(byLabel(container, 'Nama pengguna'), 'rina.w');
    await type(byLabel(container, 'Kata sandi aplikasi'), 'wxyz');
    await submit(container.querySelector('form')!);
    expect(client.callsOf('portal-save')[1]).toEqual({ address: 'https://kabarkukar.id', username: 'rina.w', appPassword: 'wxyz' });
    expect(text(results(container))).toBe('Koneksi portal disimpan.');
    expect(byLabel(container, 'Kata sandi aplikasi').value).toBe('');
  });

  it('shows the role as the account decides it, not as a choice', async () => {
    const client = fakeClient();
    client.answer('portal-get', () => CONNECTED);
    const { container } = await settings(client);
    const role = byLabel(container, 'Peran') as unknown as HTMLSelectElement;
    expect(role.disabled).toBe(true);
    expect(role.value).toBe('editor');
    expect(text(container)).toContain('Ditentukan oleh akun portal rina: Redaktur.');
    // The backend decides the role from the account; the page never writes it.
    expect(client.callsOf('settings-update')).toEqual([]);
  });

  it('lets the local role be chosen while no account is connected (also when the backend has no portal yet)', async () => {
    const client = fakeClient();
    const { container } = await settings(client);
    const role = byLabel(container, 'Peran') as unknown as HTMLSelectElement;
    expect(role.disabled).toBe(false);
    expect(text(container)).toContain('Pengaturan portal belum bisa dimuat.');
    expect(allByRole(container, 'button', 'Putuskan')).toEqual([]);
  });

  it('forgets the connection after asking', async () => {
    const client = fakeClient();
    client.answer('portal-get', () => CONNECTED);
    client.answer('portal-forget', () => NOT_CONNECTED);
    const { container } = await settings(client);
    await click(byRole(container, 'button', 'Putuskan'));
    const dialog = byRole(document.body, 'dialog');
    expect(text(dialog)).toContain('Putuskan koneksi portal?');
    await click(byRole(dialog, 'button', 'Putuskan'));
    expect(client.callsOf('portal-forget')).toEqual([{}]);
    expect(text(results(container))).toContain('Koneksi portal diputus.');
    expect(byLabel(container, 'Alamat portal').value).toBe('');
  });
});
