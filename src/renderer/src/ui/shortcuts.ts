/** Keyboard shortcuts as data: shown in tooltips, announced via aria-keyshortcuts, matched on keydown. */
export interface Shortcut {
  /** KeyboardEvent.code, layout independent: 'KeyB', 'Digit2'. */
  code: string;
  /** Label of the key as printed on it. */
  key: string;
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
}

export const IS_APPLE = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** "Ctrl+Shift+X" (or "⌘⇧X" on a Mac). */
export function shortcutLabel(s: Shortcut): string {
  if (IS_APPLE) return `${s.mod ? '⌘' : ''}${s.alt ? '⌥' : ''}${s.shift ? '⇧' : ''}${s.key}`;
  return [s.mod && 'Ctrl', s.alt && 'Alt', s.shift && 'Shift', s.key].filter(Boolean).join('+');
}

/** The aria-keyshortcuts value: "Control+Shift+X". */
export function shortcutAria(s: Shortcut): string {
  return [s.mod && (IS_APPLE ? 'Meta' : 'Control'), s.alt && 'Alt', s.shift && 'Shift', s.key].filter(Boolean).join('+');
}

export function matchesShortcut(event: KeyboardEvent, s: Shortcut): boolean {
  const mod = IS_APPLE ? event.metaKey : event.ctrlKey;
  return event.code === s.code && mod === !!s.mod && event.shiftKey === !!s.shift && event.altKey === !!s.alt;
}

export const SHORTCUTS = {
  undo: { code: 'KeyZ', key: 'Z', mod: true },
  redo: { code: 'KeyZ', key: 'Z', mod: true, shift: true },
  bold: { code: 'KeyB', key: 'B', mod: true },
  italic: { code: 'KeyI', key: 'I', mod: true },
  underline: { code: 'KeyU', key: 'U', mod: true },
  strikethrough: { code: 'KeyX', key: 'X', mod: true, shift: true },
  link: { code: 'KeyK', key: 'K', mod: true },
  // G for "gambar". Not Ctrl+Shift+I: browsers keep that one for their developer tools.
  insertImage: { code: 'KeyG', key: 'G', mod: true, shift: true },
  paragraph: { code: 'Digit0', key: '0', mod: true, alt: true },
  heading2: { code: 'Digit2', key: '2', mod: true, alt: true },
  heading3: { code: 'Digit3', key: '3', mod: true, alt: true },
  heading4: { code: 'Digit4', key: '4', mod: true, alt: true },
  numberedList: { code: 'Digit7', key: '7', mod: true, shift: true },
  bulletList: { code: 'Digit8', key: '8', mod: true, shift: true },
  quote: { code: 'Digit9', key: '9', mod: true, shift: true },
  newArticle: { code: 'KeyN', key: 'N', mod: true, alt: true },
  search: { code: 'KeyF', key: 'F', mod: true, shift: true },
  save: { code: 'KeyS', key: 'S', mod: true },
  // S for "sinkronkan"; with Alt, so it stays apart from the habitual Ctrl+S.
  syncNow: { code: 'KeyS', key: 'S', mod: true, alt: true },
} satisfies Record<string, Shortcut>;
