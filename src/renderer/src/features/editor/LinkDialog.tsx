import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';
import { normalizeLinkInput } from './link-url';

interface LinkDialogProps {
  initialUrl: string;
  onApply: (url: string) => void;
  /** Present when the selection is already a link. */
  onRemove?: () => void;
  onClose: () => void;
}

export function LinkDialog({ initialUrl, onApply, onRemove, onClose }: LinkDialogProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initialUrl);
  const [problem, setProblem] = useState<null | 'empty' | 'invalid'>(null);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const result = normalizeLinkInput(value);
    if (!result.ok) {
      setProblem(result.reason);
      return;
    }
    onApply(result.url);
  };

  return (
    <Dialog title={initialUrl ? t('link.editTitle') : t('link.insertTitle')} onClose={onClose} className="dialog-link">
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={inputId} className="field-label">
            {t('link.url')}
          </label>
          <input
            id={inputId}
            className="input"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            autoFocus
            placeholder={t('link.urlPlaceholder')}
            value={value}
            aria-invalid={problem !== null}
            aria-describedby={problem ? `${errorId} ${hintId}` : hintId}
            onChange={(e) => {
              setValue(e.target.value);
              setProblem(null);
            }}
          />
          <p id={hintId} className="field-hint">
            {t('link.urlHint')}
          </p>
          {problem && (
            <p id={errorId} className="field-error" role="alert">
              {problem === 'empty' ? t('link.empty') : t('link.invalid')}
            </p>
          )}
        </div>
        <div className="dialog-actions">
          {onRemove && (
            <button type="button" className="btn btn-ghost dialog-actions-start" onClick={onRemove}>
              {t('link.remove')}
            </button>
          )}
          <button type="button" className="btn" onClick={onClose}>
            {t('link.cancel')}
          </button>
          <button type="submit" className="btn btn-primary">
            {t('link.apply')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
