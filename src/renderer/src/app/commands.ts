/**
 * Runs the app's commands (src/shared/commands.ts) for the application menu and the command
 * palette. The part of the screen that owns a command registers it while it is shown (the toolbar
 * its formatting, the app its navigation), so a command runs exactly what its button or shortcut does.
 */
import { useEffect, useRef } from 'react';
import type { CommandId } from '../../../shared/commands';
import { useServices } from './services';

/** The words of each command in the translation files; the shell's menu uses the same (a test checks). */
export const COMMAND_I18N_KEYS: Record<CommandId, string> = {
  'new-article': 'articles.new',
  save: 'commands.save',
  search: 'articles.search',
  'show-articles': 'nav.articles',
  'show-queue': 'nav.queue',
  'show-settings': 'nav.settings',
  'command-palette': 'commands.palette',
  'insert-image': 'photos.insert',
  link: 'editor.link',
  bold: 'editor.bold',
  italic: 'editor.italic',
  underline: 'editor.underline',
  strikethrough: 'editor.strikethrough',
  paragraph: 'editor.paragraph',
  heading2: 'editor.heading2',
  heading3: 'editor.heading3',
  heading4: 'editor.heading4',
  'bullet-list': 'editor.bulletList',
  'numbered-list': 'editor.numberedList',
  quote: 'editor.quote',
  'insert-table': 'table.insert',
  'table-row-below': 'table.rowBelow',
  'table-column-right': 'table.columnRight',
  'table-row-delete': 'table.deleteRow',
  'table-column-delete': 'table.deleteColumn',
  'revision-history': 'revisions.open',
  'sync-now': 'sync.syncNow',
};

export class CommandRegistry {
  // A stack per command: the latest registration runs (e.g. a dialog's over the screen's).
  private readonly handlers = new Map<CommandId, (() => void)[]>();

  register(id: CommandId, run: () => void): () => void {
    const stack = this.handlers.get(id) ?? [];
    stack.push(run);
    this.handlers.set(id, stack);
    return () => {
      const index = stack.lastIndexOf(run);
      if (index >= 0) stack.splice(index, 1);
    };
  }

  available(id: CommandId): boolean {
    return (this.handlers.get(id)?.length ?? 0) > 0;
  }

  /** Runs the command if something on screen offers it; false when nothing does. */
  run(id: CommandId): boolean {
    const stack = this.handlers.get(id);
    const handler = stack?.[stack.length - 1];
    if (!handler) return false;
    handler();
    return true;
  }
}

/** Offers commands while the component is mounted (and `enabled`); each runs its latest function. */
export function useCommands(handlers: Partial<Record<CommandId, () => void>>, enabled = true): void {
  const { commands } = useServices();
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  const ids = Object.keys(handlers).join(' ');
  useEffect(() => {
    if (!enabled || !ids) return undefined;
    const unregister = (ids.split(' ') as CommandId[]).map((id) => commands.register(id, () => latest.current[id]?.()));
    return () => unregister.forEach((fn) => fn());
  }, [commands, ids, enabled]);
}
