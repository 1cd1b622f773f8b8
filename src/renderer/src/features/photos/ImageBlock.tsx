/**
 * How an image node looks in the editor: the prepared photo (with its size reserved, so nothing
 * jumps while it loads), its caption, photo credit and alt text as labelled fields, and the actions
 * on it (featured image, move up/down, remove). Edits go into the node, so they autosave and
 * Ctrl+Z takes them back like any other edit. In a read-only view it shows the words as a caption.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalEditable } from '@lexical/react/useLexicalEditable';
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection';
import { $createParagraphNode, $getRoot, $isElementNode, HISTORY_MERGE_TAG, type LexicalEditor, type NodeKey } from 'lexical';
import { useCallback, useId, useMemo, useRef, useState, useSyncExternalStore, type ChangeEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IMAGE_TEXT_LIMIT } from '../../../../shared/lexical-document';
import { useServices } from '../../app/services';
import { useStore } from '../../app/store';
import { uiLanguage } from '../../i18n';
import { translateError } from '../../i18n/errors';
import { Icon } from '../../ui/Icon';
import { FeaturedToggle } from './FeaturedToggle';
import { formatPreparation } from './format';
import { $getImageNode, type ImageTextField } from './image-node';
import { NO_FEATURED, useArticlePhotos } from './photos-context';
import { IMAGE_FIELD_TAG } from './tags';

/** Captions, credits and alt text are one paragraph each: pasted line breaks become spaces. */
const oneLine = (value: string): string => value.replace(/[^\S\r\n]*[\r\n]+[^\S\r\n]*/g, ' ');

/** A figure's name for screen readers: the start of its caption is enough to tell figures apart. */
const shorten = (text: string, max = 80): string => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** Keystrokes in one field closer together than this are one undo step. */
const FIELD_MERGE_MS = 1000;

interface ImageBlockProps {
  nodeKey: NodeKey;
  mediaId: string;
  altText: string;
  caption: string;
  credit: string;
}

/** Whether the figure has a block before and after it (for the move buttons). */
function useNeighbours(editor: LexicalEditor, nodeKey: NodeKey): { before: boolean; after: boolean } {
  const subscribe = useCallback((onChange: () => void) => editor.registerUpdateListener(onChange), [editor]);
  const read = useCallback(
    () =>
      editor.getEditorState().read(() => {
        const node = $getImageNode(nodeKey);
        if (!node) return 0;
        return (node.getPreviousSibling() ? 1 : 0) | (node.getNextSibling() ? 2 : 0);
      }),
    [editor, nodeKey],
  );
  const bits = useSyncExternalStore(subscribe, read, read);
  return { before: (bits & 1) !== 0, after: (bits & 2) !== 0 };
}

interface ImageFieldProps {
  label: string;
  lang: string;
  value: string;
  placeholder: string;
  multiline?: boolean;
  describedBy?: string;
  spellCheck?: boolean;
  onChange(value: string): void;
}

/**
 * A field bound to one of the node's texts. It keeps what is typed locally (so the caret never
 * jumps) and follows the node when the node changes for another reason (undo, redo, paste).
 */
function ImageField({ label, lang, value, placeholder, multiline, describedBy, spellCheck = true, onChange }: ImageFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setDraft(value);
  }
  const change = (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>): void => {
    const next = oneLine(event.target.value);
    setDraft(next);
    onChange(next);
  };
  const common = {
    id,
    className: 'ed-figure-input',
    value: draft,
    placeholder,
    maxLength: IMAGE_TEXT_LIMIT,
    spellCheck,
    lang,
    'aria-describedby': describedBy,
    onChange: change,
    onKeyDown: (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (event.key === 'Enter' && !event.nativeEvent.isComposing) event.preventDefault();
    },
  };
  return (
    <div className="ed-figure-field">
      <label htmlFor={id} className="ed-figure-label">
        {label}
      </label>
      {multiline ? <textarea {...common} rows={1} /> : <input {...common} type="text" />}
    </div>
  );
}

