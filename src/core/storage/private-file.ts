/**
 * Small files holding a secret (the portal password in browser mode, the browser-mode access token):
 * readable by their owner only, and replaced whole, so a crash never leaves half of one.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Written to a temporary 0600 file, fsynced and renamed over `file`. */
export function writePrivateFile(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  // openSync's mode is masked by the umask and ignored for an existing file: set it explicitly.
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
}

/** A write cut off by a crash leaves its temporary copy, secret included: removed at start. */
export function removeStaleTempCopies(dir: string, fileName: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(`${fileName}.`) && name.endsWith('.tmp')) fs.rmSync(path.join(dir, name), { force: true });
  }
}
