/**
 * Pengaturan > Portal: the WordPress address, the account and its Application Password, a connection
 * test that explains every step in plain words (with how to fix a failure), saving and forgetting.
 * The password field is never filled in: the backend keeps the password and only says it has one.
 */
import { useId, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/contract';
import type { AppErrorShape } from '../../../../shared/errors';
import { formatLong } from '../../../../shared/newsroom-time';
import { isUnencryptedRemote } from '../../../../shared/portal-address';
import type { ConnectionReport, ConnectionStep, ConnectionStepStatus, PortalConnection } from '../../../../shared/sync';
import { errorShapeOf } from '../../api';
import { useServices } from '../../app/services';
import { useStore } from '../../app/store';
import { useSettings } from '../../app/useSettings';
import { translateError } from '../../i18n/errors';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Icon, type IconName } from '../../ui/Icon';
import { reportVerdict, stepHint, stepText } from './sync-copy';
import { isConfigured, type PortalCredentials } from './sync-store';
import { uiLanguage } from '../../i18n';

const STATUS_ICON: Record<ConnectionStepStatus, IconName> = { ok: 'check', warn: 'alert', fail: 'close', skipped: 'chevronRight' };

type Outcome =
  | { kind: 'report'; report: ConnectionReport }
  | { kind: 'saved' }
  | { kind: 'error'; action: 'test' | 'save'; error: AppErrorShape }
  | { kind: 'forgotten' };

