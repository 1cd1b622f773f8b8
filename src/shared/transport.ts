/**
 * What the two transports agree on with the renderer's client.
 *
 * Electron: the preload exposes `window.redaksi` (RedaksiBridge) through contextBridge.
 * Browser mode: the host on 127.0.0.1 serves the renderer and carries the same handlers over HTTP:
 *   POST {API_INVOKE_PATH}/<handler-name>   header TOKEN_HEADER: <token>, JSON body = input,
 *                                           answer = InvokeResult JSON (always HTTP 200 when the
 *                                           handler ran, 401/403/404/413 for transport refusals)
 *   GET  {API_EVENTS_PATH}?token=<token>     server-sent events: `event: <EventName>`, `data: <json>`
 * The page is opened as `http://127.0.0.1:<port>/?token=<token>`; the renderer keeps the token in
 * sessionStorage and removes it from the address bar.
 */
import type { EventName, Events, HandlerName, InvokeResult } from './contract';

export const API_INVOKE_PATH = '/api/invoke';
export const API_EVENTS_PATH = '/api/events';
export const TOKEN_HEADER = 'x-redaksi-token';
export const TOKEN_QUERY = 'token';

export interface RedaksiBridge {
  invoke(name: HandlerName, args: unknown): Promise<InvokeResult<unknown>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}

/**
 * Local photos reach the renderer without file:// URLs: in browser mode through a token-checked
 * route `GET {MEDIA_PATH}/<full|thumb>/<sha256>?token=<token>`, in Electron through the privileged
 * scheme `{MEDIA_PROTOCOL}://<full|thumb>/<sha256>`. Only hashes the media store knows are served.
 */
export const MEDIA_PATH = '/media';
export const MEDIA_PROTOCOL = 'redaksi-media';
export type MediaVariant = 'full' | 'thumb';

/** IPC channel names used by src/main and src/preload. */
export const IPC_INVOKE_CHANNEL = 'redaksi:invoke';
export const IPC_EVENT_CHANNEL = 'redaksi:event';
