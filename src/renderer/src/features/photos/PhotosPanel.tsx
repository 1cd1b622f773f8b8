/**
 * "Foto" under the excerpt: the article's photos as thumbnails, in article order, with the current
 * featured image and the choice of another one. A thumbnail takes you to its figure in the text.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalEditable } from '@lexical/react/useLexicalEditable';
import { $getRoot, $isElementNode, type LexicalEditor, type LexicalNode, type NodeKey } from 'lexical';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { useStore } from '../../app/store';
import { formatNumber } from '../../i18n';
import { Icon } from '../../ui/Icon';
import { FeaturedToggle } from './FeaturedToggle';
import { SHORTCUTS, shortcutLabel } from '../../ui/shortcuts';
import { ImageNode, $isImageNode, $selectNode } from './image-node';
import { NO_FEATURED, useArticlePhotos, type ArticlePhotos } from './photos-context';

export interface ArticleImage {
  key: NodeKey;
  mediaId: string;
  caption: string;
  altText: string;
}

function $collectImages(): ArticleImage[] {
  const found: ArticleImage[] = [];
  const walk = (node: LexicalNode): void => {
    if ($isImageNode(node)) {
      const { mediaId, caption, altText } = node.getFields();
      found.push({ key: node.getKey(), mediaId, caption, altText });
    } else if ($isElementNode(node)) {
      for (const child of node.getChildren()) walk(child);
    }
  };
  walk($getRoot());
  return found;
}

const sameImages = (a: ArticleImage[], b: ArticleImage[]): boolean =>
  a.length === b.length &&
  a.every((x, i) => x.key === b[i]!.key && x.mediaId === b[i]!.mediaId && x.caption === b[i]!.caption && x.altText === b[i]!.altText);

/** The image nodes of the document, refreshed only when an image is added, changed, moved or removed. */
export function useArticleImages(editor: LexicalEditor): ArticleImage[] {
  const [images, setImages] = useState<ArticleImage[]>(() => editor.getEditorState().read($collectImages));
  useEffect(() => {
    const refresh = (): void => {
      const next = editor.getEditorState().read($collectImages);
      setImages((current) => (sameImages(current, next) ? current : next));
    };
    // The body is loaded into the editor after it mounts: read once more now.
    refresh();
    return editor.registerMutationListener(ImageNode, refresh, { skipInitialization: true });
  }, [editor]);
  return images;
}

/** Long edge of the backend's thumbnails: with the photo's ratio, the box is known before it loads. */
const THUMB_EDGE = 320;

function Thumb({ mediaId, className }: { mediaId: string; className?: string }) {
  const { media } = useServices();
  const store = useMemo(() => media.entry(mediaId), [media, mediaId]);
  const entry = useStore(store);
  if (entry.status !== 'ready') {
    return (
      <span className={`photos-thumb-empty ${className ?? ''}`} aria-hidden="true">
        <Icon name={entry.status === 'error' ? 'alert' : 'image'} />
      </span>
    );
  }
  const { item } = entry;
  return (
    <img
      className={className}
      src={media.url('thumb', item)}
      alt=""
      width={Math.round((item.width * THUMB_EDGE) / Math.max(item.width, item.height))}
      height={Math.round((item.height * THUMB_EDGE) / Math.max(item.width, item.height))}
      loading="lazy"
      decoding="async"
    />
  );
}

/** The name a photo goes by in the panel: its caption, else its alt text, else the file name. */
function PhotoName({ image, fallback }: { image: ArticleImage; fallback: string }) {
  const { media } = useServices();
  const store = useMemo(() => media.entry(image.mediaId), [media, image.mediaId]);
  const entry = useStore(store);
  const name = image.caption.trim() || image.altText.trim() || (entry.status === 'ready' ? entry.item.originalName : fallback);
  return <>{name}</>;
}

interface PhotoItemProps {
  image: ArticleImage;
  photos: ArticlePhotos;
  featured: boolean;
  /** False while the article is read-only for this person. */
  canChoose: boolean;
  onShow: () => void;
}

