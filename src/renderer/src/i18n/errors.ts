/** Turns an AppErrorShape into a sentence in the user's language. */
import type { i18n as I18n } from 'i18next';
import { LIMITS } from '../../../shared/contract';
import type { AppErrorShape } from '../../../shared/errors';

const FIELD_LABELS: Record<string, { label: string; max: number }> = {
  title: { label: 'editor.title', max: LIMITS.titleLength },
  excerpt: { label: 'editor.excerpt', max: LIMITS.excerptLength },
};

type Translator = Pick<I18n, 't' | 'exists'>;

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
      if (issue.code !== 'validation' && hasMessage(i18n, issue.code)) return t(`errors.${issue.code}`, error.params ?? {});
      const field = FIELD_LABELS[issue.path.split('.')[0] ?? ''];
      if (field && issue.code === 'zod.too_big') return t('errors.field.tooLong', { field: t(field.label), max: field.max });
    }
  }
  if (hasMessage(i18n, error.code)) return t(`errors.${error.code}`, error.params ?? {});
  if (error.kind === 'network') return t('errors.network.offline');
  return error.message ? t('errors.genericWithDetail', { message: error.message }) : t('errors.generic');
}
