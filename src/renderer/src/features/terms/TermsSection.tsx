/**
 * "Kategori" and "Tag" in the article's side panel. Changes are sent at once (one request at a time,
 * the newest choice last); they do not count as edits of the text, so the article's version stays.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/contract';
import { errorShapeOf } from '../../api';
import { useServices } from '../../app/services';
import { translateError } from '../../i18n/errors';
import { Icon } from '../../ui/Icon';
import type { ArticleSession } from '../editor/article-session';
import { useApplySummary, useCanEdit } from '../workflow/article-meta';
import { TagInput } from './TagInput';
import { useTerms } from './use-terms';

interface TermsChoice {
  categoryId: string | null;
  tags: string[];
}

/** Sends choices one at a time; while one is on its way only the newest waiting choice is kept. */
function useTermsSaver(session: ArticleSession) {
  const { client, workspace } = useServices();
  const applySummary = useApplySummary(session);
  const [shown, setShown] = useState<TermsChoice | null>(null);
  const waiting = useRef<TermsChoice | null>(null);
  const sending = useRef(false);

  const save = async (choice: TermsChoice): Promise<void> => {
    setShown(choice);
    waiting.current = choice;
    if (sending.current) return;
    sending.current = true;
    while (waiting.current) {
      const next = waiting.current;
      waiting.current = null;
      try {
        applySummary(await client.invoke('articles-set-terms', { id: session.id, ...next }));
      } catch (err) {
        workspace.showError(err);
      }
    }
    sending.current = false;
    // Show what the backend holds again (the last answer, or the state before a refused change).
    setShown(null);
  };
  return { shown, save };
}

function NewCategoryForm({ onCreated, onCancel }: { onCreated: (id: string) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const { client } = useServices();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const errorId = useId();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (name.trim() === '') {
      setProblem(t('terms.categoryNameEmpty'));
      return;
    }
    setBusy(true);
    try {
      const term = await client.invoke('terms-create', { taxonomy: 'category', name: name.trim() });
      onCreated(term.id);
    } catch (err) {
      setProblem(translateError(i18n, errorShapeOf(err)));
      setBusy(false);
    }
  };

  return (
    <form
      className="new-term-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <label htmlFor={inputId} className="field-label field-label-small">
        {t('terms.newCategoryName')}
      </label>
      <input
        id={inputId}
        className="input"
        type="text"
        autoFocus
        maxLength={LIMITS.termNameLength}
        value={name}
        aria-invalid={problem !== null}
        aria-describedby={problem ? errorId : undefined}
        onChange={(e) => {
          setName(e.target.value);
          setProblem(null);
        }}
      />
      {problem && (
        <p id={errorId} className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="new-term-actions">
        <button type="button" className="btn btn-small" onClick={onCancel}>
          {t('articles.cancel')}
        </button>
        <button type="submit" className="btn btn-small btn-primary" disabled={busy}>
          {t('terms.addCategory')}
        </button>
      </div>
    </form>
  );
}

export function TermsSection({ session }: { session: ArticleSession }) {
  const { t, i18n } = useTranslation();
  const { editable, summary } = useCanEdit(session);
  const categories = useTerms('category');
  const knownTags = useTerms('tag');
  const { shown, save } = useTermsSaver(session);
  const [adding, setAdding] = useState(false);
  const headingId = useId();
  const categoryId = useId();
  const tagsId = useId();
  const tagsHintId = useId();
  const addButtonRef = useRef<HTMLButtonElement>(null);

  const current: TermsChoice = shown ?? { categoryId: summary.categoryId, tags: summary.tags };
  // A category the list does not know yet (just made in another window) still shows by its id until reloaded.
  const known = categories.terms ?? [];

  return (
    <section className="panel-section terms-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel-heading">
        {t('terms.heading')}
      </h2>
      <div className="field">
        <label htmlFor={categoryId} className="field-label">
          {t('terms.category')}
        </label>
        <select
          id={categoryId}
          className="select"
          value={current.categoryId ?? ''}
          disabled={!editable}
          onFocus={() => void categories.reload()}
          onChange={(e) => void save({ ...current, categoryId: e.target.value || null })}
        >
          <option value="">{t('terms.noCategory')}</option>
          {known.map((term) => (
            <option key={term.id} value={term.id}>
              {term.name}
            </option>
          ))}
          {current.categoryId !== null && !known.some((term) => term.id === current.categoryId) && (
            <option value={current.categoryId}>{categories.terms === null ? t('terms.loading') : t('terms.unknownCategory')}</option>
          )}
        </select>
        {categories.error && <p className="field-error">{translateError(i18n, categories.error)}</p>}
        {editable &&
          (adding ? (
            <NewCategoryForm
              onCancel={() => {
                setAdding(false);
                requestAnimationFrame(() => addButtonRef.current?.focus());
              }}
              onCreated={(id) => {
                setAdding(false);
                void categories.reload().then(() => save({ ...current, categoryId: id }));
                requestAnimationFrame(() => document.getElementById(categoryId)?.focus());
              }}
            />
          ) : (
            <button ref={addButtonRef} type="button" className="btn btn-quiet btn-small new-term-btn" onClick={() => setAdding(true)}>
              <Icon name="plus" size={16} />
              <span>{t('terms.newCategory')}</span>
            </button>
          ))}
      </div>
      <div className="field">
        <label htmlFor={tagsId} className="field-label">
          {t('terms.tags')}
        </label>
        <TagInput
          id={tagsId}
          tags={current.tags}
          known={(knownTags.terms ?? []).map((term) => term.name)}
          disabled={!editable}
          describedBy={tagsHintId}
          onFocus={() => void knownTags.reload()}
          onChange={(tags) => void save({ ...current, tags })}
        />
        <p id={tagsHintId} className="field-hint">
          {editable ? t('terms.tagsHint') : current.tags.length === 0 ? t('terms.noTags') : ''}
        </p>
      </div>
    </section>
  );
}
