/**
 * Where the portal's Application Password lives: never in SQLite, logs or error messages.
 * Electron passes a store backed by the OS (safeStorage); browser mode uses a file in the data
 * folder that only this user can read (mode 0600), written atomically.
 */
import fs from 'node:fs';
import path from 'node:path';
import { removeStaleTempCopies, writePrivateFile } from '../storage/private-file';

export interface SecretStore {
  get(name: string): Promise<string | undefined>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
  /** Where the secrets are kept, in words for the UI ("file only you can read", "OS keychain"). */
  readonly kind: 'os' | 'file' | 'memory';
}

export const SECRETS_FILE_NAME = 'secrets.json';

/** A JSON file of name -> value, readable by its owner only. */
export function fileSecretStore(dataDir: string): SecretStore {
  const file = path.join(dataDir, SECRETS_FILE_NAME);
  // A write cut off by a crash leaves its temporary copy, with the password in it: remove it.
  removeStaleTempCopies(dataDir, SECRETS_FILE_NAME);
  const read = (): Record<string, string> => {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return {};
    }
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
      }
    } catch {
      // A damaged file holds nothing usable: the person enters the password again.
    }
    return {};
  };
  const write = (values: Record<string, string>): void => writePrivateFile(file, JSON.stringify(values));
  return {
    kind: 'file',
    async get(name) {
      return read()[name];
    },
    async set(name, value) {
      write({ ...read(), [name]: value });
    },
    async delete(name) {
      const values = read();
      if (!(name in values)) return;
      delete values[name];
      write(values);
    },
  };
}

/** For tests. */
export function memorySecretStore(): SecretStore {
  const values = new Map<string, string>();
  return {
    kind: 'memory',
    async get(name) {
      return values.get(name);
    },
    async set(name, value) {
      values.set(name, value);
    },
    async delete(name) {
      values.delete(name);
    },
  };
}
