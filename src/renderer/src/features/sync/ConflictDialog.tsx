/**
 * The conflict view: the version on this computer and the portal's side by side (title, excerpt,
 * category, tags, body by paragraph with the differences marked in words, not colour alone), and
 * three ways out: keep one side, or merge. A merge starts from this computer's version in a small
 * editor; the portal's paragraphs can be copied into it at the caret.
 */
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { $getRoot, $getSelection, $isRangeSelection, $parseSerializedNode, type LexicalEditor, type SerializedLexicalNode } from 'lexical';
import { useEffect, useId, useMemo, useRef, useState, type MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/contract';
import type { AppErrorShape } from '../../../../shared/errors';
import { isSafeLinkUrl, type LexicalDocument } from '../../../../shared/lexical-document';
import { formatCompact } from '../../../../shared/newsroom-time';
import type { ConflictSide, SyncConflict } from '../../../../shared/sync';
import { errorShapeOf } from '../../api';
import { useServices } from '../../app/services';
import { useSettings } from '../../app/useSettings';
import { translateError } from '../../i18n/errors';
import { Dialog, DialogCloseButton } from '../../ui/Dialog';
import { Icon } from '../../ui/Icon';
import { $replaceBody, type ArticleSession } from '../editor/article-session';
import { EDITOR_NODES } from '../editor/nodes';
import { SafeContentPlugin } from '../editor/plugins';
import { editorTheme } from '../editor/theme';
import { compareBodies, differingFields, type BodyBlock, type ConflictField } from './conflict-diff';
import { uiLanguage } from '../../i18n';

type Choice = 'local' | 'remote' | 'merged';
interface Merged {
  title: string;
  excerpt: string;
  body: LexicalDocument;
}

function Different() {
  const { t } = useTranslation();
  // The leading space keeps the word apart from the text it follows, for screen readers too.
  return (
    <>
      {' '}
      <span className="conflict-mark">{t('conflictView.differs')}</span>
    </>
  );
}

function BlockText({ block }: { block: BodyBlock }) {
  const { t } = useTranslation();
  if (block.kind === 'image') return <>{block.text ? t('conflictView.photo', { caption: block.text }) : t('conflictView.photoNoCaption')}</>;
  if (block.kind === 'rule') return <>―</>;
  return <>{block.text}</>;
}

function Side({ side, blocks, differing, headingKey, busy, onUse }: { side: ConflictSide; blocks: BodyBlock[]; differing: Set<ConflictField>; headingKey: string; busy: boolean; onUse: () => void }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useSettings();
  const headingId = useId();
  const lang = uiLanguage(i18n.language);
  const field = (name: ConflictField, label: string, value: string) => (
    <div className={`conflict-field${differing.has(name) ? ' is-different' : ''}`}>
      <dt>{label}</dt>
      <dd>
        {value}
        {differing.has(name) && <Different />}
      </dd>
    </div>
  );
  return (
    <section className="conflict-side" aria-labelledby={headingId}>
      <h3 id={headingId} className="conflict-side-heading">
        {t(headingKey)}
      </h3>
      {side.changedAt !== null && <p className="field-hint">{t('conflictView.changedAt', { time: formatCompact(side.changedAt, timeZone, lang) })}</p>}
      <dl className="conflict-fields">
        {field('title', t('editor.title'), side.title || t('conflictView.empty'))}
        {field('excerpt', t('editor.excerpt'), side.excerpt || t('conflictView.empty'))}
        {field('category', t('terms.category'), side.category ?? t('conflictView.noCategory'))}
        {field('tags', t('terms.tags'), side.tags.length ? side.tags.join(', ') : t('conflictView.noTags'))}
        <div>
          <dt>{t('editor.body')}</dt>
          <dd className="conflict-body" lang="id">
            {blocks.length === 0 && <p>{t('conflictView.empty')}</p>}
            {blocks.map((block) => (
              <p key={block.index} className={`conflict-block${block.different ? ' is-different' : ''}`} title={block.different ? t('conflictView.onlyHere') : undefined}>
                <BlockText block={block} />
                {block.different && <Different />}
              </p>
            ))}
          </dd>
        </div>
      </dl>
      <button type="button" className="btn btn-primary" aria-describedby={headingId} aria-disabled={busy} onClick={onUse}>
        {t('conflictView.useThis')}
      </button>
    </section>
  );
}

/** The merged body: this computer's version to start from, editable like the article itself. */
function MergedBody({ body, editorRef, label }: { body: LexicalDocument; editorRef: MutableRefObject<LexicalEditor | null>; label: string }) {
  const [config] = useState<InitialConfigType>(() => ({
    namespace: 'redaksi-merge',
    nodes: [...EDITOR_NODES],
    theme: editorTheme,
    editorState: () => $replaceBody(body),
    onError: (error) => console.error(error),
  }));
  return (
    <LexicalComposer initialConfig={config}>
      <div className="conflict-merge-body">
        <RichTextPlugin contentEditable={<ContentEditable className="body-editable" aria-label={label} spellCheck lang="id" />} ErrorBoundary={LexicalErrorBoundary} />
      </div>
      <HistoryPlugin />
      <ListPlugin />
      <LinkPlugin validateUrl={isSafeLinkUrl} />
      <SafeContentPlugin />
      <EditorRefPlugin editorRef={editorRef} />
    </LexicalComposer>
  );
}

/** Puts a copy of the portal's block after the block with the caret (at the end when there is none). */
function copyBlock(editor: LexicalEditor, block: BodyBlock): void {
  editor.update(() => {
    const node = $parseSerializedNode(structuredClone(block.node) as unknown as SerializedLexicalNode);
    const selection = $getSelection();
    const anchor = $isRangeSelection(selection) ? selection.anchor.getNode().getTopLevelElement() : null;
    if (anchor) anchor.insertAfter(node);
    else $getRoot().append(node);
  });
}

function MergeForm({ conflict, busy, onBack, onSave }: { conflict: SyncConflict; busy: boolean; onBack: () => void; onSave: (merged: Merged) => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(conflict.local.title);
  const [excerpt, setExcerpt] = useState(conflict.local.excerpt);
  const [copied, setCopied] = useState<number | null>(null);
  const editorRef = useRef<LexicalEditor | null>(null);
  const remoteBlocks = useMemo(() => compareBodies(conflict.local.body, conflict.remote.body).remote, [conflict]);
  const ids = { title: useId(), excerpt: useId(), remote: useId() };

  const save = (): void => {
    const editor = editorRef.current;
    if (busy || !editor) return;
    onSave({ title: title.trim(), excerpt: excerpt.trim(), body: editor.getEditorState().toJSON() as unknown as LexicalDocument });
  };

  return (
    <div className="conflict-merge-pane">
      <h3 className="conflict-side-heading">{t('conflictView.mergeTitle')}</h3>
      <p className="dialog-text">{t('conflictView.mergeIntro')}</p>
      <div className="conflict-merge">
        <div className="conflict-merge-fields">
          <div className="field">
            <label htmlFor={ids.title} className="field-label">
              {t('conflictView.mergedTitle')}
            </label>
            {/* Entering the merge moves the focus here: the button that was pressed is gone. */}
            <input id={ids.title} className="input" autoFocus value={title} maxLength={LIMITS.titleLength} lang="id" onChange={(e) => setTitle(e.target.value.replace(/\s*[\r\n]+\s*/g, ' '))} />
            {conflict.remote.title !== conflict.local.title && <p className="field-hint">{t('conflictView.remoteValue', { value: conflict.remote.title || t('conflictView.empty') })}</p>}
          </div>
          <div className="field">
            <label htmlFor={ids.excerpt} className="field-label">
              {t('conflictView.mergedExcerpt')}
            </label>
            <textarea id={ids.excerpt} className="input textarea" rows={3} value={excerpt} maxLength={LIMITS.excerptLength} lang="id" onChange={(e) => setExcerpt(e.target.value)} />
            {conflict.remote.excerpt !== conflict.local.excerpt && <p className="field-hint">{t('conflictView.remoteValue', { value: conflict.remote.excerpt || t('conflictView.empty') })}</p>}
          </div>
          <div className="field">
            <span className="field-label">{t('conflictView.mergedBody')}</span>
            <MergedBody body={conflict.local.body} editorRef={editorRef} label={t('conflictView.mergedBody')} />
          </div>
        </div>
        <section aria-labelledby={ids.remote}>
          <h4 id={ids.remote} className="field-label">
            {t('conflictView.remoteParagraphs')}
          </h4>
          <ol className="conflict-remote-list">
            {remoteBlocks.map((block, i) => (
              <li key={block.index} className={`conflict-remote-item${block.different ? ' is-different' : ''}`}>
                <p lang="id">
                  <BlockText block={block} />
                  {block.different && <Different />}
                </p>
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={t('conflictView.copyParagraphOf', { n: i + 1 })}
                  onClick={() => {
                    if (!editorRef.current) return;
                    copyBlock(editorRef.current, block);
                    setCopied(i + 1);
                  }}
                >
                  {t('conflictView.copyParagraph')}
                </button>
              </li>
            ))}
          </ol>
        </section>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {copied !== null ? t('conflictView.copied', { n: copied }) : ''}
      </p>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onBack}>
          {t('conflictView.back')}
        </button>
        <button type="button" className="btn btn-primary" aria-disabled={busy} onClick={save}>
          {t('conflictView.saveMerged')}
        </button>
      </div>
    </div>
  );
}

export function ConflictDialog({ session, onClose }: { session: ArticleSession; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { client, sync, articles, toasts } = useServices();
  const [conflict, setConflict] = useState<SyncConflict | null>(null);
  const [loadError, setLoadError] = useState<AppErrorShape | null>(null);
  /** Why the last choice did not go through: the text on screen could not be saved, or the backend refused. */
  const [failure, setFailure] = useState<null | { kind: 'unsaved' } | { kind: 'refused'; error: AppErrorShape }>(null);
  /** 'back': the comparison is shown again after a merge was left, with the focus on "Gabungkan". */
  const [merging, setMerging] = useState<boolean | 'back'>(false);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    // The local side should be what is on screen: save first (a failed save still shows the stored one).
    void session
      .flush()
      .then(() => client.invoke('sync-conflict-get', { articleId: session.id }))
      .then(
        (value) => live && setConflict(value),
        (err: unknown) => live && setLoadError(errorShapeOf(err)),
      );
    return () => {
      live = false;
    };
  }, [client, session, attempt]);

  const compared = useMemo(() => (conflict ? compareBodies(conflict.local.body, conflict.remote.body) : null), [conflict]);
  const differing = useMemo(() => (conflict ? differingFields(conflict.local, conflict.remote) : new Set<ConflictField>()), [conflict]);

  const resolve = async (choice: Choice, merged?: Merged): Promise<void> => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      if (!(await session.flush())) {
        setFailure({ kind: 'unsaved' });
        return;
      }
      const article = await client.invoke('sync-conflict-resolve', merged ? { articleId: session.id, choice, merged } : { articleId: session.id, choice });
      session.replaceWith(article, { undoable: true });
      const { id, title, excerpt, updatedAt, wordCount } = article;
      articles.patch({ id, title, excerpt, updatedAt, wordCount });
      toasts.show({ text: (tr) => tr(`conflictView.resolved.${choice}`) });
      void sync.refreshOpenArticle();
      void sync.refreshStatus();
      onClose();
    } catch (err) {
      setFailure({ kind: 'refused', error: errorShapeOf(err) });
    } finally {
      setBusy(false);
    }
  };

  const title = conflict?.local.title || session.title || t('articles.untitled');
  return (
    <Dialog
      title={t('conflictView.title', { title })}
      onClose={onClose}
      className="dialog-conflict"
      headerEnd={<DialogCloseButton label={t('sync.close')} onClose={onClose} />}
    >
      <div className="conflict" aria-busy={busy}>
        {!conflict && !loadError && <p className="muted">{t('conflictView.loading')}</p>}
        {loadError && (
          <div className="notice notice-error">
            <Icon name="alert" />
            <p className="notice-text">{`${t('conflictView.loadFailed')} ${translateError(i18n, loadError)}`}</p>
            <div className="notice-actions">
              <button type="button" className="btn" onClick={() => (setLoadError(null), setAttempt((n) => n + 1))}>
                {t('app.retry')}
              </button>
            </div>
          </div>
        )}
        {failure && (
          <p className="field-error" role="alert">
            {failure.kind === 'unsaved' ? t('workflow.unsaved') : translateError(i18n, failure.error)}
          </p>
        )}
        {conflict && compared && merging !== true && (
          <>
            <p className="dialog-text">{t('conflictView.intro')}</p>
            <div className="conflict-sides">
              <Side side={conflict.local} blocks={compared.local} differing={differing} headingKey="conflictView.local" busy={busy} onUse={() => void resolve('local')} />
              <Side side={conflict.remote} blocks={compared.remote} differing={differing} headingKey="conflictView.remote" busy={busy} onUse={() => void resolve('remote')} />
            </div>
            <div className="dialog-actions">
              <button type="button" className="btn" onClick={onClose}>
                {t('conflictView.cancel')}
              </button>
              <button type="button" className="btn" autoFocus={merging === 'back'} onClick={() => setMerging(true)}>
                {t('conflictView.merge')}
              </button>
            </div>
          </>
        )}
        {conflict && merging === true && <MergeForm conflict={conflict} busy={busy} onBack={() => setMerging('back')} onSave={(merged) => void resolve('merged', merged)} />}
      </div>
    </Dialog>
  );
}
