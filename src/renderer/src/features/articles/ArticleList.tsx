/**
 * Lists of articles in the sidebar. One tab stop per list; arrow keys move, Enter opens, Delete
 * moves the focused article to the trash (with "Urungkan" in the notice).
 */
import { memo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSummary, SearchHit } from '../../../../shared/domain';
import { formatCompact, type NewsroomTimeZone } from '../../../../shared/newsroom-time';
import { formatNumber, uiLanguage } from '../../i18n';
import { StatusBadge } from '../workflow/StatusBadge';
import { parseSnippet } from './snippet';

export function Highlighted({ snippet }: { snippet: string }) {
  return (
    <>
      {parseSnippet(snippet).map((segment, i) =>
        segment.match ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>,
      )}
    </>
  );
}

/** Arrow-key movement between the list's buttons. */
function useListKeys(onDelete?: (id: string) => void) {
  const ref = useRef<HTMLUListElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button.article-item') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    let next = index;
    if (event.key === 'ArrowDown') next = Math.min(buttons.length - 1, index + 1);
    else if (event.key === 'ArrowUp') next = Math.max(0, index - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = buttons.length - 1;
    else if (event.key === 'Delete' && onDelete) {
      event.preventDefault();
      const id = buttons[index]!.dataset.id;
      if (id) onDelete(id);
      return;
    } else return;
    event.preventDefault();
    for (const b of buttons) b.tabIndex = -1;
    buttons[next]!.tabIndex = 0;
    buttons[next]!.focus();
  };
  return { ref, onKeyDown };
}

interface ArticleListProps {
  items: readonly (ArticleSummary | SearchHit)[];
  openId: string | null;
  timeZone: NewsroomTimeZone;
  label: string;
  onOpen: (id: string) => void;
  onDelete?: (id: string) => void;
}

interface ArticleRowProps {
  article: ArticleSummary | SearchHit;
  isOpen: boolean;
  focusable: boolean;
  timeZone: NewsroomTimeZone;
  onOpen: (id: string) => void;
}

/** One row; memoised so a save re-renders only the row of the article that changed. */
const ArticleRow = memo(function ArticleRow({ article, isOpen, focusable, timeZone, onOpen }: ArticleRowProps) {
  const { t, i18n } = useTranslation();
  const lang = uiLanguage(i18n.language);
  return (
    <li>
      <button
        type="button"
        className="article-item"
        data-id={article.id}
        aria-current={isOpen ? 'true' : undefined}
        tabIndex={focusable ? 0 : -1}
        onClick={() => onOpen(article.id)}
      >
        <span className={`article-title${article.title ? '' : ' is-untitled'}`}>{article.title || t('articles.untitled')}</span>
        {'snippet' in article && article.snippet && (
          <span className="article-snippet">
            <Highlighted snippet={article.snippet} />
          </span>
        )}
        <span className="article-meta">
          {article.status !== 'draft' && (
            <>
              <StatusBadge status={article.status} className="status-badge-small" />{' '}
            </>
          )}
          {article.status === 'scheduled' && article.publishAt !== null ? (
            // When it goes out matters more than when it last changed.
            <time dateTime={new Date(article.publishAt).toISOString()}>{t('articles.goesOutAt', { time: formatCompact(article.publishAt, timeZone, lang) })}</time>
          ) : (
            <time dateTime={new Date(article.updatedAt).toISOString()}>{formatCompact(article.updatedAt, timeZone, lang)}</time>
          )}
          <span aria-hidden="true"> · </span>
          <span>{t('articles.words', { count: article.wordCount, formatted: formatNumber(article.wordCount, lang) })}</span>
        </span>
      </button>
    </li>
  );
});

export const ArticleList = memo(function ArticleList({ items, openId, timeZone, label, onOpen, onDelete }: ArticleListProps) {
  const { ref, onKeyDown } = useListKeys(onDelete);
  const focusable = items.some((a) => a.id === openId) ? openId : items[0]?.id;
  return (
    <ul ref={ref} className="article-list" aria-label={label} onKeyDown={onKeyDown}>
      {items.map((article) => (
        <ArticleRow key={article.id} article={article} isOpen={article.id === openId} focusable={article.id === focusable} timeZone={timeZone} onOpen={onOpen} />
      ))}
    </ul>
  );
});

interface TrashListProps {
  items: readonly ArticleSummary[];
  timeZone: NewsroomTimeZone;
  onPutBack: (id: string) => void;
  onDeleteForever: (article: ArticleSummary) => void;
}

export function TrashList({ items, timeZone, onPutBack, onDeleteForever }: TrashListProps) {
  const { t, i18n } = useTranslation();
  const lang = uiLanguage(i18n.language);
  return (
    <ul className="article-list trash-list" aria-label={t('articles.trashLabel')}>
      {items.map((article) => {
        const title = article.title || t('articles.untitled');
        return (
          <li key={article.id} className="trash-item">
            <span className={`article-title${article.title ? '' : ' is-untitled'}`}>{title}</span>
            <span className="article-meta">
              {t('articles.trashedAt', { time: formatCompact(article.trashedAt ?? article.updatedAt, timeZone, lang) })}
            </span>
            <span className="trash-actions">
              <button type="button" className="btn btn-small" aria-label={t('articles.putBackOf', { title })} onClick={() => onPutBack(article.id)}>
                {t('articles.putBack')}
              </button>
              <button
                type="button"
                className="btn btn-small btn-danger-quiet"
                aria-label={t('articles.deleteForeverOf', { title })}
                onClick={() => onDeleteForever(article)}
              >
                {t('articles.deleteForever')}
              </button>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

export function ListMessage({ children }: { children: ReactNode }) {
  return <p className="list-message">{children}</p>;
}
