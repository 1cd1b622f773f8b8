/** The application menu's template, checked without Electron: words per language, accelerators from the shared shortcut table. */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { accelerator, COMMAND_IDS, COMMAND_LABELS, commandShortcut, isCommandId, SHORTCUTS, type CommandId } from '../shared/commands';
import { appMenuTemplate, MENU_TEXTS } from './app-menu';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

const commandItems = (template: MenuItemConstructorOptions[]) => items(template).filter((item) => isCommandId(item.id));

describe('application menu', () => {
  it('has File, Edit, View, Article and Help in the UI language', () => {
    const send = () => undefined;
    expect(appMenuTemplate({ language: 'id', platform: 'linux', role: 'editor', send }).map((m) => m.label)).toEqual(['Berkas', 'Sunting', 'Tampilan', 'Naskah', 'Bantuan']);
    expect(appMenuTemplate({ language: 'en', platform: 'win32', role: 'editor', send }).map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Article', 'Help']);
    // A Mac puts the app's own menu first.
    expect(appMenuTemplate({ language: 'en', platform: 'darwin', role: 'editor', send }).map((m) => m.label)).toEqual(['Redaksi', 'File', 'Edit', 'View', 'Article', 'Help']);
  });

  it('labels every item in the chosen language, with no word left from the other', () => {
    for (const language of ['id', 'en'] as const) {
      const other = language === 'id' ? 'en' : 'id';
      const template = appMenuTemplate({ language, platform: 'linux', role: 'editor', send: () => undefined });
      for (const item of commandItems(template)) expect(item.label).toBe(COMMAND_LABELS[language][item.id as CommandId]);
      const labels = items(template).map((item) => item.label).filter(Boolean);
      expect(labels).toContain(MENU_TEXTS[language].paste);
      expect(labels).toContain(COMMAND_LABELS[language]['new-article']);
      expect(labels).not.toContain(COMMAND_LABELS[other]['new-article']);
      expect(labels).not.toContain(MENU_TEXTS[other].edit);
    }
  });

  it("gives each command the accelerator of the page's own shortcut", () => {
    const template = appMenuTemplate({ language: 'id', platform: 'linux', role: 'editor', send: () => undefined });
    const shown = commandItems(template);
    // Every command is in the menu (the palette included), once.
    expect(shown.map((item) => item.id).sort()).toEqual([...COMMAND_IDS].sort());
    for (const item of shown) {
      const shortcut = commandShortcut(item.id as CommandId);
      expect(item.accelerator, item.id).toBe(shortcut ? accelerator(shortcut) : undefined);
    }
    // Pinned by hand, so a change to the conversion itself shows up too.
    const byId = new Map(shown.map((item) => [item.id, item]));
    expect(byId.get('new-article')!.accelerator).toBe('CmdOrCtrl+Alt+N');
    expect(byId.get('insert-image')!.accelerator).toBe('CmdOrCtrl+Shift+G');
    expect(byId.get('heading2')!.accelerator).toBe('CmdOrCtrl+Alt+2');
    expect(byId.get('show-settings')!.accelerator).toBe('CmdOrCtrl+,');
    const edit = items(template).filter((item) => item.role === 'undo' || item.role === 'redo');
    expect(edit.map((item) => item.accelerator)).toEqual([accelerator(SHORTCUTS.undo), accelerator(SHORTCUTS.redo)]);
  });

  it('leaves the keys to the page on Windows and Linux, and to the menu on a Mac', () => {
    for (const [platform, registered] of [['linux', false], ['win32', false], ['darwin', true]] as const) {
      const template = appMenuTemplate({ language: 'en', platform, role: 'editor', send: () => undefined });
      for (const item of items(template).filter((i) => i.accelerator)) expect(item.registerAccelerator, `${platform} ${item.label}`).toBe(registered);
    }
  });

  it('sends the command when an item is chosen', () => {
    const send = vi.fn();
    const template = appMenuTemplate({ language: 'id', platform: 'linux', role: 'editor', send });
    const bold = commandItems(template).find((item) => item.id === 'bold')!;
    (bold.click as () => void)();
    expect(send).toHaveBeenCalledWith('bold');
  });

  it('shows the publish queue only to editors', () => {
    const ids = (role: 'writer' | 'editor') => commandItems(appMenuTemplate({ language: 'id', platform: 'linux', role, send: () => undefined })).map((i) => i.id);
    expect(ids('editor')).toContain('show-queue');
    expect(ids('writer')).not.toContain('show-queue');
  });
});
