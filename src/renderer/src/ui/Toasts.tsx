import { useTranslation } from 'react-i18next';
import { useServices } from '../app/services';
import { useStore } from '../app/store';
import { Icon } from './Icon';

/** The notices region. Deliberately not role="status": that role belongs to the save status alone. */
export function Toasts() {
  const { toasts } = useServices();
  const items = useStore(toasts.items);
  const { t } = useTranslation();
  return (
    <div className="toasts" aria-live="polite" aria-relevant="additions text">
      {items.map((toast) => (
        <div
          key={toast.id}
          className={`toast toast-${toast.tone}`}
          onMouseEnter={() => toasts.hold(toast.id)}
          onMouseLeave={() => toasts.release(toast.id)}
          onFocus={() => toasts.hold(toast.id)}
          onBlur={() => toasts.release(toast.id)}
        >
          {toast.tone === 'error' && <Icon name="alert" />}
          <p className="toast-text">{toast.text(t)}</p>
          {toast.action && (
            <button
              type="button"
              className="btn btn-ghost toast-action"
              onClick={() => {
                toasts.dismiss(toast.id);
                toast.action?.run();
              }}
            >
              {toast.action.label(t)}
            </button>
          )}
          <button type="button" className="icon-btn toast-close" aria-label={t('toast.dismiss')} onClick={() => toasts.dismiss(toast.id)}>
            <Icon name="close" size={16} />
          </button>
        </div>
      ))}
    </div>
  );
}
