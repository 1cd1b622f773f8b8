import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirsRemovedAfterEach } from '../core/testing/temp-dirs';
import { safeStorageSecretStore } from './secret-store';

const tempDir = tempDirsRemovedAfterEach('secrets');

describe('safeStorage secret store (Electron)', () => {
  const fakeSafeStorage = (available = true) => ({
    isAsyncEncryptionAvailable: async () => available,
    encryptStringAsync: async (text: string) => Buffer.from(text, 'utf8').map((b) => b ^ 0x5a),
    decryptStringAsync: async (data: Buffer) => ({ result: Buffer.from(data.map((b) => b ^ 0x5a)).toString('utf8'), shouldReEncrypt: false }),
  });

  it('stores only the encrypted form on disk', async () => {
    const dir = tempDir();
    const store = safeStorageSecretStore(fakeSafeStorage() as never, dir);
    await store.set('portal.appPassword', 'rahasia-sekali');
    const files = fs.readdirSync(path.join(dir, 'secrets'));
    expect(files).toEqual(['portal.appPassword.bin']);
    expect(fs.readFileSync(path.join(dir, 'secrets', files[0]!)).toString('utf8')).not.toContain('rahasia');
    expect(await store.get('portal.appPassword')).toBe('rahasia-sekali');
    await store.delete('portal.appPassword');
    expect(await store.get('portal.appPassword')).toBeUndefined();
  });

  it('refuses to store a password when the OS has no secure storage', async () => {
    const store = safeStorageSecretStore(fakeSafeStorage(false) as never, tempDir());
    await expect(store.set('portal.appPassword', 'x')).rejects.toThrow(/secure storage/);
  });
});
