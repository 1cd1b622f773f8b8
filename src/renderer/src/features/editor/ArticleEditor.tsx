/**
 * The editing surface for one article: title, excerpt, Lexical body, toolbar, save status.
 * Nothing here keeps the text in React state: keystrokes go to the session, not to re-renders.
 */
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { HorizontalRulePlugin } from '@lexical/react/LexicalHorizontalRulePlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { LexicalEditor } from 'lexical';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/contract';
import { isSafeLinkUrl } from '../../../../shared/lexical-document';
import { trashRefusal } from '../../../../shared/workflow';
import { formatCompact } from '../../../../shared/newsroom-time';
import { useCommands } from '../../app/commands';
import { useServices } from '../../app/services';
import { Store, useStore, type Readable } from '../../app/store';
import { useSettings } from '../../app/useSettings';
import { formatNumber, uiLanguage } from '../../i18n';
import { Icon } from '../../ui/Icon';
import { ArticlePanel } from '../article-panel/ArticlePanel';
import { RevisionsDialog } from '../revisions/RevisionsDialog';
import { useCanEdit } from '../workflow/article-meta';
import { ReadOnlyPlugin } from '../workflow/ReadOnlyPlugin';
import { WorkflowNotice } from '../workflow/WorkflowNotice';
import { ImagePlugin } from '../photos/ImagePlugin';
import { PhotoImportProvider, PhotoImportStatus, usePhotoImport } from '../photos/PhotoImport';
import { ArticlePhotosContext, type ArticlePhotos } from '../photos/photos-context';
import { PhotosPanel } from '../photos/PhotosPanel';
import type { ArticleSession } from './article-session';
import { NEWS_TRANSFORMERS } from './markdown';
import { EDITOR_NODES } from './nodes';
import { ListTabPlugin, SafeContentPlugin, SessionPlugin, ShortcutsPlugin } from './plugins';
import { PastePlugin } from './paste/PastePlugin';
import { EmbedPlugin } from './embeds/EmbedPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { BlockSelectionPlugin } from './BlockSelectionPlugin';
import { NoticeBar, SaveStatus } from './SaveStatus';
import { editorTheme } from './theme';
import { Toolbar } from './Toolbar';

/** Newlines have no place in a headline: pasted ones become spaces. */
const singleLine = (value: string): string => value.replace(/\s*[\r\n]+\s*/g, ' ');

function TextStatsLine({ session }: { session: ArticleSession }) {
  const { t, i18n } = useTranslation();
  const stats = useStore(session.stats);
  const lang = i18n.language;
  const words = t('editor.words', { count: stats.words, formatted: formatNumber(stats.words, lang) });
  if (stats.minutes === 0) return <span>{words}</span>;
  return (
    <span>
      {words} · {t('editor.readingTime', { count: stats.minutes, formatted: formatNumber(stats.minutes, lang) })}
    </span>
  );
}

function LastChanged({ session }: { session: ArticleSession }) {
  const { t, i18n } = useTranslation();
  const settings = useSettings();
  const updatedAt = useStore(session.updatedAt);
  return <span>{t('editor.lastChanged', { time: formatCompact(updatedAt, settings.timeZone, uiLanguage(i18n.language)) })}</span>;
}

