/**
 * The app's commands and their keyboard shortcuts, shared by the renderer (keydown handling,
 * tooltips, the command palette) and the Electron shell (the application menu and its
 * accelerators), so a shortcut shown in the menu is always the one the page answers to.
 */
import type { UiLanguage } from './newsroom-time';

export interface Shortcut {
  /** KeyboardEvent.code, layout independent: 'KeyB', 'Digit2'. */
  code: string;
  /** Label of the key as printed on it. */
  key: string;
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
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
  // Not Ctrl+K (the link in the editor): Ctrl+Shift+P, as in code editors people may know.
  commandPalette: { code: 'KeyP', key: 'P', mod: true, shift: true },
  // Ctrl+, as in most desktop apps. (Ctrl+1...9 would switch tabs in browser mode.)
  showSettings: { code: 'Comma', key: ',', mod: true },
  // S for "sinkronkan"; with Alt, so it stays apart from the habitual Ctrl+S.
  syncNow: { code: 'KeyS', key: 'S', mod: true, alt: true },
} satisfies Record<string, Shortcut>;

export type ShortcutName = keyof typeof SHORTCUTS;

/** Commands the menu and the palette can run in the renderer; each names its shortcut, if any. */
export const COMMANDS = {
  'new-article': { shortcut: 'newArticle' },
  save: { shortcut: 'save' },
  search: { shortcut: 'search' },
  'show-articles': {},
  'show-queue': {},
  'show-settings': { shortcut: 'showSettings' },
  'command-palette': { shortcut: 'commandPalette' },
  'insert-image': { shortcut: 'insertImage' },
  link: { shortcut: 'link' },
  bold: { shortcut: 'bold' },
  italic: { shortcut: 'italic' },
  underline: { shortcut: 'underline' },
  strikethrough: { shortcut: 'strikethrough' },
  paragraph: { shortcut: 'paragraph' },
  heading2: { shortcut: 'heading2' },
  heading3: { shortcut: 'heading3' },
  heading4: { shortcut: 'heading4' },
  'bullet-list': { shortcut: 'bulletList' },
  'numbered-list': { shortcut: 'numberedList' },
  quote: { shortcut: 'quote' },
  'insert-table': {},
  'table-row-below': {},
  'table-column-right': {},
  'table-row-delete': {},
  'table-column-delete': {},
  'revision-history': {},
  'sync-now': { shortcut: 'syncNow' },
} as const satisfies Record<string, { shortcut?: ShortcutName }>;

export type CommandId = keyof typeof COMMANDS;
export const COMMAND_IDS = Object.keys(COMMANDS) as CommandId[];

export function isCommandId(value: unknown): value is CommandId {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(COMMANDS, value);
}

export function commandShortcut(id: CommandId): Shortcut | undefined {
  const spec: { shortcut?: ShortcutName } = COMMANDS[id];
  return spec.shortcut ? SHORTCUTS[spec.shortcut] : undefined;
}

/** Electron's accelerator for a shortcut: "CmdOrCtrl+Alt+N" (⌘ on a Mac, Ctrl elsewhere, as the page matches). */
export function accelerator(s: Shortcut): string {
  return [s.mod && 'CmdOrCtrl', s.alt && 'Alt', s.shift && 'Shift', s.key].filter(Boolean).join('+');
}

/**
 * The words for each command and menu, in both languages. The shell has no i18next, so they live
 * here; the renderer's palette shows the same words (a test keeps them equal to the toolbar's).
 */
export const COMMAND_LABELS: Record<UiLanguage, Record<CommandId, string>> = {
  id: {
    'new-article': 'Naskah baru',
    save: 'Simpan sekarang',
    search: 'Cari naskah',
    'show-articles': 'Naskah',
    'show-queue': 'Antrean Terbit',
    'show-settings': 'Pengaturan',
    'command-palette': 'Semua perintah…',
    'insert-image': 'Sisipkan gambar',
    link: 'Tautan',
    bold: 'Tebal',
    italic: 'Miring',
    underline: 'Garis bawah',
    strikethrough: 'Coret',
    paragraph: 'Paragraf biasa',
    heading2: 'Bagian H2',
    heading3: 'Bagian H3',
    heading4: 'Bagian H4',
    'bullet-list': 'Daftar berpoin',
    'numbered-list': 'Daftar bernomor',
    quote: 'Kutipan',
    'insert-table': 'Sisipkan tabel',
    'table-row-below': 'Tambah baris di bawah',
    'table-column-right': 'Tambah kolom di kanan',
    'table-row-delete': 'Hapus baris tabel',
    'table-column-delete': 'Hapus kolom tabel',
    'revision-history': 'Riwayat revisi',
    'sync-now': 'Sinkronkan sekarang',
  },
  en: {
    'new-article': 'New article',
    save: 'Save now',
    search: 'Search articles',
    'show-articles': 'Articles',
    'show-queue': 'Publish queue',
    'show-settings': 'Settings',
    'command-palette': 'All commands…',
    'insert-image': 'Insert image',
    link: 'Link',
    bold: 'Bold',
    italic: 'Italic',
    underline: 'Underline',
    strikethrough: 'Strikethrough',
    paragraph: 'Normal paragraph',
    heading2: 'Heading H2',
    heading3: 'Heading H3',
    heading4: 'Heading H4',
    'bullet-list': 'Bulleted list',
    'numbered-list': 'Numbered list',
    quote: 'Quote',
    'insert-table': 'Insert table',
    'table-row-below': 'Add row below',
    'table-column-right': 'Add column to the right',
    'table-row-delete': 'Delete table row',
    'table-column-delete': 'Delete table column',
    'revision-history': 'Revision history',
    'sync-now': 'Sync now',
  },
};
