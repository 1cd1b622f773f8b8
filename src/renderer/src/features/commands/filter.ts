/** Which commands match what was typed in the palette: every word, in any order, case and accents ignored. */
export interface PaletteEntry<Id extends string = string> {
  id: Id;
  label: string;
  available: boolean;
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Matching entries, available ones first, otherwise in their menu order. */
export function filterCommands<E extends PaletteEntry>(entries: readonly E[], query: string): E[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const matching = entries.filter((entry) => {
    const label = fold(entry.label);
    return words.every((word) => label.includes(word));
  });
  return [...matching.filter((e) => e.available), ...matching.filter((e) => !e.available)];
}
