import { isAppErrorShape } from '../shared/errors';

interface Texts {
  title: string;
  tooNew: (dir: string) => string;
  inUse: (dir: string) => string;
  engine: (cause: string) => string;
  other: (dir: string, cause: string) => string;
}

const TEXTS: Record<'id' | 'en', Texts> = {
  id: {
    title: 'Redaksi tidak dapat dibuka',
    tooNew: (dir) =>
      `Basis data di ${dir} dibuat oleh versi Redaksi yang lebih baru. Perbarui Redaksi ke versi terbaru. ` +
      'Data Anda tidak diubah.',
    inUse: (dir) =>
      `Folder data ${dir} sedang dipakai Redaksi lain, misalnya mode peramban. Tutup yang itu dulu, lalu buka Redaksi lagi. ` +
      'Data Anda tidak diubah.',
    engine: (cause) =>
      `Komponen basis data Redaksi tidak dapat dimuat di komputer ini (${cause}). Pasang ulang Redaksi dengan installer untuk ` +
      'sistem dan jenis prosesor komputer ini. Data Anda tidak diubah.',
    other: (dir, cause) => `Data di ${dir} tidak dapat dibuka: ${cause}`,
  },
  en: {
    title: 'Redaksi cannot open',
    tooNew: (dir) =>
      `The database in ${dir} was made by a newer version of Redaksi. Update Redaksi to the latest version. ` +
      'Your data has not been changed.',
    inUse: (dir) =>
      `The data folder ${dir} is in use by another Redaksi, for example browser mode. Close that one first, then open Redaksi again. ` +
      'Your data has not been changed.',
    engine: (cause) =>
      `Redaksi's database component could not be loaded on this computer (${cause}). Reinstall Redaksi with the installer for ` +
      "this computer's system and processor. Your data has not been changed.",
    other: (dir, cause) => `The data in ${dir} could not be opened: ${cause}`,
  },
};

/** Title and text of the dialog shown when the backend refuses to start; the system language picks the order. */
export function describeStartupFailure(err: unknown, dataDir: string, locale: string): { title: string; message: string } {
  const first = locale.toLowerCase().startsWith('en') ? 'en' : 'id';
  const order = first === 'en' ? (['en', 'id'] as const) : (['id', 'en'] as const);
  const code = isAppErrorShape(err) ? err.code : null;
  const cause = isAppErrorShape(err) ? err.message : err instanceof Error ? err.message : String(err);
  const paragraphs = order.map((lang) => {
    if (code === 'database.tooNew') return TEXTS[lang].tooNew(dataDir);
    if (code === 'dataFolder.inUse') return TEXTS[lang].inUse(dataDir);
    if (code === 'native.sqliteUnavailable') return TEXTS[lang].engine(String(isAppErrorShape(err) ? (err.params?.cause ?? cause) : cause));
    return TEXTS[lang].other(dataDir, cause);
  });
  return { title: TEXTS[first].title, message: paragraphs.join('\n\n') };
}
