/** Puts the resolved theme on <html data-theme>; "Ikuti sistem" follows prefers-color-scheme live. */
import type { ThemePreference } from '../../../shared/domain';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function systemTheme(): 'light' | 'dark' {
  return window.matchMedia?.(DARK_QUERY).matches ? 'dark' : 'light';
}

function setTheme(theme: 'light' | 'dark'): void {
  document.documentElement.dataset.theme = theme;
}

/** Applies a preference; returns a function that stops following the system. */
export function applyTheme(preference: ThemePreference): () => void {
  if (preference !== 'system') {
    setTheme(preference);
    return () => undefined;
  }
  setTheme(systemTheme());
  const query = window.matchMedia?.(DARK_QUERY);
  if (!query) return () => undefined;
  const onChange = (): void => setTheme(query.matches ? 'dark' : 'light');
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** Before settings arrive: follow the system so the first paint does not flash. */
export function applyInitialTheme(): void {
  setTheme(systemTheme());
}
