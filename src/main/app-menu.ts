/**
 * The application menu (File, Edit, View, Article, Help) in the UI language. Items for the app's
 * own commands carry the accelerator of the same shortcut the page answers to (src/shared/commands.ts)
 * and, when chosen, ask the renderer to run that command. Free of Electron at run time, so tests can
 * check the template without launching it.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { accelerator, COMMAND_LABELS, commandShortcut, SHORTCUTS, type CommandId } from '../shared/commands';
import type { UiLanguage } from '../shared/newsroom-time';

interface MenuTexts {
  file: string;
  edit: string;
  view: string;
  article: string;
  help: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  zoomIn: string;
  zoomOut: string;
  resetZoom: string;
  fullScreen: string;
  quit: string;
  about: string;
}

export const MENU_TEXTS: Record<UiLanguage, MenuTexts> = {
  id: {
    file: 'Berkas',
    edit: 'Sunting',
    view: 'Tampilan',
    article: 'Naskah',
    help: 'Bantuan',
    undo: 'Langkah mundur',
    redo: 'Langkah maju',
    cut: 'Potong',
    copy: 'Salin',
    paste: 'Tempel',
    selectAll: 'Pilih semua',
    zoomIn: 'Perbesar',
    zoomOut: 'Perkecil',
    resetZoom: 'Ukuran asli',
    fullScreen: 'Layar penuh',
    quit: 'Keluar',
    about: 'Tentang Redaksi',
  },
  en: {
    file: 'File',
    edit: 'Edit',
    view: 'View',
    article: 'Article',
    help: 'Help',
    undo: 'Step back',
    redo: 'Step forward',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    resetZoom: 'Actual size',
    fullScreen: 'Full screen',
    quit: 'Quit',
    about: 'About Redaksi',
  },
};

export interface AppMenuOptions {
  language: UiLanguage;
  platform: NodeJS.Platform;
  /** Whether the person may open the publish queue (editors only). */
  role: 'writer' | 'editor';
  /** Asks the renderer to run a command (the 'menu-command' event). */
  send: (command: CommandId) => void;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function appMenuTemplate({ language, platform, role, send }: AppMenuOptions): MenuItemConstructorOptions[] {
  const text = MENU_TEXTS[language];
  const isMac = platform === 'darwin';
  const command = (id: CommandId): MenuItemConstructorOptions => {
    const shortcut = commandShortcut(id);
    return {
      id,
      label: COMMAND_LABELS[language][id],
      ...(shortcut
        ? {
            accelerator: accelerator(shortcut),
            // On Windows and Linux the page answers the keys itself (it already does in browser mode);
            // registering them as well would run a command twice. A Mac's menu takes its keys first.
            registerAccelerator: isMac,
          }
        : {}),
      click: () => send(id),
    };
  };
  // Undo and redo belong to the editor's own history (Lexical), reached through the page's edit commands.
  const edit = (role: 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll', label: string, shortcut?: keyof typeof SHORTCUTS): MenuItemConstructorOptions => ({
    role,
    label,
    ...(shortcut ? { accelerator: accelerator(SHORTCUTS[shortcut]), registerAccelerator: isMac } : {}),
  });

  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: 'Redaksi',
      submenu: [{ role: 'about', label: text.about }, separator, command('show-settings'), separator, { role: 'quit', label: text.quit }],
    });
  }
  template.push(
    {
      id: 'file',
      label: text.file,
      submenu: [command('new-article'), command('save'), separator, command('sync-now'), ...(isMac ? [] : [separator, { role: 'quit' as const, label: text.quit }])],
    },
    {
      id: 'edit',
      label: text.edit,
      submenu: [
        edit('undo', text.undo, 'undo'),
        edit('redo', text.redo, 'redo'),
        separator,
        edit('cut', text.cut),
        edit('copy', text.copy),
        edit('paste', text.paste),
        edit('selectAll', text.selectAll),
        separator,
        command('search'),
      ],
    },
    {
      id: 'view',
      label: text.view,
      submenu: [
        command('show-articles'),
        ...(role === 'editor' ? [command('show-queue')] : []),
        ...(isMac ? [] : [command('show-settings')]),
        separator,
        { role: 'zoomIn', label: text.zoomIn },
        { role: 'zoomOut', label: text.zoomOut },
        { role: 'resetZoom', label: text.resetZoom },
        { role: 'togglefullscreen', label: text.fullScreen },
      ],
    },
    {
      id: 'article',
      label: text.article,
      submenu: [
        command('insert-image'),
        command('link'),
        separator,
        command('bold'),
        command('italic'),
        command('underline'),
        command('strikethrough'),
        separator,
        command('paragraph'),
        command('heading2'),
        command('heading3'),
        command('heading4'),
        command('quote'),
        separator,
        command('bullet-list'),
        command('numbered-list'),
        separator,
        command('insert-table'),
        command('table-row-below'),
        command('table-column-right'),
        command('table-row-delete'),
        command('table-column-delete'),
        separator,
        command('revision-history'),
      ],
    },
    {
      id: 'help',
      label: text.help,
      role: 'help',
      submenu: [command('command-palette'), ...(isMac ? [] : [separator, { role: 'about' as const, label: text.about }])],
    },
  );
  return template;
}
