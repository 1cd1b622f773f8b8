/**
 * The article's place in the workflow, in the side panel: its status, what is missing before it can
 * be sent, and the steps the current role may take (from the shared rules, never decided here).
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSession } from '../editor/article-session';
import type { HandlerInput } from '../../../../shared/contract';
import type { ReadinessProblem } from '../../../../shared/domain';
import { formatLong, zoneLabel } from '../../../../shared/newsroom-time';
import { availableActions, readinessProblems, type WorkflowAction } from '../../../../shared/workflow';
import { useServices } from '../../app/services';
import { useSettings } from '../../app/useSettings';
import { translateError } from '../../i18n/errors';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useArticlePortal } from '../sync/ArticleSyncSection';
import { Icon } from '../../ui/Icon';
import { useApplySummary, useCanEdit } from './article-meta';
import { useDeliveryToasts } from './delivery-toasts';
import { HistoryDialog } from './HistoryDialog';
import { readinessSentences } from './readiness';
import { RejectDialog } from './RejectDialog';
import { checkPublishInput, initialPublishInput, minPublishInput } from './schedule-input';
import { OverdueFlag, StatusBadge } from './StatusBadge';
import { isOverdue } from '../queue/queue-filter';
import { transition } from './transitions';
import { useNow } from './use-now';
import { uiLanguage } from '../../i18n';

type Request = Omit<HandlerInput<'workflow-transition'>, 'id'>;

/** The order buttons appear in: the step forward first, the way back last. */
const BUTTON_ORDER: readonly WorkflowAction[] = ['submit', 'approve', 'publish-now', 'unschedule', 'reject', 'withdraw'];

