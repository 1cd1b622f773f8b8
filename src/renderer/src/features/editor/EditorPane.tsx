/** The main pane in the articles view: the open article, or what to do when none is open. */
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { useStore } from '../../app/store';
import { translateError } from '../../i18n/errors';
import { Icon } from '../../ui/Icon';
import { SHORTCUTS, shortcutLabel } from '../../ui/shortcuts';
import { ArticleEditor } from './ArticleEditor';

export function EditorPane() {
  const { t } = useTranslation();
  const { workspace, i18n } = useServices();
  const slot = useStore(workspace.slot);

  if (slot.status === 'ready') return <ArticleEditor key={slot.session.key} session={slot.session} />;
  if (slot.status === 'loading') {
    return (
      <div className="pane-message pane-loading" aria-busy="true">
        <p className="delayed-fade">{t('editor.loading')}</p>
      </div>
    );
  }
  if (slot.status === 'error') {
    return (
      <div className="pane-message">
        <Icon name="alert" size={28} />
        <h2>{t('editor.loadFailed')}</h2>
        <p>{translateError(i18n, slot.error)}</p>
        <button type="button" className="btn" onClick={() => void workspace.open(slot.id)}>
          {t('app.retry')}
        </button>
      </div>
    );
  }
  return (
    <div className="pane-message">
      <Icon name="articles" size={32} />
      <h2>{t('editor.noArticle')}</h2>
      <p>{t('editor.noArticleHint')}</p>
      <p className="muted">
        <kbd>{shortcutLabel(SHORTCUTS.newArticle)}</kbd> {t('articles.new')}
      </p>
    </div>
  );
}
