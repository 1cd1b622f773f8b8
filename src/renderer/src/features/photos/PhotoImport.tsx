/**
 * Photo import for the open article: the file picker ("Sisipkan gambar", also Ctrl+Shift+G), the
 * queue that sends each photo to the backend, and the bar that shows progress and names the files
 * that were refused. Each prepared photo is placed at the caret as soon as it is ready.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $insertNodeToNearestRoot } from '@lexical/utils';
import {
  $createParagraphNode,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isNodeSelection,
  $isParagraphNode,
  $isRangeSelection,
  SKIP_DOM_SELECTION_TAG,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
  type PointType,
} from 'lexical';
import { createContext, useCallback, useContext, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/contract';
import { cleanFileName } from '../../../../shared/file-name';
import { useServices } from '../../app/services';
import { useStore } from '../../app/store';
import { formatNumber } from '../../i18n';
import { translateError } from '../../i18n/errors';
import { Icon } from '../../ui/Icon';
import { useCommands } from '../../app/commands';
import { matchesShortcut, SHORTCUTS } from '../../ui/shortcuts';
import { $createImageNode, $selectNode, type ImageNode } from './image-node';
import { PhotoImporter } from './photo-import';
import { PHOTO_ACCEPT } from './tags';

export interface PhotoImportControls {
  importer: PhotoImporter;
  openPicker(): void;
  addFiles(files: File[]): void;
}

const PhotoImportContext = createContext<PhotoImportControls | null>(null);

export function usePhotoImport(): PhotoImportControls | null {
  return useContext(PhotoImportContext);
}

/** True when nothing of `block` comes before (edge 'start') or after (edge 'end') the point. */
function $isAtBlockEdge(point: PointType, block: ElementNode, edge: 'start' | 'end'): boolean {
  const node = point.getNode();
  const size = $isElementNode(node) ? node.getChildrenSize() : node.getTextContentSize();
  if (point.offset !== (edge === 'start' ? 0 : size)) return false;
  for (let current: LexicalNode = node; !current.is(block); current = current.getParentOrThrow()) {
    if ((edge === 'start' ? current.getPreviousSibling() : current.getNextSibling()) !== null) return false;
  }
  return true;
}

/** The caret goes to the start of the block after the photo (a new empty line when there is none). */
function $caretAfter(image: ImageNode): void {
  const next = image.getNextSibling();
  if ($isElementNode(next)) next.selectStart();
  else {
    const line = $createParagraphNode();
    image.insertAfter(line);
    line.selectStart();
  }
}

/**
 * Places a prepared photo as a block at the caret: above the line when the caret is at its start
 * (or the line is empty), below it when the caret is at its end, splitting it in the middle. The
 * caret ends up just after the photo, so photos inserted one after another stay together and in
 * order, and writing goes on below them. With a figure selected, after the figure; with no caret
 * at all, at the end of the article.
 */
export function $insertImage(mediaId: string): ImageNode {
  const image = $createImageNode({ mediaId, altText: '', caption: '', credit: '' });
  const selection = $getSelection();
  if ($isRangeSelection(selection) && selection.isCollapsed()) {
    const block = selection.anchor.getNode().getTopLevelElement();
    if (block !== null && $isElementNode(block)) {
      if (block.isEmpty() || $isAtBlockEdge(selection.anchor, block, 'start')) {
        block.insertBefore(image);
        block.selectStart();
        return image;
      }
      if ($isAtBlockEdge(selection.anchor, block, 'end')) {
        block.insertAfter(image);
        $caretAfter(image);
        return image;
      }
    }
    return $insertNodeToNearestRoot(image);
  }
  if ($isNodeSelection(selection)) {
    const last = selection.getNodes().at(-1)?.getTopLevelElement();
    if (last) {
      last.insertAfter(image);
      $selectNode(image.getKey());
      return image;
    }
  }
  if (selection !== null) return $insertNodeToNearestRoot(image);
  // No caret (the article was never clicked): at the end, above a trailing empty line if there is one.
  const root = $getRoot();
  const last = root.getLastChild();
  if ($isParagraphNode(last) && last.isEmpty()) last.insertBefore(image);
  else {
    root.append(image);
    root.append($createParagraphNode());
  }
  return image;
}

export function insertImage(editor: LexicalEditor, mediaId: string): void {
  const root = editor.getRootElement();
  // Someone typing elsewhere (the title, a caption) keeps their caret: only the model's selection moves.
  const editorHasFocus = root !== null && document.activeElement === root;
  editor.update(
    () => {
      $insertImage(mediaId);
    },
    editorHasFocus ? undefined : { tag: SKIP_DOM_SELECTION_TAG },
  );
}

