/**
 * "Nama Anda": the name written into the article history for this computer's user. Saved a moment
 * after typing stops and when the field is left, so a keystroke never waits for the backend.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SettingsSchema } from '../../../../shared/contract';
import { useServices } from '../../app/services';
import { useSettings } from '../../app/useSettings';

const SAVE_DELAY_MS = 500;
const MAX_LENGTH = SettingsSchema.shape.displayName.maxLength ?? 80;

export function DisplayNameField() {
  const { t } = useTranslation();
  const { settings: store, workspace } = useServices();
  const { displayName } = useSettings();
  /** What is typed while the field has focus; otherwise the field shows the saved name. */
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? displayName;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<string | null>(null);
  const id = useId();
  const hintId = useId();

  const commitRef = useRef((next: string): void => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
    const trimmed = next.trim();
    if (trimmed === store.settings.get()?.displayName) return;
    store.update({ displayName: trimmed }).catch((err: unknown) => workspace.showError(err));
  });
  const commit = (next: string): void => commitRef.current(next);

  // Leaving the screen while the save is still waiting saves at once.
  useEffect(
    () => () => {
      if (pending.current !== null) commitRef.current(pending.current);
    },
    [],
  );

  return (
    <div className="setting">
      <label htmlFor={id} className="setting-label">
        {t('settings.displayName')}
      </label>
      <input
        id={id}
        className="input"
        type="text"
        autoComplete="name"
        maxLength={MAX_LENGTH}
        value={value}
        aria-describedby={hintId}
        onChange={(e) => {
          const next = e.target.value;
          setDraft(next);
          pending.current = next;
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => commit(next), SAVE_DELAY_MS);
        }}
        onBlur={() => {
          commit(value);
          setDraft(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(value);
        }}
      />
      <p id={hintId} className="setting-hint">
        {t('settings.displayNameHint')}
      </p>
    </div>
  );
}
