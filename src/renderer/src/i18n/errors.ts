/** Turns an AppErrorShape into a sentence in the user's language. */
import type { i18n as I18n } from 'i18next';
import { LIMITS } from '../../../shared/contract';
import type { AppErrorShape } from '../../../shared/errors';

const FIELD_LABELS: Record<string, { label: string; max: number }> = {
  title: { label: 'editor.title', max: LIMITS.titleLength },
  excerpt: { label: 'editor.excerpt', max: LIMITS.excerptLength },
};

type Translator = Pick<I18n, 't' | 'exists'>;

/**
 * Placeholders a message needs that the error may not carry: a refusal from input validation has
 * no params, and a pixel-limit refusal from the decoder does not know the photo's size.
 */
function messageFor(code: string, params: AppErrorShape['params']): { code: string; params: Record<string, string | number> } {
  const values: Record<string, string | number> = { ...params };
  if (code === 'media.fileTooLarge') values.limit ??= Math.floor(LIMITS.photoBytes / 1024 / 1024);
  if (code === 'media.tooManyPixels' && !(Number(values.megapixels) > 0)) return { code: 'media.tooManyPixelsUnsized', params: values };
  return { code, params: values };
}

/** True when `errors.<code>` is a sentence (not a group such as `errors.body`). */
function hasMessage(i18n: Translator, code: string): boolean {
  const key = `errors.${code}`;
  return i18n.exists(key) && typeof i18n.t(key, { returnObjects: true }) === 'string';
}

export function translateError(i18n: Translator, error: AppErrorShape): string {
  const { t } = i18n;
  if (error.code === 'validation' && error.issues?.length) {
    // The first issue that says more than "invalid input" wins: a bad link, an over-long title…
    for (const issue of error.issues) {
      if (issue.code !== 'validation' && hasMessage(i18n, issue.code)) {
        const message = messageFor(issue.code, error.params);
        return t(`errors.${message.code}`, message.params);
      }
      const field = FIELD_LABELS[issue.path.split('.')[0] ?? ''];
      if (field && issue.code === 'zod.too_big') return t('errors.field.tooLong', { field: t(field.label), max: field.max });
    }
  }
  if (hasMessage(i18n, error.code)) {
    const message = messageFor(error.code, error.params);
    return t(`errors.${message.code}`, message.params);
  }
  if (error.kind === 'network') return t('errors.network.offline');
  return error.message ? t('errors.genericWithDetail', { message: error.message }) : t('errors.generic');
}
