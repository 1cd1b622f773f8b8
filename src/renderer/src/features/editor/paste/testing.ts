/**
 * For the tests beside this file. happy-dom, unlike a browser, loads the iframes of a parsed
 * document; the fixtures contain some, and the tests must stay offline. Child frames that may not
 * navigate stay blank without a word (refusing to load them at all logs an error for each).
 */
export function keepHappyDomOffline(): void {
  const settings = (window as unknown as { happyDOM?: { settings: { navigation: Record<string, boolean> } & Record<string, unknown> } }).happyDOM?.settings;
  if (!settings) return;
  settings.navigation.disableChildFrameNavigation = true;
  Object.assign(settings, { disableJavaScriptFileLoading: true, disableCSSFileLoading: true, handleDisabledFileLoadingAsSuccess: true });
}
