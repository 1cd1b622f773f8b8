/**
 * "Antrean Terbit": everything waiting for an editor (sent, approved, scheduled), ordered by publish
 * time, with times in the newsroom zone and overdue items marked by colour, icon and word.
 */
import { memo, useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../../../../shared/domain';
import { formatCompact, type NewsroomTimeZone, type UiLanguage } from '../../../../shared/newsroom-time';
import { useSettings } from '../../app/useSettings';
import { formatNumber, uiLanguage } from '../../i18n';
import { translateError } from '../../i18n/errors';
import { Icon } from '../../ui/Icon';
import { useTerms } from '../terms/use-terms';
import { OverdueFlag, StatusBadge } from '../workflow/StatusBadge';
import { filterQueue, isOverdue, NO_FILTER, QUEUE_STATUSES, queueAuthors, queueTime, reconcileFilter, type QueueFilter } from './queue-filter';
import { useNow } from '../workflow/use-now';
import { useQueue } from './use-queue';
import { VirtualList, type RowProps } from './VirtualList';

/** Row height in rem; the row's CSS lays its two lines out within it. */
const ROW_HEIGHT_REM = 4.75;

function FilterSelect({ label, value, onChange, children }: { label: string; value: string; onChange: (v: string) => void; children: ReactNode }) {
  const id = useId();
  return (
    <div className="queue-filter">
      <label htmlFor={id} className="field-label field-label-small">
        {label}
      </label>
      <select id={id} className="select" value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </div>
  );
}

interface QueueRowProps {
  tabIndex: RowProps['tabIndex'];
  item: QueueItem;
  categoryName: string | null;
  overdue: boolean;
  timeZone: NewsroomTimeZone;
  lang: UiLanguage;
  onOpen: (id: string) => void;
}

/** A comma for screen readers between a row's columns; `visible` shows the eye a middle dot instead. */
function Pause({ visible }: { visible?: boolean }) {
  return (
    <>
      <span className="visually-hidden">, </span>
      {visible && <span aria-hidden="true"> · </span>}
    </>
  );
}

/** Memoised: while scrolling, rows that stay on screen are not rendered again. */
const QueueRow = memo(function QueueRow({ item, categoryName, overdue, timeZone, lang, tabIndex, onOpen }: QueueRowProps) {
  const { t } = useTranslation();
  const time = queueTime(item);
  const title = item.title || t('articles.untitled');
  const author = item.author || t('workflow.unnamed');
  const category = categoryName ?? t('queue.noCategory');
  const timeLabel = t(time.kind === 'publish' ? 'queue.publishesAt' : 'queue.since');
  const when = formatCompact(time.at, timeZone, lang);
  const note = item.lastNote && item.status !== 'scheduled' ? t('queue.lastNote', { note: item.lastNote }) : null;
  // The row is named by what it shows (so voice control can say it), in the order the eye reads it;
  // the hidden commas give screen readers a pause where the eye sees a new column.
  return (
    <button type="button" className={`queue-item${overdue ? ' is-overdue' : ''}`} tabIndex={tabIndex} onClick={() => onOpen(item.id)}>
      <span className="queue-main">
        <span className={`queue-title${item.title ? '' : ' is-untitled'}`}>{title}</span>
        <Pause />
        <span className="queue-meta">
          <span>{author}</span>
          <Pause visible />
          <span className={categoryName ? undefined : 'is-missing'}>{category}</span>
          {note && (
            <>
              <Pause visible />
              <span className="queue-note">{note}</span>
            </>
          )}
        </span>
      </span>
      <Pause />
      <span className="queue-state">
        <StatusBadge status={item.status} />
        {overdue && (
          <>
            <Pause />
            <OverdueFlag />
          </>
        )}
      </span>
      <Pause />
      <span className="queue-time">
        <span className="queue-time-label">{timeLabel}</span>{' '}
        <time dateTime={new Date(time.at).toISOString()}>{when}</time>
      </span>
    </button>
  );
});

export function QueueScreen({ onOpen }: { onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useSettings();
  const queue = useQueue();
  const categories = useTerms('category');
  const now = useNow();
  const [chosen, setChosen] = useState<QueueFilter>(NO_FILTER);
  const lang: UiLanguage = uiLanguage(i18n.language);

  const all = useMemo(() => queue.items ?? [], [queue.items]);
  const authors = useMemo(() => queueAuthors(all), [all]);
  const categoryNames = useMemo(() => new Map((categories.terms ?? []).map((term) => [term.id, term.name])), [categories.terms]);
  // A chosen writer or category that has left the queue stops filtering (once both lists are in).
  const filter = useMemo(
    () => (queue.items && categories.terms ? reconcileFilter(chosen, authors, new Set(categoryNames.keys())) : chosen),
    [queue.items, categories.terms, chosen, authors, categoryNames],
  );
  const items = useMemo(() => filterQueue(all, filter), [all, filter]);
  const overdueCount = useMemo(() => items.reduce((n, item) => n + (isOverdue(item, now) ? 1 : 0), 0), [items, now]);
  const filtered = filter.status !== 'all' || filter.author !== null || filter.category !== null;

  const renderRow = (row: RowProps): ReactNode => {
    const item = items[row.index]!;
    return (
      <QueueRow
        tabIndex={row.tabIndex}
        item={item}
        categoryName={item.categoryId ? (categoryNames.get(item.categoryId) ?? null) : null}
        overdue={isOverdue(item, now)}
        timeZone={timeZone}
        lang={lang}
        onOpen={onOpen}
      />
    );
  };

  return (
    <div className="queue-screen">
      <header className="queue-header">
        <div className="queue-heading">
          <h1 className="queue-title-main">{t('queue.title')}</h1>
          <p className="queue-count" aria-live="polite">
            {queue.items === null
              ? ''
              : filtered
                ? t('queue.countFiltered', { count: items.length, formatted: formatNumber(items.length, lang), total: formatNumber(all.length, lang) })
                : t('queue.count', { count: items.length, formatted: formatNumber(items.length, lang) })}
            {overdueCount > 0 && (
              <span className="overdue-flag overdue-summary">
                <Icon name="alert" size={14} />
                <span>{t('queue.overdueCount', { count: overdueCount, formatted: formatNumber(overdueCount, lang) })}</span>
              </span>
            )}
          </p>
        </div>
        <div className="queue-filters" role="group" aria-label={t('queue.filters')}>
          <FilterSelect label={t('queue.filterStatus')} value={filter.status} onChange={(v) => setChosen({ ...filter, status: v as QueueFilter['status'] })}>
            <option value="all">{t('queue.allStatuses')}</option>
            {QUEUE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`workflow.status.${status}`)}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect
            label={t('queue.filterAuthor')}
            value={filter.author === null ? '*' : `=${filter.author}`}
            onChange={(v) => setChosen({ ...filter, author: v === '*' ? null : v.slice(1) })}
          >
            <option value="*">{t('queue.allAuthors')}</option>
            {authors.map((name) => (
              <option key={name} value={`=${name}`}>
                {name || t('workflow.unnamed')}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect label={t('queue.filterCategory')} value={filter.category ?? '*'} onChange={(v) => setChosen({ ...filter, category: v === '*' ? null : v })}>
            <option value="*">{t('queue.allCategories')}</option>
            <option value="none">{t('queue.noCategory')}</option>
            {(categories.terms ?? []).map((term) => (
              <option key={term.id} value={term.id}>
                {term.name}
              </option>
            ))}
          </FilterSelect>
        </div>
      </header>
      {queue.error && (
        <div className="notice notice-error queue-error">
          <Icon name={queue.error.kind === 'network' ? 'offline' : 'alert'} />
          <p className="notice-text">{translateError(i18n, queue.error)}</p>
          <div className="notice-actions">
            <button type="button" className="btn" onClick={queue.reload}>
              {t('app.retry')}
            </button>
          </div>
        </div>
      )}
      {queue.items === null && !queue.error && <p className="queue-message delayed-fade">{t('queue.loading')}</p>}
      {queue.items !== null && all.length === 0 && (
        <div className="pane-message">
          <Icon name="check" size={28} />
          <h2>{t('queue.empty')}</h2>
          <p>{t('queue.emptyHint')}</p>
        </div>
      )}
      {all.length > 0 && items.length === 0 && (
        <div className="pane-message">
          <h2>{t('queue.noMatch')}</h2>
          <button type="button" className="btn" onClick={() => setChosen(NO_FILTER)}>
            {t('queue.clearFilters')}
          </button>
        </div>
      )}
      {items.length > 0 && (
        <VirtualList
          count={items.length}
          rowHeightRem={ROW_HEIGHT_REM}
          label={t('queue.listLabel')}
          resetKey={`${filter.status}|${filter.author ?? '*'}|${filter.category ?? '*'}`}
          renderRow={renderRow}
          className="queue-list"
        />
      )}
    </div>
  );
}
