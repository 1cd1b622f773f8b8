/** The left column: navigation, "Naskah baru", search, the article list and the trash. */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/contract';
import type { ArticleSummary, SearchHit } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/errors';
import { errorShapeOf } from '../../api';
import { useServices } from '../../app/services';
import { useStore } from '../../app/store';
import { useRole } from '../../app/useRole';
import { useSettings } from '../../app/useSettings';
import { formatNumber } from '../../i18n';
import { translateError } from '../../i18n/errors';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Icon } from '../../ui/Icon';
import { SHORTCUTS, shortcutAria, shortcutLabel } from '../../ui/shortcuts';
import { ArticleList, ListMessage, TrashList } from './ArticleList';

export type View = 'articles' | 'queue' | 'settings';

const SEARCH_DELAY_MS = 150;

type SearchAnswer = { query: string; status: 'done'; hits: SearchHit[] } | { query: string; status: 'error'; error: AppErrorShape };
type SearchState = { query: string; status: 'searching' } | SearchAnswer;

/** Ranked results while typing; a late answer to an older query is ignored. */
function useSearch(query: string): SearchState | null {
  const { client, articles } = useServices();
  const [answer, setAnswer] = useState<SearchAnswer | null>(null);
  const seq = useRef(0);
  const active = useStore(articles.active); // re-run when articles change, so titles stay current
  const q = query.trim().slice(0, LIMITS.searchQueryLength);

  useEffect(() => {
    const mySeq = ++seq.current;
    if (!q) return;
    const timer = setTimeout(() => {
      client.invoke('articles-search', { query: q, limit: 50 }).then(
        (hits) => {
          if (mySeq === seq.current) setAnswer({ query: q, status: 'done', hits });
        },
        (err: unknown) => {
          if (mySeq === seq.current) setAnswer({ query: q, status: 'error', error: errorShapeOf(err) });
        },
      );
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [client, q, active]);

  if (!q) return null;
  // Until the answer for this query arrives, say so (an answer for an older query is not shown).
  return answer && answer.query === q ? answer : { query: q, status: 'searching' };
}

interface SidebarProps {
  view: View;
  onView: (view: View) => void;
  searchRef: RefObject<HTMLInputElement | null>;
}

export function Sidebar({ view, onView, searchRef }: SidebarProps) {
  const { t, i18n } = useTranslation();
  const { articles, workspace, client } = useServices();
  const settings = useSettings();
  const role = useRole();
  const active = useStore(articles.active);
  const trash = useStore(articles.trash);
  const slot = useStore(workspace.slot);
  const connection = useStore({ get: client.connection, subscribe: client.onConnection });
  const [query, setQuery] = useState('');
  const [showTrash, setShowTrash] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState<ArticleSummary | null>(null);
  const search = useSearch(query);
  const lang = i18n.language;

  const openId = slot.status === 'ready' ? slot.session.id : slot.status === 'empty' ? null : slot.id;

  const open = useCallback(
    (id: string) => {
      onView('articles');
      void workspace.open(id);
    },
    [onView, workspace],
  );
  const moveToTrash = useCallback((id: string) => void workspace.trash(id), [workspace]);

  useEffect(() => {
    if (showTrash) articles.watchTrash();
  }, [articles, showTrash]);

  let listContent;
  if (showTrash) {
    listContent = (
      <>
        <p className="list-hint">{t('articles.trashHint')}</p>
        {trash.error && <ListMessage>{translateError(i18n, trash.error)}</ListMessage>}
        {trash.items === null && !trash.error && <ListMessage>{t('articles.loading')}</ListMessage>}
        {trash.items?.length === 0 && <ListMessage>{t('articles.trashEmpty')}</ListMessage>}
        {trash.items && trash.items.length > 0 && (
          <TrashList
            items={trash.items}
            timeZone={settings.timeZone}
            onPutBack={(id) => void workspace.putBack(id)}
            onDeleteForever={setConfirmDelete}
          />
        )}
      </>
    );
  } else if (search) {
    listContent = (
      <>
        <p className="list-hint" aria-live="polite">
          {search.status === 'searching' && t('articles.searching')}
          {search.status === 'done' &&
            (search.hits.length === 0
              ? t('articles.noResults', { query: search.query })
              : t('articles.resultCount', { count: search.hits.length, formatted: formatNumber(search.hits.length, lang) }))}
        </p>
        {search.status === 'error' && <ListMessage>{translateError(i18n, search.error)}</ListMessage>}
        {search.status === 'done' && search.hits.length > 0 && (
          <ArticleList items={search.hits} openId={openId} timeZone={settings.timeZone} label={t('articles.searchResults')} onOpen={open} onDelete={moveToTrash} />
        )}
      </>
    );
  } else {
    listContent = (
      <>
        {active.error && <ListMessage>{translateError(i18n, active.error)}</ListMessage>}
        {active.items === null && !active.error && <ListMessage>{t('articles.loading')}</ListMessage>}
        {active.items?.length === 0 && <ListMessage>{t('articles.empty')}</ListMessage>}
        {active.items && active.items.length > 0 && (
          <ArticleList items={active.items} openId={openId} timeZone={settings.timeZone} label={t('articles.listLabel')} onOpen={open} onDelete={moveToTrash} />
        )}
      </>
    );
  }

  return (
    <aside className="sidebar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          R
        </span>
        <span className="brand-text">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </span>
      </div>
      <nav className="nav" aria-label={t('nav.label')}>
        <button type="button" className="nav-item" aria-current={view === 'articles' ? 'page' : undefined} onClick={() => onView('articles')}>
          <Icon name="articles" />
          <span>{t('nav.articles')}</span>
        </button>
        {/* The queue is the editors' desk; writers follow their own articles in the list (status on each one). */}
        {role === 'editor' && (
          <button type="button" className="nav-item" aria-current={view === 'queue' ? 'page' : undefined} onClick={() => onView('queue')}>
            <Icon name="queue" />
            <span>{t('nav.queue')}</span>
          </button>
        )}
        <button type="button" className="nav-item" aria-current={view === 'settings' ? 'page' : undefined} onClick={() => onView('settings')}>
          <Icon name="settings" />
          <span>{t('nav.settings')}</span>
        </button>
      </nav>

      <div className="sidebar-tools">
        <button
          type="button"
          className="btn btn-primary btn-block"
          aria-keyshortcuts={shortcutAria(SHORTCUTS.newArticle)}
          title={`${t('articles.new')} (${shortcutLabel(SHORTCUTS.newArticle)})`}
          onClick={() => {
            onView('articles');
            setShowTrash(false);
            setQuery('');
            void workspace.create();
          }}
        >
          <Icon name="plus" />
          <span>{t('articles.new')}</span>
        </button>
        {!showTrash && (
          <div className="search">
            <Icon name="search" size={16} />
            <input
              ref={searchRef}
              type="search"
              className="search-input"
              aria-label={t('articles.search')}
              placeholder={t('articles.search')}
              aria-keyshortcuts={shortcutAria(SHORTCUTS.search)}
              value={query}
              maxLength={LIMITS.searchQueryLength}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape' && query) {
                  e.preventDefault();
                  setQuery('');
                } else if (e.key === 'ArrowDown') {
                  const first = e.currentTarget.closest('.sidebar')?.querySelector<HTMLButtonElement>('.article-item[tabindex="0"]');
                  if (first) {
                    e.preventDefault();
                    first.focus();
                  }
                }
              }}
            />
          </div>
        )}
        {showTrash && (
          <button type="button" className="btn btn-quiet btn-block back-to-list" onClick={() => setShowTrash(false)}>
            <Icon name="back" />
            <span>{t('articles.backToList')}</span>
          </button>
        )}
      </div>

      <div className="list-scroll">{listContent}</div>

      <footer className="sidebar-footer">
        <button type="button" className="btn btn-quiet" aria-pressed={showTrash} onClick={() => setShowTrash((v) => !v)}>
          <Icon name="trash" />
          <span>{t('articles.trash')}</span>
        </button>
        {connection !== 'online' && (
          <span className="connection-offline" title={t(connection === 'refused' ? 'errors.auth.session' : 'connection.offlineHint')}>
            <Icon name="offline" size={16} />
            <span>{t(connection === 'refused' ? 'connection.refused' : 'connection.offline')}</span>
          </span>
        )}
      </footer>

      {confirmDelete && (
        <ConfirmDialog
          title={t('articles.confirmDeleteTitle')}
          body={t('articles.confirmDeleteBody', { title: confirmDelete.title || t('articles.untitled') })}
          confirmLabel={t('articles.deleteForever')}
          cancelLabel={t('articles.cancel')}
          danger
          onCancel={() => setConfirmDelete(null)}
          onConfirm={() => {
            const id = confirmDelete.id;
            setConfirmDelete(null);
            void workspace.deleteForever(id);
          }}
        />
      )}
    </aside>
  );
}
