/** Key bookkeeping for the translation files, kept free of i18next so tests can run it alone. */

type Tree = { [key: string]: string | Tree };

/** i18next picks one of these suffixes by the language's plural rules; Indonesian only uses `_other`. */
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Every leaf key as a dotted path, with plural variants folded into their base key. */
export function leafKeys(tree: Tree, prefix = ''): Set<string> {
  const keys = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') keys.add(path.replace(PLURAL_SUFFIX, ''));
    else for (const k of leafKeys(value, path)) keys.add(k);
  }
  return keys;
}

/** Placeholders ({{name}}) used by each leaf key, plural variants merged. */
export function placeholders(tree: Tree, prefix = ''): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') {
      const base = path.replace(PLURAL_SUFFIX, '');
      const set = out.get(base) ?? new Set<string>();
      for (const m of value.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)) set.add(m[1]!);
      out.set(base, set);
    } else {
      for (const [k, v] of placeholders(value, path)) out.set(k, v);
    }
  }
  return out;
}

export interface KeyDifference {
  /** Keys present in `a` but absent in `b`. */
  missingInB: string[];
  /** Keys present in `b` but absent in `a`. */
  missingInA: string[];
  /** Keys whose placeholders differ between the two languages. */
  placeholderMismatch: string[];
}

export function compareLocales(a: Tree, b: Tree): KeyDifference {
  const ka = leafKeys(a);
  const kb = leafKeys(b);
  const pa = placeholders(a);
  const pb = placeholders(b);
  const placeholderMismatch: string[] = [];
  for (const key of ka) {
    if (!kb.has(key)) continue;
    const x = [...(pa.get(key) ?? [])].sort().join(',');
    const y = [...(pb.get(key) ?? [])].sort().join(',');
    if (x !== y) placeholderMismatch.push(key);
  }
  return {
    missingInB: [...ka].filter((k) => !kb.has(k)).sort(),
    missingInA: [...kb].filter((k) => !ka.has(k)).sort(),
    placeholderMismatch: placeholderMismatch.sort(),
  };
}