/** Backend limit on names; the end is kept, it holds the extension. */
const fitFileName = (name: string): string => (name.length > LIMITS.fileNameLength ? name.slice(-LIMITS.fileNameLength) : name);

export function PhotoImportProvider({ children }: { children: ReactNode }) {
  const [editor] = useLexicalComposerContext();
  const { client, media } = useServices();
  const inputRef = useRef<HTMLInputElement>(null);
  const [importer] = useState(
    () =>
      new PhotoImporter({
        importPhoto: (fileName, data) => client.invoke('media-import', { fileName: fitFileName(fileName), data }),
        onImported: (result) => {
          media.remember(result);
          insertImage(editor, result.id);
        },
      }),
  );
  useEffect(() => importer.activate(), [importer]);
  // The status bar shows the batch too, so it stays in sight while the person scrolls or writes on.
  const { photoBatch } = useServices();
  useEffect(() => {
    const mirror = () => photoBatch.set(importer.progress.get());
    mirror();
    const stop = importer.progress.subscribe(mirror);
    return () => {
      stop();
      photoBatch.set(null);
    };
  }, [importer, photoBatch]);

  // A read-only article (e.g. sent to the editor) takes no new photos, by any route.
  const openPicker = useCallback(() => {
    if (editor.isEditable()) inputRef.current?.click();
  }, [editor]);
  const addFiles = useCallback(
    (files: File[]) => {
      if (editor.isEditable()) importer.add(files);
    },
    [editor, importer],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!matchesShortcut(event, SHORTCUTS.insertImage)) return;
      if (document.querySelector('dialog[open]')) return; // a dialog owns the keyboard
      event.preventDefault();
      openPicker();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [openPicker]);

  useCommands({ 'insert-image': openPicker });

  const controls = useMemo(() => ({ importer, openPicker, addFiles }), [importer, openPicker, addFiles]);

  return (
    <PhotoImportContext.Provider value={controls}>
      {children}
      <input
        ref={inputRef}
        type="file"
        className="visually-hidden"
        accept={PHOTO_ACCEPT}
        multiple
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          event.target.value = ''; // the same photo can be chosen again
          if (files.length > 0) addFiles(files);
        }}
      />
    </PhotoImportContext.Provider>
  );
}

/** Progress while photos are prepared, and what was refused (stays until dismissed). */
export function PhotoImportStatus() {
  const controls = usePhotoImport();
  if (!controls) return null;
  return <PhotoImportBar importer={controls.importer} />;
}

function PhotoImportBar({ importer }: { importer: PhotoImporter }) {
  const { t, i18n } = useTranslation();
  const progress = useStore(importer.progress);
  const failures = useStore(importer.failures);
  const labelId = useId();
  const lang = i18n.language;

  return (
    <>
      {progress && (
        <div className="notice notice-info photo-progress">
          <Icon name="image" />
          <div className="notice-text">
            <p id={labelId}>
              {progress.total === 1
                ? t('photos.preparingOne')
                : t('photos.preparing', {
                    current: formatNumber(Math.min(progress.done + 1, progress.total), lang),
                    total: formatNumber(progress.total, lang),
                  })}
            </p>
            <div
              className="progress"
              role="progressbar"
              aria-labelledby={labelId}
              aria-valuemin={0}
              aria-valuemax={progress.total}
              aria-valuenow={progress.done}
            >
              <div className="progress-fill" style={{ width: `${Math.round((progress.done / progress.total) * 100)}%` }} />
            </div>
          </div>
        </div>
      )}
      {failures.length > 0 && (
        <div className="notice notice-error photo-failures" role="alert">
          <Icon name="alert" />
          <div className="notice-text">
            <p className="notice-title">{t('photos.refusedTitle', { count: failures.length, formatted: formatNumber(failures.length, lang) })}</p>
            <ul className="photo-failure-list">
              {failures.map((failure) => (
                <li key={failure.id}>
                  {/* Cleaned and isolated: a right-to-left override in a name must not turn the message around. */}
                  <bdi className="photo-failure-name">{cleanFileName(failure.fileName)}</bdi>: {translateError(i18n, failure.error)}
                </li>
              ))}
            </ul>
          </div>
          <div className="notice-actions">
            <button type="button" className="btn" onClick={() => importer.dismissAllFailures()}>
              {t('photos.dismiss')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
