/** i18next set up with both languages bundled: the app works offline, so nothing is fetched. */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiLanguage } from '../../../shared/newsroom-time';
import en from './locales/en.json';
import id from './locales/id.json';

export const resources = { id: { translation: id }, en: { translation: en } } as const;
export const DEFAULT_LANGUAGE: UiLanguage = 'id';

export async function initI18n(language: UiLanguage = DEFAULT_LANGUAGE): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: false,
    supportedLngs: ['id', 'en'],
    interpolation: { escapeValue: false }, // React escapes; double escaping would show "&amp;"
    returnNull: false,
    react: { useSuspense: false },
  });
  return instance;
}

/** The UI language i18next is in, as the app's own type (anything else counts as Indonesian). */
export function uiLanguage(language: string): UiLanguage {
  return language === 'en' ? 'en' : 'id';
}

/** Locale for Intl number formatting ("1.234" in Indonesian, "1,234" in English). */
export function numberLocale(language: string): string {
  return language === 'en' ? 'en-US' : 'id-ID';
}

const numberFormats = new Map<string, Intl.NumberFormat>();
export function formatNumber(n: number, language: string): string {
  const locale = numberLocale(language);
  let f = numberFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale);
    numberFormats.set(locale, f);
  }
  return f.format(n);
}
