/** Picks the wire once at start: the Electron bridge when the preload provided one, HTTP otherwise. */
import { createClient, type ApiClient } from './client';
import { createElectronTransport } from './electron-transport';
import { createHttpTransport, takeToken } from './http-transport';

export { ClientError, errorShapeOf, type ApiClient, type Connection } from './client';

export function createDefaultClient(): ApiClient {
  if (window.redaksi) return createClient(createElectronTransport(window.redaksi));
  let storage: Storage | null = null;
  try {
    storage = window.sessionStorage;
  } catch {
    storage = null;
  }
  const token = takeToken({
    href: window.location.href,
    replaceUrl: (url) => window.history.replaceState(window.history.state, '', url),
    storage,
  });
  return createClient(
    createHttpTransport({
      token,
      fetch: window.fetch.bind(window),
      EventSource: typeof window.EventSource === 'function' ? window.EventSource : undefined,
    }),
  );
}
