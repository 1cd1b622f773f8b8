/**
 * First run: language, role and the newsroom's time zone, then straight into a new article. The
 * language applies as soon as it is picked (the rest of the welcome is then read in it); the other
 * choices are stored together with `onboarded` when the person starts writing.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalRole, Settings } from '../../../../shared/domain';
import type { NewsroomTimeZone } from '../../../../shared/newsroom-time';
import { useServices } from '../../app/services';
import { useSettings } from '../../app/useSettings';
import { ZONE_OPTIONS } from '../settings/zone-options';

function Choice({ name, value, checked, onChange, label, hint, lang, autoFocus }: {
  name: string;
  value: string;
  checked: boolean;
  onChange: (value: string) => void;
  label: ReactNode;
  hint?: string;
  lang?: string;
  autoFocus?: boolean;
}) {
  const hintId = useId();
  const labelId = useId();
  return (
    <label className={`welcome-choice${checked ? ' is-checked' : ''}`} lang={lang}>
      <input
        type="radio"
        name={name}
        value={value}
        checked={checked}
        autoFocus={autoFocus}
        // The hint sits inside the same clickable label; naming by the label alone keeps the name short.
        aria-labelledby={labelId}
        aria-describedby={hint ? hintId : undefined}
        onChange={(e) => e.target.checked && onChange(value)}
      />
      <span className="welcome-choice-text">
        <span id={labelId} className="welcome-choice-label">
          {label}
        </span>
        {hint && (
          <span id={hintId} className="welcome-choice-hint">
            {hint}
          </span>
        )}
      </span>
    </label>
  );
}

export function Welcome({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { settings: store, workspace } = useServices();
  const settings = useSettings();
  const [role, setRole] = useState<LocalRole>(settings.role);
  const [timeZone, setTimeZone] = useState<NewsroomTimeZone>(settings.timeZone);
  const [busy, setBusy] = useState(false);
  const zoneId = useId();
  const zoneHintId = useId();

  const change = (patch: Partial<Settings>): Promise<void> => store.update(patch).catch((err: unknown) => workspace.showError(err));

  const start = (event: FormEvent): void => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    // The new article is on screen (caret in its title) in this same click, while the choices are
    // saved: keys typed right after "Mulai menulis" belong to it. If saving them fails, the welcome
    // comes back at the next start and the notice says why.
    const saving = store.update({ role, timeZone, onboarded: true });
    onDone();
    void workspace.create();
    saving.catch((err: unknown) => workspace.showError(err));
  };

  return (
    <main className="welcome">
      <form className="welcome-card" aria-labelledby="welcome-title" onSubmit={start}>
        <span className="brand-mark brand-mark-large" aria-hidden="true">
          R
        </span>
        <h1 id="welcome-title" className="welcome-title">
          {t('welcome.title')}
        </h1>
        <p className="welcome-intro">{t('welcome.intro')}</p>

        <fieldset className="welcome-group">
          <legend className="setting-label">{t('settings.language')}</legend>
          <div className="welcome-choices">
            <Choice name="language" value="id" lang="id" autoFocus={settings.language === 'id'} checked={settings.language === 'id'} onChange={() => void change({ language: 'id' })} label={t('settings.languageId')} />
            <Choice name="language" value="en" lang="en" autoFocus={settings.language === 'en'} checked={settings.language === 'en'} onChange={() => void change({ language: 'en' })} label={t('settings.languageEn')} />
          </div>
        </fieldset>

        <fieldset className="welcome-group">
          <legend className="setting-label">{t('settings.role')}</legend>
          <div className="welcome-choices">
            <Choice name="role" value="writer" checked={role === 'writer'} onChange={() => setRole('writer')} label={t('settings.roleWriter')} hint={t('welcome.writerHint')} />
            <Choice name="role" value="editor" checked={role === 'editor'} onChange={() => setRole('editor')} label={t('settings.roleEditor')} hint={t('welcome.editorHint')} />
          </div>
          <p className="setting-hint">{t('welcome.portalLater')}</p>
        </fieldset>

        <div className="welcome-group">
          <label htmlFor={zoneId} className="setting-label">
            {t('settings.timeZone')}
          </label>
          <select id={zoneId} className="select" value={timeZone} aria-describedby={zoneHintId} onChange={(e) => setTimeZone(e.target.value as NewsroomTimeZone)}>
            {ZONE_OPTIONS.map(({ zone, key }) => (
              <option key={zone} value={zone}>
                {t(key)}
              </option>
            ))}
          </select>
          <p id={zoneHintId} className="setting-hint">
            {t('settings.timeZoneHint')}
          </p>
        </div>

        <p className="welcome-later">{t('welcome.changeLater')}</p>
        <button type="submit" className="btn btn-primary welcome-start" aria-disabled={busy || undefined}>
          {t('welcome.start')}
        </button>
      </form>
    </main>
  );
}
