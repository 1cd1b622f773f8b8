import { describe, expect, it, vi } from 'vitest';
import { COMMAND_IDS, COMMAND_LABELS } from '../../../shared/commands';
import en from '../i18n/locales/en.json';
import id from '../i18n/locales/id.json';
import { COMMAND_I18N_KEYS, CommandRegistry } from './commands';

type Tree = { [key: string]: string | Tree };
const lookup = (tree: Tree, key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node as Tree | undefined)?.[part], tree);

describe('commands', () => {
  it("the shell's menu words are the renderer's words, in both languages", () => {
    for (const [language, tree] of [['id', id], ['en', en]] as const) {
      for (const command of COMMAND_IDS) {
        expect(`${command}: ${String(lookup(tree, COMMAND_I18N_KEYS[command]))}`).toBe(`${command}: ${COMMAND_LABELS[language][command]}`);
      }
    }
  });

  it('runs the latest registration and falls back when it goes away', () => {
    const registry = new CommandRegistry();
    const screen = vi.fn();
    const dialog = vi.fn();
    expect(registry.run('bold')).toBe(false);
    const offScreen = registry.register('bold', screen);
    const offDialog = registry.register('bold', dialog);
    expect(registry.run('bold')).toBe(true);
    expect(dialog).toHaveBeenCalledTimes(1);
    offDialog();
    registry.run('bold');
    expect(screen).toHaveBeenCalledTimes(1);
    offScreen();
    expect(registry.available('bold')).toBe(false);
  });
});
