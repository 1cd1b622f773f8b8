/** Pengaturan: language, theme, local role, newsroom time zone, photo preparation, portal and backups. Each change applies at once. */
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/domain';
import { formatLong, type NewsroomTimeZone } from '../../../../shared/newsroom-time';
import { useServices } from '../../app/services';
import { useStore } from '../../app/store';
import { useSettings } from '../../app/useSettings';
import { PortalSection } from '../sync/PortalSection';
import { isConfigured } from '../sync/sync-store';
import { BackupSection } from './BackupSection';
import { DisplayNameField } from './DisplayNameField';
import { ZONE_OPTIONS } from './zone-options';
import { uiLanguage } from '../../i18n';

function SelectField({
  label,
  hint,
  value,
  onChange,
  disabled,
  children,
}: {
  label: string;
  hint: string;
  value: string;
  onChange: (v: string) => void;
  disabled?: boolean;
  children: ReactNode;
}) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="setting">
      <label htmlFor={id} className="setting-label">
        {label}
      </label>
      <select id={id} className="select" value={value} disabled={disabled} aria-describedby={hintId} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
      <p id={hintId} className="setting-hint">
        {hint}
      </p>
    </div>
  );
}

const PHOTO_LONG_EDGES: readonly Settings['photoLongEdge'][] = [1200, 1600, 2048];

export function SettingsScreen() {
  const { t, i18n } = useTranslation();
  const { settings: store, workspace, client, sync } = useServices();
  const settings = useSettings();
  const portal = useStore(sync.portal).value;
  // A connected portal account decides the role; the local choice is shown, not offered.
  const account = portal && isConfigured(portal) ? portal.account : null;
  const [version, setVersion] = useState<string | null>(null);
  const [openedAt] = useState(() => Date.now()); // the example time in the time-zone hint
  const lang = uiLanguage(i18n.language);

  useEffect(() => {
    let live = true;
    client.invoke('app-info', {}).then(
      (info) => live && setVersion(info.version),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client]);

  const change = (patch: Partial<Settings>): void => {
    store.update(patch).catch((err: unknown) => workspace.showError(err));
  };

  return (
    <div className="settings-scroll">
      <section className="settings" aria-labelledby="settings-title">
        <h1 id="settings-title" className="settings-title">
          {t('settings.title')}
        </h1>
        <p className="settings-intro">{t('settings.intro')}</p>

        <SelectField label={t('settings.language')} hint={t('settings.languageHint')} value={settings.language} onChange={(v) => change({ language: v as Settings['language'] })}>
          <option value="id" lang="id">
            {t('settings.languageId')}
          </option>
          <option value="en" lang="en">
            {t('settings.languageEn')}
          </option>
        </SelectField>

        <SelectField label={t('settings.theme')} hint={t('settings.themeHint')} value={settings.theme} onChange={(v) => change({ theme: v as Settings['theme'] })}>
          <option value="light">{t('settings.themeLight')}</option>
          <option value="dark">{t('settings.themeDark')}</option>
          <option value="system">{t('settings.themeSystem')}</option>
        </SelectField>

        <SelectField
          label={t('settings.role')}
          hint={
            account
              ? t('settings.roleFromAccount', { username: account.username, role: t(account.newsroomRole === 'editor' ? 'settings.roleEditor' : 'settings.roleWriter') })
              : t('settings.roleHint')
          }
          value={account ? account.newsroomRole : settings.role}
          disabled={account !== null}
          onChange={(v) => change({ role: v as Settings['role'] })}
        >
          <option value="writer">{t('settings.roleWriter')}</option>
          <option value="editor">{t('settings.roleEditor')}</option>
        </SelectField>

        <DisplayNameField />

        <SelectField
          label={t('settings.bylineOnPortal')}
          hint={t('settings.bylineOnPortalHint', { name: settings.displayName || t('settings.bylineExampleName') })}
          value={settings.bylineOnPortal ? 'shown' : 'hidden'}
          onChange={(v) => change({ bylineOnPortal: v === 'shown' })}
        >
          <option value="hidden">{t('settings.bylineHidden')}</option>
          <option value="shown">{t('settings.bylineShown')}</option>
        </SelectField>

        <SelectField
          label={t('settings.timeZone')}
          hint={`${t('settings.timeZoneHint')} ${t('settings.example', { time: formatLong(openedAt, settings.timeZone, lang) })}`}
          value={settings.timeZone}
          onChange={(v) => change({ timeZone: v as NewsroomTimeZone })}
        >
          {ZONE_OPTIONS.map(({ zone, key }) => (
            <option key={zone} value={zone}>
              {t(key)}
            </option>
          ))}
        </SelectField>

        <SelectField
          label={t('settings.photoLongEdge')}
          hint={t('settings.photoLongEdgeHint')}
          value={String(settings.photoLongEdge)}
          onChange={(v) => change({ photoLongEdge: Number(v) as Settings['photoLongEdge'] })}
        >
          {PHOTO_LONG_EDGES.map((edge) => (
            <option key={edge} value={edge}>
              {t(`settings.photoLongEdge${edge}`)}
            </option>
          ))}
        </SelectField>

        <SelectField label={t('settings.photoFormat')} hint={t('settings.photoFormatHint')} value={settings.photoFormat} onChange={(v) => change({ photoFormat: v as Settings['photoFormat'] })}>
          <option value="jpeg">{t('settings.photoFormatJpeg')}</option>
          <option value="webp">{t('settings.photoFormatWebp')}</option>
        </SelectField>

        <PortalSection />

        <BackupSection />

        {version && <p className="settings-version">{t('app.version', { version })}</p>}
      </section>
    </div>
  );
}
