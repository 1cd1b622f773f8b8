/**
 * The portal's Application Password in the desktop app: encrypted with the OS's own keystore
 * through Electron's safeStorage (async API: Keychain, DPAPI, libsecret/kwallet), kept as an
 * encrypted blob per name in the data folder. Never in SQLite, never in logs.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SafeStorage } from 'electron';
import type { SecretStore } from '../core/secrets/secret-store';

export const ENCRYPTED_SECRETS_DIR = 'secrets';

export function safeStorageSecretStore(safeStorage: Pick<SafeStorage, 'encryptStringAsync' | 'decryptStringAsync' | 'isAsyncEncryptionAvailable'>, dataDir: string): SecretStore {
  const dir = path.join(dataDir, ENCRYPTED_SECRETS_DIR);
  // Names are ours ('portal.appPassword'); keep them to safe file names anyway.
  const fileFor = (name: string) => path.join(dir, `${name.replace(/[^A-Za-z0-9._-]/g, '_')}.bin`);
  const assertAvailable = async () => {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) {
      throw new Error('The operating system offers no secure storage for the password.');
    }
  };
  const store: SecretStore = {
    kind: 'os',
    async get(name) {
      let encrypted: Buffer;
      try {
        encrypted = await fs.promises.readFile(fileFor(name));
      } catch {
        return undefined;
      }
      await assertAvailable();
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(encrypted);
      if (shouldReEncrypt) await store.set(name, result);
      return result;
    },
    async set(name, value) {
      await assertAvailable();
      const encrypted = await safeStorage.encryptStringAsync(value);
      await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
      const file = fileFor(name);
      const tmp = `${file}.tmp`;
      await fs.promises.writeFile(tmp, encrypted, { mode: 0o600 });
      await fs.promises.rename(tmp, file);
    },
    async delete(name) {
      await fs.promises.rm(fileFor(name), { force: true });
    },
  };
  return store;
}