function StepList({ steps }: { steps: readonly ConnectionStep[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="portal-steps">
      {steps.map((step) => {
        const hint = stepHint(step, i18n);
        return (
          <li key={step.id} className={`portal-step is-${step.status}`}>
            <Icon name={STATUS_ICON[step.status]} size={16} />
            <span className="portal-step-status">{t(`portal.status.${step.status}`)}</span>{' '}
            <span className="portal-step-text">
              {stepText(step, i18n)}
              {hint && <span className="portal-step-hint"> {hint}</span>}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** A refusal of "Simpan" or a failed test call, with the same advice a failed step would give. */
function ErrorResult({ error }: { error: AppErrorShape }) {
  const { i18n } = useTranslation();
  const hint = stepHint({ id: 'credentials', status: 'fail', code: error.code, params: { ...error.params } }, i18n);
  return (
    <div className="portal-result is-fail">
      <p className="portal-result-title">
        <Icon name="close" size={16} />
        <span>{translateError(i18n, error)}</span>
      </p>
      {hint && <p className="portal-step-hint">{hint}</p>}
    </div>
  );
}

function Outcome({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  if (outcome.kind === 'saved') return <p className="portal-result is-ok">{t('portal.savedDone')}</p>;
  if (outcome.kind === 'forgotten') return <p className="portal-result">{t('portal.forgotten')}</p>;
  if (outcome.kind === 'error') {
    return (
      <>
        {outcome.action === 'save' && <p className="portal-result-title">{t('portal.saveRefused')}</p>}
        <ErrorResult error={outcome.error} />
      </>
    );
  }
  const verdict = reportVerdict(outcome.report.steps);
  return (
    <div className={`portal-result is-${verdict}`}>
      <p className="portal-result-title">{t(verdict === 'ok' ? 'portal.resultOk' : verdict === 'warn' ? 'portal.resultWarn' : 'portal.resultFail')}</p>
      <StepList steps={outcome.report.steps} />
    </div>
  );
}

interface PortalFieldProps {
  label: string;
  badge?: ReactNode;
  inputRef: RefObject<HTMLInputElement | null>;
  type: 'url' | 'text' | 'password';
  autoComplete: string;
  maxLength: number;
  value: string;
  /** The "Isi … dulu" message's id while this field is the one missing. */
  missingId: string | null;
  onChange: (value: string) => void;
  hints: ReactNode[];
}

function PortalField({ label, badge, inputRef, type, autoComplete, maxLength, value, missingId, onChange, hints }: PortalFieldProps) {
  const id = useId();
  const hintId = useId();
  const hintIds = hints.map((_, i) => `${hintId}-${i}`);
  return (
    <div className="field">
      <div className="portal-field-label">
        <label htmlFor={id} className="field-label">
          {label}
        </label>
        {badge}
      </div>
      <input
        ref={inputRef}
        id={id}
        className="input"
        type={type}
        inputMode={type === 'url' ? 'url' : undefined}
        autoComplete={autoComplete}
        spellCheck={false}
        maxLength={maxLength}
        value={value}
        aria-invalid={missingId !== null}
        aria-describedby={[missingId, ...hintIds].filter(Boolean).join(' ')}
        onChange={(e) => onChange(e.target.value)}
      />
      {hints.map((hint, i) => (
        <p key={hintIds[i]} id={hintIds[i]} className="field-hint">
          {hint}
        </p>
      ))}
    </div>
  );
}

function ConnectedAccount({ portal }: { portal: PortalConnection }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useSettings();
  const lang = uiLanguage(i18n.language);
  if (!isConfigured(portal)) return <p className="setting-hint">{t('portal.notConnected')}</p>;
  return (
    <p className="portal-account">
      <Icon name="check" size={16} />
      <span>
        {portal.account ? t('portal.connectedAs', { name: portal.account.name || portal.account.username, username: portal.account.username }) : portal.address}
        {portal.verifiedAt !== null && <> {t('portal.verifiedAt', { time: formatLong(portal.verifiedAt, timeZone, lang) })}</>}
      </span>
    </p>
  );
}

export function PortalSection() {
  const { t, i18n } = useTranslation();
  // Where the password goes depends on the wire: safeStorage in Electron, a 0600 file in browser mode.
  const { sync, client } = useServices();
  const portal = useStore(sync.portal);
  const saved = portal.value;
  /** What is typed; null: show the saved value. */
  const [address, setAddress] = useState<string | null>(null);
  const [username, setUsername] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState<null | 'test' | 'save' | 'forget'>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [missing, setMissing] = useState<null | 'address' | 'username' | 'appPassword'>(null);
  const [confirmForget, setConfirmForget] = useState(false);
  const headingId = useId();
  const ids = { missing: useId() };
  const addressRef = useRef<HTMLInputElement>(null);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const addressValue = address ?? saved?.address ?? '';
  const usernameValue = username ?? saved?.username ?? '';
  const hasPassword = saved?.hasPassword === true;
  // The saved password is only ever sent to the site and user it was saved for (the backend says so too).
  const reusable = hasPassword && addressValue.trim() === saved?.address && usernameValue.trim() === saved?.username;

  /** The form as the contract wants it, or null (and the first empty field focused). */
  const credentials = (): PortalCredentials | null => {
    const values = { address: addressValue.trim(), username: usernameValue.trim(), appPassword: password.trim() };
    const empty = values.address === '' ? 'address' : values.username === '' ? 'username' : values.appPassword === '' && !reusable ? 'appPassword' : null;
    setMissing(empty);
    if (empty) {
      ({ address: addressRef, username: usernameRef, appPassword: passwordRef })[empty].current?.focus();
      return null;
    }
    // Left out, the saved password is kept.
    return values.appPassword ? values : { address: values.address, username: values.username };
  };

  const test = async (): Promise<void> => {
    const input = credentials();
    if (!input || busy) return;
    setBusy('test');
    setOutcome(null);
    try {
      setOutcome({ kind: 'report', report: await sync.testPortal(input) });
    } catch (err) {
      setOutcome({ kind: 'error', action: 'test', error: errorShapeOf(err) });
    } finally {
      setBusy(null);
    }
  };

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const input = credentials();
    if (!input || busy) return;
    setBusy('save');
    setOutcome(null);
    try {
      await sync.savePortal(input);
      setAddress(null);
      setUsername(null);
      setPassword('');
      setOutcome({ kind: 'saved' });
    } catch (err) {
      setOutcome({ kind: 'error', action: 'save', error: errorShapeOf(err) });
    } finally {
      setBusy(null);
    }
  };

  const forget = async (): Promise<void> => {
    setConfirmForget(false);
    setBusy('forget');
    setOutcome(null);
    try {
      await sync.forgetPortal();
      setAddress(null);
      setUsername(null);
      setPassword('');
      setOutcome({ kind: 'forgotten' });
    } catch (err) {
      setOutcome({ kind: 'error', action: 'save', error: errorShapeOf(err) });
    } finally {
      setBusy(null);
    }
  };

  const missingText = missing ? t('portal.missing', { field: t(`portal.${missing}`) }) : null;

  return (
    <section className="setting portal-settings" aria-labelledby={headingId}>
      <h2 id={headingId} className="settings-subtitle">
        {t('portal.heading')}
      </h2>
      <p className="setting-hint">{t('portal.intro')}</p>
      {portal.error && !saved && <p className="field-error">{`${t('portal.loadFailed')} ${translateError(i18n, portal.error)}`}</p>}
      {saved && <ConnectedAccount portal={saved} />}

      <form className="portal-form" onSubmit={(e) => void save(e)} noValidate>
        <PortalField
          label={t('portal.address')}
          inputRef={addressRef}
          type="url"
          autoComplete="url"
          maxLength={LIMITS.portalAddressLength}
          value={addressValue}
          missingId={missing === 'address' ? ids.missing : null}
          onChange={(v) => {
            setAddress(v);
            setMissing(null);
          }}
          hints={[
            t('portal.addressHint'),
            ...(isUnencryptedRemote(addressValue)
              ? [
                  <span key="unencrypted" className="portal-unencrypted">
                    <Icon name="alert" size={14} />
                    <span>{t('portal.addressUnencrypted')}</span>
                  </span>,
                ]
              : []),
          ]}
        />
        <PortalField
          label={t('portal.username')}
          inputRef={usernameRef}
          type="text"
          autoComplete="username"
          maxLength={LIMITS.portalUserLength}
          value={usernameValue}
          missingId={missing === 'username' ? ids.missing : null}
          onChange={(v) => {
            setUsername(v);
            setMissing(null);
          }}
          hints={[t('portal.usernameHint')]}
        />
        <PortalField
          label={t('portal.appPassword')}
          badge={
            hasPassword && (
              <span className="portal-saved-badge">
                <Icon name="lock" size={14} />
                <span>{t('portal.appPasswordSaved')}</span>
              </span>
            )
          }
          inputRef={passwordRef}
          type="password"
          // Never offered by the browser's password manager: it is not the login password.
          autoComplete="new-password"
          maxLength={LIMITS.appPasswordLength}
          value={password}
          missingId={missing === 'appPassword' ? ids.missing : null}
          onChange={(v) => {
            setPassword(v);
            setMissing(null);
          }}
          hints={[
            `${reusable ? `${t('portal.appPasswordKeep')} ` : hasPassword ? `${t('portal.appPasswordOtherAccount', { address: saved?.address ?? '', username: saved?.username ?? '' })} ` : ''}${t('portal.appPasswordHint')}`,
            <span key="secure" className="portal-secure">
              <Icon name="lock" size={14} />
              <span>{t(client.transport === 'electron' ? 'portal.secureStoreOs' : 'portal.secureStoreFile')}</span>
            </span>,
          ]}
        />
        {missingText && (
          <p id={ids.missing} className="field-error" role="alert">
            {missingText}
          </p>
        )}
        <div className="portal-actions">
          <button type="button" className="btn" aria-disabled={busy !== null} onClick={() => void test()}>
            {t('portal.test')}
          </button>
          <button type="submit" className="btn btn-primary" aria-disabled={busy !== null}>
            {t('portal.save')}
          </button>
          {saved && isConfigured(saved) && (
            <button type="button" className="btn btn-danger-quiet" aria-disabled={busy !== null} onClick={() => busy === null && setConfirmForget(true)}>
              {t('portal.forget')}
            </button>
          )}
        </div>
      </form>

      <div className="portal-results" aria-live="polite" aria-label={t('portal.resultsTitle')} role="region">
        {busy === 'test' && <p className="portal-result">{t('portal.testing')}</p>}
        {busy === 'save' && <p className="portal-result">{t('portal.saving')}</p>}
        {busy === null && outcome && <Outcome outcome={outcome} />}
      </div>

      {confirmForget && (
        <ConfirmDialog
          title={t('portal.forgetTitle')}
          body={t('portal.forgetBody')}
          confirmLabel={t('portal.forget')}
          cancelLabel={t('articles.cancel')}
          danger
          onCancel={() => setConfirmForget(false)}
          onConfirm={() => void forget()}
        />
      )}
    </section>
  );
}
