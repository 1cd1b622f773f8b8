/**
 * The photo imports of every article: one importer per article, kept while it has work or an editor
 * shows the article. A run whose editor went away (the person opened another article) ends with its
 * photos placed at the end of the stored article, so none is lost on the way.
 */
import type { i18n as I18n } from 'i18next';
import { createEditor } from 'lexical';
import { LIMITS } from '../../../../shared/contract';
import type { Article, MediaImportResult } from '../../../../shared/domain';
import { cleanFileName } from '../../../../shared/file-name';
import type { LexicalDocument } from '../../../../shared/lexical-document';
import { ClientError, errorShapeOf, type ApiClient } from '../../api';
import { formatNumber } from '../../i18n';
import { translateError } from '../../i18n/errors';
import type { ToastStore } from '../../ui/toasts';
import { EDITOR_NODES } from '../editor/nodes';
import { $insertImage } from './insert-image';
import type { MediaLibrary } from './media-library';
import { PhotoImporter, type ImportFailure } from './photo-import';

/** Backend limit on names; the end is kept, it holds the extension. */
const fitFileName = (name: string): string => (name.length > LIMITS.fileNameLength ? name.slice(-LIMITS.fileNameLength) : name);

/** The body with these photos added at its end (above a trailing empty line, as with no caret). */
export function withPhotosAtEnd(body: LexicalDocument, mediaIds: readonly string[]): LexicalDocument {
  const editor = createEditor({
    namespace: 'redaksi-append',
    nodes: [...EDITOR_NODES],
    onError: (error) => {
      throw error;
    },
  });
  editor.setEditorState(editor.parseEditorState(JSON.stringify(body)));
  editor.update(
    () => {
      for (const id of mediaIds) $insertImage(id);
    },
    { discrete: true },
  );
  return editor.getEditorState().toJSON() as unknown as LexicalDocument;
}

/** Saves the stored article with the photos at its end; tries again when another save came first. */
export async function placePhotosInStoredArticle(client: ApiClient, articleId: string, mediaIds: readonly string[]): Promise<Article> {
  for (let attempt = 1; ; attempt++) {
    const article = await client.invoke('articles-get', { id: articleId });
    try {
      await client.invoke('articles-save', {
        id: article.id,
        baseVersion: article.version,
        title: article.title,
        excerpt: article.excerpt,
        body: withPhotosAtEnd(article.body, mediaIds),
      });
      return article;
    } catch (err) {
      const conflict = err instanceof ClientError && err.shape.code === 'article.versionConflict';
      if (!conflict || attempt >= 3) throw err;
    }
  }
}

interface PhotoImportsDeps {
  client: ApiClient;
  media: MediaLibrary;
  toasts: ToastStore;
  i18n: I18n;
}

export class PhotoImports {
  private readonly importers = new Map<string, PhotoImporter>();

  constructor(private readonly deps: PhotoImportsDeps) {}

  forArticle(articleId: string): PhotoImporter {
    let importer = this.importers.get(articleId);
    if (!importer) {
      const created = new PhotoImporter({
        importPhoto: (fileName, data) => this.deps.client.invoke('media-import', { fileName: fitFileName(fileName), data }),
        onUnattendedRun: (imported, failures) => {
          if (this.importers.get(articleId) === created) this.importers.delete(articleId);
          void this.placeLeftBehind(articleId, imported, failures);
        },
      });
      importer = created;
      this.importers.set(articleId, importer);
    }
    return importer;
  }

  /** Whether photos are still being prepared for this article. */
  busy(articleId: string): boolean {
    return this.importers.get(articleId)?.busy() ?? false;
  }

  /** The editor of this article went away: an importer with nothing left to do is dropped. */
  release(articleId: string): void {
    const importer = this.importers.get(articleId);
    if (importer && !importer.busy()) this.importers.delete(articleId);
  }

  private async placeLeftBehind(articleId: string, imported: readonly MediaImportResult[], failures: readonly ImportFailure[]): Promise<void> {
    const { client, media, toasts, i18n } = this.deps;
    const count = imported.length;
    const formatted = formatNumber(count, i18n.language);
    for (const result of imported) media.remember(result);
    if (count > 0) {
      try {
        const article = await placePhotosInStoredArticle(client, articleId, imported.map((r) => r.id));
        toasts.show({ text: (t) => t('photos.placedInStored', { count, formatted, title: article.title || t('articles.untitled') }), durationMs: 8000 });
      } catch (err) {
        const reason = translateError(i18n, errorShapeOf(err));
        toasts.show({ tone: 'error', text: (t) => `${t('photos.placeInStoredFailed', { count, formatted })} ${reason}`, durationMs: 12_000 });
      }
    }
    if (failures.length > 0) {
      const list = failures.map((f) => `${cleanFileName(f.fileName)}: ${translateError(i18n, f.error)}`).join(' · ');
      toasts.show({
        tone: 'error',
        text: (t) => `${t('photos.refusedTitle', { count: failures.length, formatted: formatNumber(failures.length, i18n.language) })}. ${list}`,
        durationMs: 12_000,
      });
    }
  }
}
