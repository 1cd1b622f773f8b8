/**
 * "Riwayat revisi": the article's revisions with WITA times and the reason in words; one selected
 * revision is previewed read-only, and "Pulihkan" brings it back as an undoable editor step.
 */
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Revision, RevisionSummary } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/errors';
import { formatCompact } from '../../../../shared/newsroom-time';
import { errorShapeOf } from '../../api';
import { useServices } from '../../app/services';
import { useSettings } from '../../app/useSettings';
import { formatNumber, uiLanguage } from '../../i18n';
import { translateError } from '../../i18n/errors';
import { Dialog } from '../../ui/Dialog';
import { Icon } from '../../ui/Icon';
import { $replaceBody, type ArticleSession } from '../editor/article-session';
import { EDITOR_NODES } from '../editor/nodes';
import { editorTheme } from '../editor/theme';
import { useCanEdit } from '../workflow/article-meta';

type Loadable<T> = { status: 'loading' } | { status: 'error'; error: AppErrorShape } | { status: 'ready'; value: T };

function RevisionPreview({ revision }: { revision: Revision }) {
  const { t } = useTranslation();
  const [config] = useState<InitialConfigType>(() => ({
    namespace: 'redaksi-revision-preview',
    nodes: [...EDITOR_NODES],
    theme: editorTheme,
    editable: false,
    editorState: () => $replaceBody(revision.body),
    onError: (error) => console.error(error),
  }));
  return (
    <LexicalComposer initialConfig={config}>
      <div className="revision-doc">
        <h3 className="revision-title">{revision.title || t('articles.untitled')}</h3>
        {revision.excerpt && <p className="revision-excerpt">{revision.excerpt}</p>}
        <RichTextPlugin
          contentEditable={<ContentEditable className="body-editable body-readonly" aria-label={t('revisions.preview')} aria-readonly="true" />}
          ErrorBoundary={LexicalErrorBoundary}
        />
      </div>
    </LexicalComposer>
  );
}

export function RevisionsDialog({ session, onClose }: { session: ArticleSession; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { client, workspace } = useServices();
  const settings = useSettings();
  const [editor] = useLexicalComposerContext();
  const [list, setList] = useState<Loadable<RevisionSummary[]>>({ status: 'loading' });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<{ id: string; revision: Loadable<Revision> } | null>(null);
  const [restoring, setRestoring] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  const lang = uiLanguage(i18n.language);
  // A read-only article (e.g. a writer's scheduled one) can be looked at, not restored.
  const { editable, summary } = useCanEdit(session);
  const readOnlyId = useId();

  useEffect(() => {
    let live = true;
    client.invoke('revisions-list', { articleId: session.id }).then(
      (items) => {
        if (!live) return;
        const sorted = [...items].sort((a, b) => b.createdAt - a.createdAt);
        setList({ status: 'ready', value: sorted });
        if (sorted[0]) setSelectedId(sorted[0].id);
      },
      (err: unknown) => live && setList({ status: 'error', error: errorShapeOf(err) }),
    );
    return () => {
      live = false;
    };
  }, [client, session.id]);

  useEffect(() => {
    if (!selectedId) return;
    let live = true;
    client.invoke('revisions-get', { id: selectedId }).then(
      (value) => live && setLoaded({ id: selectedId, revision: { status: 'ready', value } }),
      (err: unknown) => live && setLoaded({ id: selectedId, revision: { status: 'error', error: errorShapeOf(err) } }),
    );
    return () => {
      live = false;
    };
  }, [client, selectedId]);

  const preview: Loadable<Revision> | null = !selectedId ? null : loaded?.id === selectedId ? loaded.revision : { status: 'loading' };

  const restore = async (): Promise<void> => {
    if (!selectedId) return;
    setRestoring(true);
    const done = await workspace.restoreRevision(selectedId);
    setRestoring(false);
    if (done) {
      onClose();
      editor.focus();
    }
  };

  // Arrow keys walk the list; the selection follows focus, like a listbox.
  const onListKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => {
    if (list.status !== 'ready') return;
    const items = list.value;
    const index = items.findIndex((r) => r.id === selectedId);
    let next = index;
    if (event.key === 'ArrowDown') next = Math.min(items.length - 1, index + 1);
    else if (event.key === 'ArrowUp') next = Math.max(0, index - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    else return;
    event.preventDefault();
    const target = items[next];
    if (!target) return;
    setSelectedId(target.id);
    listRef.current?.querySelector<HTMLButtonElement>(`[data-id="${target.id}"]`)?.focus();
  };

  const closeButton = (
    <button type="button" className="icon-btn" aria-label={t('revisions.close')} onClick={onClose}>
      <Icon name="close" />
    </button>
  );

  return (
    <Dialog title={t('revisions.title')} onClose={onClose} className="dialog-revisions" headerEnd={closeButton}>
      <div className="revisions">
        <div className="revisions-list-pane">
          {list.status === 'loading' && <p className="muted pad">{t('revisions.loading')}</p>}
          {list.status === 'error' && <p className="field-error pad">{translateError(i18n, list.error)}</p>}
          {list.status === 'ready' && list.value.length === 0 && <p className="muted pad">{t('revisions.empty')}</p>}
          {list.status === 'ready' && list.value.length > 0 && (
            <ul ref={listRef} className="revisions-list" aria-label={t('revisions.listLabel')} onKeyDown={onListKeyDown}>
              {list.value.map((revision) => {
                const selected = revision.id === selectedId;
                return (
                  <li key={revision.id}>
                    <button
                      type="button"
                      data-id={revision.id}
                      className="revision-item"
                      aria-current={selected ? 'true' : undefined}
                      tabIndex={selected || (!selectedId && revision === list.value[0]) ? 0 : -1}
                      onClick={() => setSelectedId(revision.id)}
                    >
                      <span className="revision-time">{formatCompact(revision.createdAt, settings.timeZone, lang)}</span>
                      <span className="revision-reason">{t(`revisions.reason.${revision.reason}`, { defaultValue: revision.reason })}</span>
                      <span className="revision-meta">
                        {t('articles.words', { count: revision.wordCount, formatted: formatNumber(revision.wordCount, lang) })} · {revision.title || t('articles.untitled')}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
        <section className="revisions-preview-pane" aria-label={t('revisions.preview')}>
          {!selectedId && list.status === 'ready' && list.value.length > 0 && <p className="muted pad">{t('revisions.selectHint')}</p>}
          {preview?.status === 'loading' && <p className="muted pad">{t('revisions.loading')}</p>}
          {preview?.status === 'error' && <p className="field-error pad">{translateError(i18n, preview.error)}</p>}
          {preview?.status === 'ready' && (
            <>
              {/* Focusable, so a long revision can be scrolled from the keyboard (the preview itself is not editable). */}
              <div className="revision-scroll" tabIndex={0}>
                <RevisionPreview key={preview.value.id} revision={preview.value} />
              </div>
              <div className="dialog-actions revision-actions">
                {!editable && (
                  <p id={readOnlyId} className="field-hint">
                    {t('errors.workflow.restoreNotEditable', { status: summary.status })}
                  </p>
                )}
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={restoring || !editable}
                  aria-describedby={editable ? undefined : readOnlyId}
                  onClick={() => void restore()}
                >
                  <Icon name="putBack" />
                  <span>{restoring ? t('revisions.restoring') : t('revisions.restore')}</span>
                </button>
              </div>
            </>
          )}
        </section>
      </div>
    </Dialog>
  );
}
