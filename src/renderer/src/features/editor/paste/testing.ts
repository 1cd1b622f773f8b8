/**
 * For the tests beside this file: a headless editor like the article's, and a happy-dom that stays
 * offline. happy-dom, unlike a browser, loads the iframes of a parsed document; the fixtures contain
 * some. Child frames that may not navigate stay blank without a word (refusing to load them at all
 * logs an error for each).
 */
import { createHeadlessEditor } from '@lexical/headless';
import type { LexicalEditor } from 'lexical';
import { EDITOR_NODES } from '../nodes';

/** An editor with the article's namespace and nodes; any error fails the test. */
export function newArticleEditor(): LexicalEditor {
  return createHeadlessEditor({
    namespace: 'redaksi-article',
    nodes: [...EDITOR_NODES],
    onError: (error) => {
      throw error;
    },
  });
}

export function keepHappyDomOffline(): void {
  const settings = (window as unknown as { happyDOM?: { settings: { navigation: Record<string, boolean> } & Record<string, unknown> } }).happyDOM?.settings;
  if (!settings) return;
  settings.navigation.disableChildFrameNavigation = true;
  Object.assign(settings, { disableJavaScriptFileLoading: true, disableCSSFileLoading: true, handleDisabledFileLoadingAsSuccess: true });
}