/** Files dropped on the article outside the text (title, margins) are imported too; elsewhere they are ignored. */
function useFileDropGuard(): { onDragOver: (event: DragEvent<HTMLElement>) => void; onDrop: (event: DragEvent<HTMLElement>) => void } {
  const photoImport = usePhotoImport();
  useEffect(() => {
    // A file dropped anywhere else would make the browser leave the app to show it.
    const guard = (event: globalThis.DragEvent): void => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    window.addEventListener('dragover', guard);
    window.addEventListener('drop', guard);
    return () => {
      window.removeEventListener('dragover', guard);
      window.removeEventListener('drop', guard);
    };
  }, []);
  return {
    onDragOver: (event) => {
      if (event.defaultPrevented || !event.dataTransfer.types.includes('Files')) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    onDrop: (event) => {
      if (event.defaultPrevented || !event.dataTransfer.types.includes('Files')) return;
      event.preventDefault();
      const files = Array.from(event.dataTransfer.files);
      if (files.length > 0) photoImport?.addFiles(files);
    },
  };
}

function EditorBodyPlugins() {
  const photoImport = usePhotoImport();
  return photoImport ? <ImagePlugin onFiles={photoImport.addFiles} /> : null;
}

function SheetScroll({ children }: { children: ReactNode }) {
  const dropGuard = useFileDropGuard();
  return (
    <div className="editor-scroll" id="editor" onDragOver={dropGuard.onDragOver} onDrop={dropGuard.onDrop}>
      {children}
    </div>
  );
}

/**
 * Said when a field is full: the browser cuts what is typed or pasted beyond its limit without a
 * word, and a long pasted title would otherwise lose its end unnoticed.
 */
function LimitHint({ length, max, messageKey }: { length: number; max: number; messageKey: 'editor.titleAtLimit' | 'editor.excerptAtLimit' }) {
  const { t, i18n } = useTranslation();
  return (
    <p className="field-limit" aria-live="polite">
      {length >= max ? t(messageKey, { max: formatNumber(max, i18n.language) }) : ''}
    </p>
  );
}

/**
 * Said to screen readers once per change, and only then (nothing on first render). Each message is a
 * new element, so the same words twice in a row are said twice too.
 */
function Announcement({ store }: { store: Readable<{ text: string; count: number }> }) {
  const { text, count } = useStore(store);
  return (
    <p className="visually-hidden" aria-live="polite" aria-atomic="true">
      {text && <span key={count}>{text}</span>}
    </p>
  );
}

export function ArticleEditor({ session }: { session: ArticleSession }) {
  const { t, i18n } = useTranslation();
  // The writing fields follow the UI language: the browser's (and Electron's) spell checker and
  // screen readers take the language from here; Electron also checks Indonesian and English together.
  const textLang = uiLanguage(i18n.language);
  const { workspace, toasts } = useServices();
  const titleRef = useRef<HTMLTextAreaElement>(null);
  const [titleLength, setTitleLength] = useState(session.title.length);
  const [excerptLength, setExcerptLength] = useState(session.excerpt.length);
  const excerptRef = useRef<HTMLTextAreaElement>(null);
  const editorRef = useRef<LexicalEditor | null>(null);
  const [revisionsOpen, setRevisionsOpen] = useState(false);
  const excerptId = useId();
  // Who may change the text in this status (shared workflow rules); otherwise title, excerpt and body are read-only.
  const { editable, role, summary } = useCanEdit(session);
  // Same rule as the backend: what is in the workflow must leave it before it can be deleted.
  const trashRefused = trashRefusal(summary.status, role);
  const trashReason = trashRefused ? t(`errors.trash.${trashRefused}`, { status: summary.status }) : null;
  const trashReasonId = useId();
  const [announcement] = useState(() => new Store<{ text: string; count: number }>({ text: '', count: 0 }));
  const photos = useMemo<ArticlePhotos>(
    () => ({
      featuredMediaId: session.featuredMediaId,
      setFeatured: (mediaId) => session.setFeaturedImage(mediaId),
      announce: (text) => announcement.update(({ count }) => ({ text, count: count + 1 })),
    }),
    [session, announcement],
  );

  const [initialConfig] = useState<InitialConfigType>(() => ({
    namespace: 'redaksi-article',
    nodes: [...EDITOR_NODES],
    theme: editorTheme,
    onError: (error) => {
      // Lexical recovers by resetting the broken update; keep a trace for diagnosis.
      console.error(error);
    },
  }));

  useEffect(
    () =>
      session.onFieldsReplaced((title, excerpt) => {
        if (titleRef.current) titleRef.current.value = title;
        if (excerptRef.current) excerptRef.current.value = excerpt;
        setTitleLength(title.length);
        setExcerptLength(excerpt.length);
      }),
    [session],
  );

  // In the same commit that shows a new article: the next key the person types goes to its title.
  useLayoutEffect(() => {
    if (session.takeTitleFocusRequest()) titleRef.current?.focus();
  }, [session]);

  const onTitleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      editorRef.current?.focus(undefined, { defaultSelection: 'rootStart' });
    }
  };

  useCommands({ 'revision-history': () => setRevisionsOpen(true) });

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <ArticlePhotosContext.Provider value={photos}>
        <PhotoImportProvider articleId={session.id}>
          <div className="editor-shell">
            <div className="editor-topbar">
              <Toolbar>
                <div className="editor-actions">
                  <SaveStatus session={session} />
                  <button
                    type="button"
                    className="btn btn-quiet"
                    data-tooltip={t('revisions.open')}
                    data-tooltip-align="end"
                    onClick={() => setRevisionsOpen(true)}
                  >
                    <Icon name="history" />
                    <span className="btn-label">{t('revisions.open')}</span>
                  </button>
                  <button
                    type="button"
                    className="icon-btn"
                    aria-label={t('articles.moveToTrash')}
                    aria-disabled={trashReason !== null}
                    aria-describedby={trashReason ? trashReasonId : undefined}
                    data-tooltip={trashReason ?? t('articles.moveToTrash')}
                    data-tooltip-align="end"
                    onClick={() => {
                      if (trashReason) toasts.show({ text: () => trashReason, durationMs: 8000 });
                      else void workspace.trash(session.id);
                    }}
                  >
                    <Icon name="trash" />
                  </button>
                  {trashReason && (
                    <span id={trashReasonId} className="visually-hidden">
                      {trashReason}
                    </span>
                  )}
                </div>
              </Toolbar>
            </div>
            <NoticeBar session={session} />
            <WorkflowNotice session={session} />
            <PhotoImportStatus />
            <div className="editor-body">
            <SheetScroll>
              <article className="sheet">
                <textarea
                  ref={titleRef}
                  id="editor-title"
                  className="title-input"
                  aria-label={t('editor.title')}
                  placeholder={t('editor.title')}
                  defaultValue={session.title}
                  maxLength={LIMITS.titleLength}
                  rows={1}
                  spellCheck
                  lang={textLang}
                  onKeyDown={onTitleKeyDown}
                  readOnly={!editable}
                  onChange={(e) => {
                    const value = singleLine(e.target.value);
                    if (value !== e.target.value) e.target.value = value;
                    session.setTitle(value);
                    setTitleLength(value.length);
                  }}
                />
                <LimitHint length={titleLength} max={LIMITS.titleLength} messageKey="editor.titleAtLimit" />
                <div className="excerpt-field">
                  <label htmlFor={excerptId} className="excerpt-label">
                    {t('editor.excerpt')}
                  </label>
                  <textarea
                    ref={excerptRef}
                    id={excerptId}
                    className="excerpt-input"
                    placeholder={t('editor.excerptPlaceholder')}
                    defaultValue={session.excerpt}
                    maxLength={LIMITS.excerptLength}
                    rows={2}
                    spellCheck
                    lang={textLang}
                    onChange={(e) => {
                      session.setExcerpt(e.target.value);
                      setExcerptLength(e.target.value.length);
                    }}
                    readOnly={!editable}
                  />
                  <LimitHint length={excerptLength} max={LIMITS.excerptLength} messageKey="editor.excerptAtLimit" />
                </div>
                <PhotosPanel />
                <div className="body-wrap">
                  <RichTextPlugin
                    contentEditable={
                      <ContentEditable
                        className="body-editable"
                        aria-label={t('editor.body')}
                        aria-placeholder={t('editor.bodyPlaceholder')}
                        placeholder={<div className="body-placeholder">{t('editor.bodyPlaceholder')}</div>}
                        spellCheck
                        lang={textLang}
                      />
                    }
                    ErrorBoundary={LexicalErrorBoundary}
                  />
                </div>
              </article>
            </SheetScroll>
            <ArticlePanel session={session} />
            <Announcement store={announcement} />
            </div>
            <footer className="editor-statusbar">
              <TextStatsLine session={session} />
              <LastChanged session={session} />
            </footer>
          </div>
          <SessionPlugin session={session} />
          <HistoryPlugin />
          <ListPlugin />
          <LinkPlugin validateUrl={isSafeLinkUrl} />
          <HorizontalRulePlugin />
          <EmbedPlugin />
          <TablePlugin hasCellMerge={false} hasCellBackgroundColor={false} hasTabHandler hasNestedTables={false} />
          <MarkdownShortcutPlugin transformers={NEWS_TRANSFORMERS} />
          <ShortcutsPlugin />
          <SafeContentPlugin />
          <PastePlugin />
          <BlockSelectionPlugin />
          <ListTabPlugin />
          <EditorRefPlugin editorRef={editorRef} />
          <EditorBodyPlugins />
          <ReadOnlyPlugin editable={editable} />
          {revisionsOpen && <RevisionsDialog session={session} onClose={() => setRevisionsOpen(false)} />}
        </PhotoImportProvider>
      </ArticlePhotosContext.Provider>
    </LexicalComposer>
  );
}
