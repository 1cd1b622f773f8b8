/**
 * What figures in the article editor can do beyond editing their own node: choose the article's
 * featured image, and say what a move did. Absent in read-only views (the revision preview), where figures only show.
 */
import { createContext, useContext } from 'react';
import type { Readable } from '../../app/store';

export interface ArticlePhotos {
  featuredMediaId: Readable<string | null>;
  /** null clears the choice. Errors are shown by the caller. */
  setFeatured(mediaId: string | null): Promise<void>;
  /** Tells screen readers what a figure's control did where the screen shows it only by moving things. */
  announce(text: string): void;
}

export const ArticlePhotosContext = createContext<ArticlePhotos | null>(null);

export function useArticlePhotos(): ArticlePhotos | null {
  return useContext(ArticlePhotosContext);
}

/** Stands in for the featured image where there is no article (nothing is featured). */
export const NO_FEATURED: Readable<string | null> = { get: () => null, subscribe: () => () => undefined };
