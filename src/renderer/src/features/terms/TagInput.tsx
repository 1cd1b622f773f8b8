/**
 * Tags as chips: type a name and press Enter or a comma to add it, Backspace in the empty field
 * removes the last one. Known tags are offered as you type (ARIA combobox with a listbox).
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/contract';
import { Icon } from '../../ui/Icon';
import { addTags, removeTag, tagSuggestions, type AddTagsResult } from './tags';

interface TagInputProps {
  id: string;
  tags: readonly string[];
  known: readonly string[];
  disabled: boolean;
  describedBy?: string;
  onChange: (tags: string[]) => void;
  onFocus?: () => void;
}

export function TagInput({ id, tags, known, disabled, describedBy, onChange, onFocus }: TagInputProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  /** Said to screen readers; shown too when something typed was left out. */
  const [message, setMessage] = useState<{ text: string; visible: boolean }>({ text: '', visible: false });
  const listboxId = useId();
  const messageId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const suggestions = open && !disabled ? tagSuggestions(known, tags, text) : [];
  const full = tags.length >= LIMITS.tagsPerArticle;

  const explain = (result: AddTagsResult): void => {
    const skipped = result.skipped[0];
    if (skipped) {
      const max = skipped.reason === 'limit' ? LIMITS.tagsPerArticle : LIMITS.termNameLength;
      setMessage({ text: t(`terms.tagSkipped.${skipped.reason}`, { name: skipped.name, max }), visible: true });
    } else if (result.added.length > 0) {
      setMessage({ text: t('terms.tagAdded', { name: result.added.join(', ') }), visible: false });
    }
  };

  const add = (typed: string): void => {
    const result = addTags(tags, typed);
    explain(result);
    if (result.added.length > 0) onChange(result.tags);
    setText('');
    setActive(-1);
  };

  const remove = (name: string): void => {
    onChange(removeTag(tags, name));
    setMessage({ text: t('terms.tagRemoved', { name }), visible: false });
    inputRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(suggestions.length - 1, i + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(-1, i - 1));
    } else if (event.key === 'Enter') {
      const picked = active >= 0 ? suggestions[active] : undefined;
      if (picked !== undefined || text.trim() !== '') {
        event.preventDefault();
        add(picked ?? text);
      }
    } else if (event.key === ',') {
      event.preventDefault();
      if (text.trim() !== '') add(text);
    } else if (event.key === 'Backspace' && text === '' && tags.length > 0) {
      event.preventDefault();
      remove(tags[tags.length - 1]!);
    } else if (event.key === 'Escape' && open && suggestions.length > 0) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  const activeId = active >= 0 && active < suggestions.length ? `${listboxId}-${active}` : undefined;

  return (
    <>
    <div className={`chip-field${disabled ? ' is-disabled' : ''}`} onClick={(e) => e.target === e.currentTarget && inputRef.current?.focus()}>
      {tags.length > 0 && (
        <ul className="chip-list" aria-label={t('terms.tagsOfArticle')}>
          {tags.map((tag) => (
            <li key={tag} className="chip">
              <span className="chip-text">{tag}</span>
              {!disabled && (
                <button type="button" className="chip-remove" aria-label={t('terms.removeTag', { name: tag })} onClick={() => remove(tag)}>
                  <Icon name="close" size={14} />
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <input
        ref={inputRef}
        id={id}
        className="chip-input"
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={suggestions.length > 0}
        aria-controls={listboxId}
        aria-activedescendant={activeId}
        aria-describedby={[describedBy, messageId].filter(Boolean).join(' ')}
        maxLength={LIMITS.termNameLength * 4}
        disabled={disabled || full}
        placeholder={disabled ? undefined : full ? t('terms.tagsFull', { max: LIMITS.tagsPerArticle }) : t('terms.tagPlaceholder')}
        value={text}
        onFocus={() => {
          setOpen(true);
          onFocus?.();
        }}
        onBlur={() => {
          // Typed text is never lost: leaving the field adds it.
          if (text.trim() !== '') add(text);
          setOpen(false);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onChange={(e) => {
          const value = e.target.value;
          if (message.visible) setMessage({ text: '', visible: false });
          setOpen(true);
          setActive(-1);
          // A pasted "banjir, Tenggarong, BPBD" adds the finished names and keeps the last piece to edit.
          const cut = value.lastIndexOf(',');
          if (cut >= 0) {
            const result = addTags(tags, value.slice(0, cut));
            explain(result);
            if (result.added.length > 0) onChange(result.tags);
            setText(value.slice(cut + 1).trimStart());
          } else {
            setText(value);
          }
        }}
      />
      <ul id={listboxId} role="listbox" className="chip-suggestions" aria-label={t('terms.suggestions')} hidden={suggestions.length === 0}>
        {suggestions.map((name, index) => (
          <li
            key={name}
            id={`${listboxId}-${index}`}
            role="option"
            aria-selected={index === active}
            className="chip-suggestion"
            // Keep the focus in the field (a blur would add the half-typed text first).
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => add(name)}
          >
            {name}
          </li>
        ))}
      </ul>
    </div>
      <p id={messageId} className={message.visible ? 'field-hint chip-message' : 'visually-hidden'} aria-live="polite">
        {message.text}
      </p>
    </>
  );
}
