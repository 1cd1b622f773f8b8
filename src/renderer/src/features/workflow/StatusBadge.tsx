/** The article's status as a labelled badge; colour is never the only signal (the word is always there). */
import { useTranslation } from 'react-i18next';
import type { ArticleStatus } from '../../../../shared/domain';
import { statusKey } from './history';

export function StatusBadge({ status, className }: { status: ArticleStatus; className?: string }) {
  const { t } = useTranslation();
  return <span className={`status-badge status-${status}${className ? ` ${className}` : ''}`}>{t(statusKey(status))}</span>;
}
