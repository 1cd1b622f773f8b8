/** Keyboard shortcuts as data (src/shared/commands.ts): shown in tooltips, announced via aria-keyshortcuts, matched on keydown. */
import type { Shortcut } from '../../../shared/commands';

export { SHORTCUTS, type Shortcut } from '../../../shared/commands';

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