function PhotoItem({ image, photos, featured, canChoose, onShow }: PhotoItemProps) {
  const { t } = useTranslation();
  const { workspace } = useServices();
  const nameId = useId();
  const [busy, setBusy] = useState(false);
  const choose = (): void => {
    setBusy(true);
    photos
      .setFeatured(featured ? null : image.mediaId)
      .catch((err: unknown) => workspace.showError(err))
      .finally(() => setBusy(false));
  };
  return (
    <li className={`photos-item${featured ? ' is-featured' : ''}`}>
      {/* Named by its own words (not aria-label), so the visible "Gambar utama" badge is part of the name. */}
      <button type="button" className="photos-thumb" onClick={onShow} aria-describedby={nameId}>
        <span className="visually-hidden">{t('photos.showInArticle')}</span>
        <Thumb mediaId={image.mediaId} />
        {featured && <span className="photos-badge">{t('photos.featuredBadge')}</span>}
      </button>
      <span id={nameId} className="photos-name">
        <PhotoName image={image} fallback={t('photos.untitled')} />
      </span>
      <FeaturedToggle featured={featured} describedBy={nameId} disabled={busy || !canChoose} className="photos-feature" onToggle={choose} />
    </li>
  );
}

export function PhotosPanel() {
  const [editor] = useLexicalComposerContext();
  const photos = useArticlePhotos();
  const { t, i18n } = useTranslation();
  const { workspace } = useServices();
  const images = useArticleImages(editor);
  const editable = useLexicalEditable();
  const featuredId = useStore(photos?.featuredMediaId ?? NO_FEATURED);
  const [open, setOpen] = useState(true);
  const [clearing, setClearing] = useState(false);
  const headingId = useId();
  const listId = useId();
  if (!photos) return null;

  const featuredInBody = images.find((image) => image.mediaId === featuredId);
  const count = images.length;

  const show = (key: NodeKey): void => {
    editor.update(
      () => {
        $selectNode(key);
      },
      {
        onUpdate: () => {
          const element = editor.getElementByKey(key);
          const calm = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
          element?.scrollIntoView({ block: 'center', behavior: calm ? 'auto' : 'smooth' });
          editor.getRootElement()?.focus({ preventScroll: true });
        },
      },
    );
  };

  const clearFeatured = (): void => {
    setClearing(true);
    photos
      .setFeatured(null)
      .catch((err: unknown) => workspace.showError(err))
      .finally(() => setClearing(false));
  };

  return (
    <section className="photos-panel" aria-labelledby={headingId}>
      <div className="photos-head">
        <h2 id={headingId} className="photos-title">
          {count > 0 ? (
            <button type="button" className="photos-toggle" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
              <Icon name={open ? 'chevronDown' : 'chevronRight'} size={16} />
              <span>{t('photos.panelTitle')}</span>
              <span className="photos-count">{formatNumber(count, i18n.language)}</span>
            </button>
          ) : (
            <span className="photos-toggle">{t('photos.panelTitle')}</span>
          )}
        </h2>
        <div className="photos-featured-line">
          {featuredId ? (
            <>
              <Thumb mediaId={featuredId} className="photos-featured-thumb" />
              <span>
                {t('photos.featuredBadge')}:{' '}
                {featuredInBody ? <PhotoName image={featuredInBody} fallback={t('photos.untitled')} /> : t('photos.featuredNotInBody')}
              </span>
              {editable && (
                <button type="button" className="btn btn-small btn-ghost" onClick={clearFeatured} disabled={clearing}>
                  {t('photos.clearFeatured')}
                </button>
              )}
            </>
          ) : (
            <span className="muted">{count > 0 ? t('photos.noFeatured') : t('photos.noPhotos', { shortcut: shortcutLabel(SHORTCUTS.insertImage) })}</span>
          )}
        </div>
      </div>
      {count > 0 && open && (
        <ul id={listId} className="photos-grid" aria-label={t('photos.listLabel')}>
          {images.map((image) => (
            <PhotoItem key={image.key} image={image} photos={photos} featured={image.mediaId === featuredId} canChoose={editable} onShow={() => show(image.key)} />
          ))}
        </ul>
      )}
    </section>
  );
}
