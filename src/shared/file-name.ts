/** File names as people's computers give them, made safe to store and to show. */

/**
 * Keeps a file name for display and for the portal's upload: no folders, no control characters, no
 * bidirectional overrides (which make "foto\u202Egpj.exe" display as "fotoexe.jpg"), bounded.
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 120)
    // Unpaired surrogates (also one the cut above may leave) have no UTF-8 form in the database.
    .replace(/[\uD800-\uDFFF]/gu, '');
  return cleaned || 'foto';
}
