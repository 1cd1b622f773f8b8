/**
 * The column beside the article: its workflow status and steps, its place on the portal, then its
 * category and tags.
 * Further sections (e.g. the article's photos) go in as children, below these.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSession } from '../editor/article-session';
import { ArticleSyncSection } from '../sync/ArticleSyncSection';
import { TermsSection } from '../terms/TermsSection';
import { useFollowArticleList } from '../workflow/article-meta';
import { WorkflowSection } from '../workflow/WorkflowSection';

export function ArticlePanel({ session, children }: { session: ArticleSession; children?: ReactNode }) {
  const { t } = useTranslation();
  useFollowArticleList(session);
  return (
    <aside className="article-panel" aria-label={t('panel.label')}>
      <WorkflowSection session={session} />
      <ArticleSyncSection session={session} />
      <TermsSection session={session} />
      {children}
    </aside>
  );
}
