/** The article's status as a labelled badge; colour is never the only signal (the word is always there). */
import { useTranslation } from 'react-i18next';
import type { ArticleStatus } from '../../../../shared/domain';
import { Icon } from '../../ui/Icon';
import { statusKey } from './history';

export function StatusBadge({ status, className }: { status: ArticleStatus; className?: string }) {
  const { t } = useTranslation();
  return <span className={`status-badge status-${status}${className ? ` ${className}` : ''}`}>{t(statusKey(status))}</span>;
}

/** "Terlambat": a scheduled article past its time and not yet published (in the queue and the panel). */
export function OverdueFlag() {
  const { t } = useTranslation();
  return (
    <span className="overdue-flag">
      <Icon name="alert" size={14} />
      <span>{t('queue.overdue')}</span>
    </span>
  );
}
