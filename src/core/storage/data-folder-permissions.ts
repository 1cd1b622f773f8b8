/**
 * The data folder holds drafts nobody else should read: on POSIX systems the folder and every folder
 * in it are 0700 and every file 0600 (the database and its -wal/-shm, photos, the secrets and session
 * files). A folder found wider (made by an older version, copied, or created under a loose umask) is
 * tightened, and the caller says so. Symbolic links are neither followed nor changed. Windows keeps
 * its own ACLs.
 */
import fs from 'node:fs';
import path from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the folder (0700) if needed and tightens what is in it; returns the entries that were wider. */
export function secureDataFolder(dir: string, platform: NodeJS.Platform = process.platform): string[] {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (platform === 'win32') return [];
  const tightened: string[] = [];
  const visit = (entry: string, depth: number): void => {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(entry);
    } catch {
      return; // gone meanwhile (a temporary file)
    }
    if (stat.isSymbolicLink()) return;
    const wanted = stat.isDirectory() ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE;
    if ((stat.mode & 0o777 & ~wanted) !== 0) {
      fs.chmodSync(entry, stat.mode & 0o777 & wanted);
      tightened.push(path.relative(dir, entry) || '.');
    }
    // Bounded depth: the folder's own layout is shallow (media/<aa>/<file>).
    if (stat.isDirectory() && depth < 8) {
      for (const name of fs.readdirSync(entry)) visit(path.join(entry, name), depth + 1);
    }
  };
  visit(dir, 0);
  return tightened;
}
