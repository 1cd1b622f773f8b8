import { isAppErrorShape } from '../shared/errors';

const KNOWN: Record<string, (dataDir: string) => string> = {
  'database.tooNew': (dir) =>
    `basis data di ${dir} dibuat oleh versi Redaksi yang lebih baru; perbarui aplikasi (tidak ada yang diubah). / ` +
    `the database in ${dir} was made by a newer version of Redaksi; update the app (nothing was changed).`,
  'dataFolder.inUse': (dir) =>
    `folder data ${dir} sedang dipakai Redaksi lain (aplikasi desktop atau mode peramban); tutup yang itu dulu, atau pakai folder lain dengan --data (tidak ada yang diubah). / ` +
    `the data folder ${dir} is in use by another Redaksi (the desktop app or browser mode); close that one first, or use another folder with --data (nothing was changed).`,
};

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim();

/** One line for the terminal when the backend refuses to start, Indonesian first, then English. */
export function describeStartupError(err: unknown, dataDir: string): string {
  const known = isAppErrorShape(err) ? KNOWN[err.code] : undefined;
  if (known) return oneLine(known(dataDir));
  const cause = isAppErrorShape(err) ? `${err.message} (${err.code})` : err instanceof Error ? err.message : String(err);
  return oneLine(`data di ${dataDir} tidak dapat dibuka / the data in ${dataDir} could not be opened: ${cause}`);
}