export function ImageBlock({ nodeKey, mediaId, altText, caption, credit }: ImageBlockProps) {
  const [editor] = useLexicalComposerContext();
  const editable = useLexicalEditable();
  const { t, i18n } = useTranslation();
  const { media, workspace } = useServices();
  const photos = useArticlePhotos();
  const entryStore = useMemo(() => media.entry(mediaId), [media, mediaId]);
  const entry = useStore(entryStore);
  const featuredId = useStore(photos?.featuredMediaId ?? NO_FEATURED);
  const isFeatured = featuredId === mediaId;
  const [isSelected] = useLexicalNodeSelection(nodeKey);
  const neighbours = useNeighbours(editor, nodeKey);
  const lastEdit = useRef<{ field: ImageTextField; at: number } | null>(null);
  const [featuredBusy, setFeaturedBusy] = useState(false);
  const [brokenSrc, setBrokenSrc] = useState<string | null>(null);
  const altNoteId = useId();
  const nameId = useId();
  const upRef = useRef<HTMLButtonElement>(null);
  const downRef = useRef<HTMLButtonElement>(null);

  const updateField = useCallback(
    (field: ImageTextField, value: string) => {
      const now = Date.now();
      const previous = lastEdit.current;
      const merge = previous !== null && previous.field === field && now - previous.at < FIELD_MERGE_MS;
      lastEdit.current = { field, at: now };
      editor.update(
        () => {
          $getImageNode(nodeKey)?.setTextField(field, value);
        },
        { tag: merge ? [IMAGE_FIELD_TAG, HISTORY_MERGE_TAG] : [IMAGE_FIELD_TAG] },
      );
    },
    [editor, nodeKey],
  );

  const move = (direction: 'up' | 'down'): void => {
    lastEdit.current = null;
    editor.update(
      () => {
        const node = $getImageNode(nodeKey);
        if (!node) return;
        if (direction === 'up') node.getPreviousSibling()?.insertBefore(node);
        else node.getNextSibling()?.insertAfter(node);
      },
      {
        // Moving the figure moves its DOM, which drops the focus: give it back to the same button,
        // or to the other one when this one can go no further.
        onUpdate: () => {
          const { before, after, position, total } = editor.getEditorState().read(() => {
            const node = $getImageNode(nodeKey);
            const siblings = node?.getParent()?.getChildrenSize() ?? 0;
            return { before: !!node?.getPreviousSibling(), after: !!node?.getNextSibling(), position: (node?.getIndexWithinParent() ?? 0) + 1, total: siblings };
          });
          // The focus stays on the button: without a word, a screen reader user cannot tell it moved.
          photos?.announce(t(direction === 'up' ? 'photos.movedUp' : 'photos.movedDown', { position, total }));
          const target = direction === 'up' ? (before ? upRef.current : downRef.current) : after ? downRef.current : upRef.current;
          target?.focus();
          target?.scrollIntoView({ block: 'nearest' });
        },
      },
    );
  };

  const remove = (): void => {
    editor.update(
      () => {
        const node = $getImageNode(nodeKey);
        if (!node) return;
        const next = node.getNextSibling();
        const previous = node.getPreviousSibling();
        node.remove();
        const root = $getRoot();
        if (root.getChildrenSize() === 0) root.append($createParagraphNode());
        if ($isElementNode(next)) next.selectStart();
        else if ($isElementNode(previous)) previous.selectEnd();
        else root.selectEnd();
      },
      { onUpdate: () => editor.focus() },
    );
  };

  const toggleFeatured = (): void => {
    if (!photos || featuredBusy) return;
    setFeaturedBusy(true);
    photos
      .setFeatured(isFeatured ? null : mediaId)
      .catch((err: unknown) => workspace.showError(err))
      .finally(() => setFeaturedBusy(false));
  };

  let picture;
  if (entry.status === 'ready' && brokenSrc === media.url('full', entry.item)) {
    // The library knows the photo but its file could not be loaded (moved data folder, old app).
    picture = (
      <div className="ed-figure-missing" role="img" aria-label={altText || t('photos.unavailable')}>
        <Icon name="alert" />
        <span>{t('photos.fileMissing')}</span>
      </div>
    );
  } else if (entry.status === 'ready') {
    const { item } = entry;
    const src = media.url('full', item);
    picture = (
      <img
        className="ed-figure-img"
        src={src}
        width={item.width}
        height={item.height}
        alt={altText}
        loading="lazy"
        decoding="async"
        draggable={editable}
        onError={() => setBrokenSrc(src)}
      />
    );
  } else if (entry.status === 'error') {
    picture = (
      <div className="ed-figure-missing" role="img" aria-label={altText || t('photos.unavailable')}>
        <Icon name="alert" />
        <span>{translateError(i18n, entry.error)}</span>
        {entry.error.kind === 'network' && (
          <button type="button" className="btn btn-small" onClick={() => media.retry(mediaId)}>
            {t('app.retry')}
          </button>
        )}
      </div>
    );
  } else {
    picture = (
      <div className="ed-figure-missing" role="img" aria-label={altText || t('photos.loading')} aria-busy="true">
        <span className="delayed-fade">{t('photos.loading')}</span>
      </div>
    );
  }

  const classes = ['ed-figure', isSelected && 'is-selected', isFeatured && 'is-featured'].filter(Boolean).join(' ');

  if (!editable) {
    return (
      <figure className={classes}>
        <div className="ed-figure-media">{picture}</div>
        {(caption || credit) && (
          <figcaption className="ed-figure-caption">
            {caption}
            {credit && <span className="ed-figure-credit">{t('photos.creditLine', { credit })}</span>}
          </figcaption>
        )}
      </figure>
    );
  }

  // Each figure and its buttons are told apart by the photo's own words, as in the side panel.
  const name = caption.trim() || altText.trim() || (entry.status === 'ready' ? entry.item.originalName : '');
  const lang = uiLanguage(i18n.language); // as the title and body

  return (
    <figure className={classes} aria-label={name ? t('photos.figureNamed', { name: shorten(name) }) : t('photos.figure')}>
      <span id={nameId} hidden>
        {name || t('photos.untitled')}
      </span>
      <div className="ed-figure-media" data-image-handle="">
        {picture}
        {isFeatured && <span className="ed-figure-badge">{t('photos.featuredBadge')}</span>}
      </div>
      <div className="ed-figure-panel" data-image-controls="">
        <div className="ed-figure-actions">
          <FeaturedToggle featured={isFeatured} describedBy={nameId} disabled={!photos || featuredBusy} className="ed-figure-featured" onToggle={toggleFeatured} />
          <span className="ed-figure-actions-end">
            <button
              ref={upRef}
              type="button"
              className="icon-btn"
              aria-label={t('photos.moveUp')}
              aria-describedby={nameId}
              data-tooltip={t('photos.moveUp')}
              disabled={!neighbours.before}
              onClick={() => move('up')}
            >
              <Icon name="arrowUp" size={16} />
            </button>
            <button
              ref={downRef}
              type="button"
              className="icon-btn"
              aria-label={t('photos.moveDown')}
              aria-describedby={nameId}
              data-tooltip={t('photos.moveDown')}
              disabled={!neighbours.after}
              onClick={() => move('down')}
            >
              <Icon name="arrowDown" size={16} />
            </button>
            <button
              type="button"
              className="icon-btn ed-figure-remove"
              aria-label={t('photos.remove')}
              aria-describedby={nameId}
              data-tooltip={t('photos.remove')}
              data-tooltip-align="end"
              onClick={remove}
            >
              <Icon name="trash" size={16} />
            </button>
          </span>
        </div>
        <ImageField label={t('photos.caption')} lang={lang} placeholder={t('photos.captionPlaceholder')} value={caption} multiline onChange={(v) => updateField('caption', v)} />
        <ImageField
          label={t('photos.credit')}
          lang={lang}
          placeholder={t('photos.creditPlaceholder')}
          value={credit}
          spellCheck={false}
          onChange={(v) => updateField('credit', v)}
        />
        <ImageField
          label={t('photos.altText')}
          lang={lang}
          placeholder={t('photos.altTextPlaceholder')}
          value={altText}
          multiline
          describedBy={altText.trim() ? undefined : altNoteId}
          onChange={(v) => updateField('altText', v)}
        />
        {!altText.trim() && (
          <p id={altNoteId} className="ed-figure-note">
            <Icon name="alert" size={15} />
            <span>{t('photos.altMissing')}</span>
          </p>
        )}
        {entry.status === 'ready' && (
          <p className="ed-figure-meta">
            <span className="ed-figure-file">{entry.item.originalName}</span>
            <span>{formatPreparation(entry.item, i18n.language)}</span>
          </p>
        )}
      </div>
    </figure>
  );
}
