import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirsRemovedAfterEach } from '../testing/temp-dirs';
import { fileSecretStore, SECRETS_FILE_NAME } from './secret-store';

const tempDir = tempDirsRemovedAfterEach('secrets');

describe('file secret store (browser mode)', () => {
  it('keeps values in a file only its owner can read', async () => {
    const dir = tempDir();
    const store = fileSecretStore(dir);
    expect(await store.get('portal.appPassword')).toBeUndefined();
    await store.set('portal.appPassword', 'abcd efgh ijkl mnop');
    expect(await fileSecretStore(dir).get('portal.appPassword')).toBe('abcd efgh ijkl mnop');
    const mode = fs.statSync(path.join(dir, SECRETS_FILE_NAME)).mode & 0o777;
    expect(mode).toBe(0o600);
    await store.delete('portal.appPassword');
    expect(await store.get('portal.appPassword')).toBeUndefined();
  });

  it('removes the temporary copy a crash left mid-write (it holds the password)', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, `${SECRETS_FILE_NAME}.4242.tmp`), '{"portal.appPassword":"rahasia"}', { mode: 0o600 });
    fs.writeFileSync(path.join(dir, 'redaksi.sqlite3'), 'other files stay');
    const store = fileSecretStore(dir);
    expect(fs.readdirSync(dir).sort()).toEqual(['redaksi.sqlite3']);
    expect(await store.get('portal.appPassword')).toBeUndefined();
  });

  it('treats a damaged file as empty instead of failing', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, SECRETS_FILE_NAME), '{not json');
    expect(await fileSecretStore(dir).get('x')).toBeUndefined();
  });
});

