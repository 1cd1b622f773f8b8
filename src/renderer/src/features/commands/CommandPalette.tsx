/**
 * "Semua perintah" (Ctrl+Shift+P): every command of the application menu, searchable by its words,
 * run with Enter. Commands the current screen does not offer are listed but cannot be chosen, so
 * the list reads the same everywhere (the publish queue is listed for editors only, as in the menu).
 */
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMAND_IDS, commandShortcut, type CommandId } from '../../../../shared/commands';
import { COMMAND_I18N_KEYS } from '../../app/commands';
import { useServices } from '../../app/services';
import { useSettings } from '../../app/useSettings';
import { Dialog } from '../../ui/Dialog';
import { shortcutAria, shortcutLabel } from '../../ui/shortcuts';
import { filterCommands } from './filter';

export function CommandPalette({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { commands } = useServices();
  const { role } = useSettings();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const optionId = (id: CommandId): string => `${listId}-${id}`;

  const entries = useMemo(
    // As in the menu: the queue is only for editors, and the palette does not list itself.
    () => COMMAND_IDS.filter((id) => id !== 'command-palette' && (id !== 'show-queue' || role === 'editor')).map((id) => ({ id, label: t(COMMAND_I18N_KEYS[id]), available: commands.available(id) })),
    [commands, t, role],
  );
  const shown = filterCommands(entries, query);
  const current = shown[Math.min(active, shown.length - 1)];

  const run = (id: CommandId): void => {
    if (!commands.available(id)) return;
    onClose();
    // After the dialog has given focus back (to the editor, say), so the command acts where it was.
    requestAnimationFrame(() => commands.run(id));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (shown.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (Math.min(index, shown.length - 1) + step + shown.length) % shown.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (current) run(current.id);
    }
  };

  return (
    <Dialog title={t('commands.paletteTitle')} onClose={onClose} className="dialog-palette">
      <input
        type="text"
        role="combobox"
        className="input palette-input"
        aria-label={t('commands.paletteSearch')}
        placeholder={t('commands.paletteSearch')}
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={current ? optionId(current.id) : undefined}
        aria-autocomplete="list"
        autoFocus
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {shown.length === 0 ? (
        <p className="palette-empty">{t('commands.paletteEmpty')}</p>
      ) : (
        <ul id={listId} role="listbox" className="palette-list" aria-label={t('commands.paletteList')}>
          {shown.map((entry) => {
            const shortcut = commandShortcut(entry.id);
            return (
              <li
                key={entry.id}
                id={optionId(entry.id)}
                role="option"
                aria-selected={entry.id === current?.id}
                aria-disabled={!entry.available || undefined}
                aria-keyshortcuts={shortcut ? shortcutAria(shortcut) : undefined}
                className={`palette-option${entry.id === current?.id ? ' is-active' : ''}`}
                onMouseDown={(e) => e.preventDefault() /* keep the focus in the search box */}
                onClick={() => run(entry.id)}
              >
                <span className="palette-label">{entry.label}</span>
                {!entry.available && <span className="palette-unavailable">{t('commands.unavailable')}</span>}
                {shortcut && <kbd className="palette-kbd">{shortcutLabel(shortcut)}</kbd>}
              </li>
            );
          })}
        </ul>
      )}
    </Dialog>
  );
}
