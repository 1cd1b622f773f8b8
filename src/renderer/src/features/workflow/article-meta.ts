/**
 * The open article's workflow facts (status, category, tags, publish time) and who may change it.
 * They come with the article when it opens, from every workflow or terms action taken here, and
 * from the article list, which the backend keeps current when another window acts on the article.
 */
import { useEffect } from 'react';
import type { ArticleSummary, LocalRole } from '../../../../shared/domain';
import { canEdit } from '../../../../shared/workflow';
import { useServices } from '../../app/services';
import { useStore } from '../../app/store';
import { useRole } from '../../app/useRole';
import { sameSummary } from '../articles/summary';
import type { ArticleSession } from '../editor/article-session';

/**
 * True when `next` (from the list) is at least as new as `current` and says something different
 * about the article beyond its text (the session has its own title, excerpt and word count).
 */
export function isNewerSummary(current: ArticleSummary, next: ArticleSummary): boolean {
  if (next.id !== current.id || next.updatedAt < current.updatedAt) return false;
  return !sameSummary(current, next, ['title', 'excerpt', 'wordCount', 'updatedAt']);
}

export function useArticleSummary(session: ArticleSession): ArticleSummary {
  return useStore(session.summary);
}

/** Keeps the session's summary in step with the article list while the editor shows it. */
export function useFollowArticleList(session: ArticleSession): void {
  const { articles } = useServices();
  useEffect(() => {
    const adopt = (): void => {
      const listed = articles.active.get().items?.find((a) => a.id === session.id);
      if (listed && isNewerSummary(session.summary.get(), listed)) {
        // The list has no body-related fields the summary lacks; keep the session's own title/excerpt.
        session.summary.set({ ...session.summary.get(), ...listed, title: session.summary.get().title, excerpt: session.summary.get().excerpt });
      }
    };
    adopt();
    return articles.active.subscribe(adopt);
  }, [articles, session]);
}

/** Whether the person may change the text now, by the shared rules. */
export function useCanEdit(session: ArticleSession): { editable: boolean; role: LocalRole; summary: ArticleSummary } {
  const summary = useArticleSummary(session);
  const role = useRole();
  return { editable: canEdit(summary.status, role), role, summary };
}

/** After a workflow or terms action: the session and the list show the backend's answer at once. */
export function useApplySummary(session: ArticleSession): (summary: ArticleSummary) => void {
  const { articles } = useServices();
  return (summary: ArticleSummary) => {
    const { title: _title, excerpt: _excerpt, ...facts } = summary;
    session.summary.set({ ...session.summary.get(), ...facts });
    articles.patch(facts);
  };
}
