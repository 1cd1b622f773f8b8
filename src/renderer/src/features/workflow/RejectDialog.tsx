/** "Tolak": the editor must say why; the note is what the writer reads on the article. */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/contract';
import { Dialog } from '../../ui/Dialog';

interface RejectDialogProps {
  title: string;
  busy: boolean;
  onReject: (note: string) => void;
  onClose: () => void;
}

export function RejectDialog({ title, busy, onReject, onClose }: RejectDialogProps) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const fieldId = useId();
  const hintId = useId();
  const errorId = useId();

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (busy) return;
    if (note.trim() === '') {
      setMissing(true);
      return;
    }
    onReject(note.trim());
  };

  return (
    <Dialog title={t('workflow.reject.title')} onClose={onClose} className="dialog-reject">
      <form onSubmit={submit} noValidate className="dialog-form">
        <p className="dialog-text">{t('workflow.reject.intro', { title: title || t('articles.untitled') })}</p>
        <div className="field">
          <label htmlFor={fieldId} className="field-label">
            {t('workflow.reject.note')}
          </label>
          <textarea
            id={fieldId}
            className="input textarea"
            rows={5}
            required
            autoFocus
            maxLength={LIMITS.noteLength}
            value={note}
            lang="id"
            spellCheck
            aria-invalid={missing}
            aria-describedby={missing ? `${errorId} ${hintId}` : hintId}
            onChange={(e) => {
              setNote(e.target.value);
              setMissing(false);
            }}
          />
          <p id={hintId} className="field-hint">
            {t('workflow.reject.hint')}
          </p>
          {missing && (
            <p id={errorId} className="field-error" role="alert">
              {t('errors.workflow.noteRequired')}
            </p>
          )}
        </div>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('articles.cancel')}
          </button>
          <button type="submit" className="btn btn-danger" aria-disabled={busy}>
            {t('workflow.reject.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