function ScheduleForm({ session, busy, onSchedule }: { session: ArticleSession; busy: boolean; onSchedule: (publishAt: number) => void }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useSettings();
  const summary = session.summary.get();
  const [value, setValue] = useState(() => initialPublishInput(summary.publishAt, timeZone, Date.now()));
  const [problem, setProblem] = useState<null | 'empty' | 'invalid' | 'past'>(null);
  const inputId = useId();
  const previewId = useId();
  const errorId = useId();
  const lang = uiLanguage(i18n.language);
  const now = useNow();
  const check = checkPublishInput(value, timeZone, now);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (busy) return;
    const result = checkPublishInput(value, timeZone, Date.now());
    if (!result.ok) {
      setProblem(result.reason);
      return;
    }
    onSchedule(result.instant);
  };

  return (
    <form className="schedule-form" onSubmit={submit} noValidate>
      <label htmlFor={inputId} className="field-label">
        {t('workflow.publishTime', { zone: zoneLabel(timeZone) })}
      </label>
      <input
        id={inputId}
        className="input"
        type="datetime-local"
        step={60}
        min={minPublishInput(timeZone, now)}
        value={value}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${errorId} ${previewId}` : previewId}
        onChange={(e) => {
          setValue(e.target.value);
          setProblem(null);
        }}
      />
      <p id={previewId} className="field-hint" aria-live="polite">
        {check.ok ? formatLong(check.instant, timeZone, lang) : t('workflow.publishTimeHint', { zone: zoneLabel(timeZone) })}
      </p>
      {problem && (
        <p id={errorId} className="field-error" role="alert">
          {t(`workflow.publishTimeProblem.${problem}`)}
        </p>
      )}
      <button type="submit" className="btn btn-primary" aria-disabled={busy}>
        <Icon name="clock" />
        <span>{t('workflow.action.schedule')}</span>
      </button>
    </form>
  );
}

export function WorkflowSection({ session }: { session: ArticleSession }) {
  const { t, i18n } = useTranslation();
  const { client, toasts, workspace } = useServices();
  const settings = useSettings();
  const { summary, role } = useCanEdit(session);
  const applySummary = useApplySummary(session);
  const announce = useDeliveryToasts(session);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<ReadinessProblem[] | null>(null);
  const [dialog, setDialog] = useState<null | 'reject' | 'publish-now' | 'history'>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const problemsRef = useRef<HTMLDivElement>(null);
  /** Where the focus goes once the answer is on screen (the pressed button may be gone by then). */
  const pendingFocus = useRef<null | 'heading' | 'problems'>(null);
  const headingId = useId();
  const problemsId = useId();
  const missedId = useId();
  // The portal kept a scheduled article unpublished past its time (WP-Cron did not run).
  const missed = useArticlePortal(session.id)?.value?.missedSchedule === true;
  const now = useNow();
  const lang = uiLanguage(i18n.language);
  const actions = availableActions(summary.status, role);

  const run = async (request: Request): Promise<void> => {
    setBusy(true);
    const outcome = await transition(client.invoke.bind(client), { id: session.id, flush: () => session.flush(), saveError: () => saveErrorOf(session) }, request);
    setBusy(false);
    if (outcome.kind === 'done') {
      setProblems(null);
      setDialog(null);
      applySummary(outcome.article);
      const at = outcome.article.publishAt;
      announce(t(`workflow.done.${request.action}`, { time: at === null ? '' : formatLong(at, settings.timeZone, lang) }));
      // The pressed button may be gone now (e.g. "Kirim ke redaktur" after sending): keep focus in the section.
      pendingFocus.current = 'heading';
    } else if (outcome.kind === 'notReady') {
      setDialog(null);
      setProblems(outcome.problems);
      pendingFocus.current = 'problems';
    } else if (outcome.kind === 'unsaved') {
      toasts.show({
        tone: 'error',
        text: (tr) => (outcome.error ? `${tr('workflow.unsaved')} ${translateError(i18n, outcome.error)}` : tr('workflow.unsaved')),
        durationMs: 8000,
      });
    } else {
      workspace.showError(outcome.error);
    }
  };

  // While the list is on screen it follows the text: an item goes as soon as it is fixed.
  const showingProblems = problems !== null;
  useEffect(() => {
    if (!showingProblems) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const recheck = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const next = readinessProblems({ title: session.title, body: session.currentBody(), categoryId: session.summary.get().categoryId });
        setProblems((current) => (current === null || JSON.stringify(current) === JSON.stringify(next) ? current : next));
      }, 300);
    };
    const unsubscribe = [session.scheduler.subscribe(recheck), session.summary.subscribe(recheck)];
    return () => {
      clearTimeout(timer);
      unsubscribe.forEach((u) => u());
    };
  }, [session, showingProblems]);

  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    (target === 'problems' ? problemsRef.current : headingRef.current)?.focus();
  });

  const buttons = BUTTON_ORDER.filter((action) => actions.includes(action));
  const primary = (action: WorkflowAction): boolean => action === 'submit' || action === 'approve';
  const onPress = (action: WorkflowAction): void => {
    if (busy) return;
    if (action === 'reject') setDialog('reject');
    else if (action === 'publish-now') setDialog('publish-now');
    else void run({ action });
  };

  return (
    <section className="panel-section workflow-section" aria-labelledby={headingId} aria-busy={busy}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="panel-heading">
        {t('workflow.heading')}
      </h2>
      <div className="workflow-status">
        <StatusBadge status={summary.status} />
        <dl className="workflow-facts">
          {summary.author && (
            <div>
              <dt>{t('workflow.author')}</dt>
              <dd>{summary.author}</dd>
            </div>
          )}
          {summary.publishAt !== null && (summary.status === 'scheduled' || summary.status === 'published') && (
            <div>
              <dt>{t(summary.status === 'scheduled' ? 'workflow.publishesAt' : 'workflow.publishedAt')}</dt>
              <dd>
                <time dateTime={new Date(summary.publishAt).toISOString()}>{formatLong(summary.publishAt, settings.timeZone, lang)}</time>
                {/* As in the queue: past its time and not yet published (the portal's own word comes below). */}
                {!missed && isOverdue({ status: summary.status, publishAt: summary.publishAt, overdue: false }, now) && <OverdueFlag />}
              </dd>
            </div>
          )}
          {summary.statusChangedAt !== null && summary.status !== 'draft' && summary.status !== 'scheduled' && summary.status !== 'published' && (
            <div>
              <dt>{t('workflow.statusSince')}</dt>
              <dd>
                <time dateTime={new Date(summary.statusChangedAt).toISOString()}>{formatLong(summary.statusChangedAt, settings.timeZone, lang)}</time>
              </dd>
            </div>
          )}
        </dl>
      </div>

      {problems && problems.length > 0 && (
        <div ref={problemsRef} id={problemsId} className="readiness" role="alert" tabIndex={-1}>
          <p className="readiness-title">
            <Icon name="alert" size={16} />
            <span>{t('workflow.notReadyTitle')}</span>
          </p>
          <ul>
            {readinessSentences(problems, t).map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
        </div>
      )}

      {missed && (
        <div id={missedId} className="notice notice-warning workflow-missed">
          <Icon name="clock" />
          <div className="notice-text">
            <p className="notice-title">{t('portalState.missedTitle')}</p>
            <p className="notice-hint">
              {t('portalState.missedBody')} {t(actions.includes('publish-now') ? 'portalState.missedEditor' : 'portalState.missedWriter')}
            </p>
          </div>
        </div>
      )}

      {actions.length > 0 && settings.displayName.trim() === '' && <p className="field-hint workflow-name-hint">{t('workflow.nameMissing')}</p>}

      {buttons.length > 0 && (
        <div className="workflow-actions">
          {buttons.map((action) => (
            <button
              key={action}
              type="button"
              className={`btn ${primary(action) ? 'btn-primary' : ''}`}
              // Not `disabled`: that would drop the keyboard focus while the step runs.
              aria-disabled={busy}
              aria-describedby={action === 'submit' && problems?.length ? problemsId : action === 'publish-now' && missed ? missedId : undefined}
              onClick={() => onPress(action)}
            >
              {t(`workflow.action.${action}`)}
            </button>
          ))}
        </div>
      )}

      {actions.includes('schedule') && (
        <ScheduleForm key={`${summary.status}:${summary.publishAt ?? ''}`} session={session} busy={busy} onSchedule={(publishAt) => void run({ action: 'schedule', publishAt })} />
      )}

      <button type="button" className="btn btn-quiet btn-block workflow-history-btn" onClick={() => setDialog('history')}>
        <Icon name="history" />
        <span>{t('history.open')}</span>
      </button>

      {dialog === 'reject' && <RejectDialog title={session.title} busy={busy} onClose={() => setDialog(null)} onReject={(note) => void run({ action: 'reject', note })} />}
      {dialog === 'publish-now' && (
        <ConfirmDialog
          title={t('workflow.publishNow.title')}
          body={t('workflow.publishNow.body', { title: session.title || t('articles.untitled') })}
          confirmLabel={t('workflow.action.publish-now')}
          cancelLabel={t('articles.cancel')}
          onCancel={() => setDialog(null)}
          onConfirm={() => {
            setDialog(null);
            void run({ action: 'publish-now' });
          }}
        />
      )}
      {dialog === 'history' && <HistoryDialog articleId={session.id} onClose={() => setDialog(null)} />}
    </section>
  );
}

function saveErrorOf(session: ArticleSession) {
  const state = session.scheduler.getState();
  return state.phase === 'error' || state.phase === 'conflict' ? state.error : null;
}
