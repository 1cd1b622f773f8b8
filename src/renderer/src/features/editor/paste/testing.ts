/**
 * For the tests beside this file. happy-dom, unlike a browser, fetches the iframes of a parsed
 * document; the fixtures contain some, and the tests must stay offline (and quiet about it).
 */
import { vi } from 'vitest';

export function keepHappyDomOffline(): void {
  const settings = (window as unknown as { happyDOM?: { settings: Record<string, unknown> } }).happyDOM?.settings;
  if (settings) {
    Object.assign(settings, {
      disableIframePageLoading: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
    });
  }
  const report = console.error.bind(console);
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).includes('Iframe page loading is disabled')) report(...args);
  });
}
