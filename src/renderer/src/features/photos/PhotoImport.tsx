/**
 * Photo import for the open article: the file picker ("Sisipkan gambar", also Ctrl+Shift+G), the
 * queue that sends each photo to the backend, and the bar that shows progress and names the files
 * that were refused. Each prepared photo is placed at the caret as soon as it is ready.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { createContext, useCallback, useContext, useEffect, useId, useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cleanFileName } from '../../../../shared/file-name';
import { useServices } from '../../app/services';
import { useStore } from '../../app/store';
import { formatNumber } from '../../i18n';
import { translateError } from '../../i18n/errors';
import { Icon } from '../../ui/Icon';
import { useCommands } from '../../app/commands';
import { matchesShortcut, SHORTCUTS } from '../../ui/shortcuts';
import { insertImage } from './insert-image';
import type { PhotoImporter } from './photo-import';
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

export function PhotoImportProvider({ articleId, children }: { articleId: string; children: ReactNode }) {
  const [editor] = useLexicalComposerContext();
  const { media, photoImports } = useServices();
  const inputRef = useRef<HTMLInputElement>(null);
  // The article's importer outlives this editor: a run goes on when the person opens another article.
  const importer = useMemo(() => photoImports.forArticle(articleId), [photoImports, articleId]);
  useEffect(() => {
    const detach = importer.attach((result) => {
      media.remember(result);
      insertImage(editor, result.id);
    });
    return () => {
      detach();
      photoImports.release(articleId);
    };
  }, [importer, editor, media, photoImports, articleId]);
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
