/** Electron: the preload exposes a typed bridge on `window.redaksi`; no Node reaches the page. */
import type { HandlerName, InvokeResult } from '../../../shared/contract';
import { isAppErrorShape } from '../../../shared/errors';
import { MEDIA_PROTOCOL, type MediaVariant, type RedaksiBridge } from '../../../shared/transport';
import { ClientError, type Transport } from './client';

export function createElectronTransport(bridge: RedaksiBridge): Transport {
  return {
    name: 'electron',
    async call(name: HandlerName, args: unknown): Promise<InvokeResult<unknown>> {
      let result: InvokeResult<unknown>;
      try {
        result = await bridge.invoke(name, args);
      } catch (err) {
        // ipcRenderer.invoke rejects only when the main process could not answer at all.
        throw new ClientError({
          kind: 'internal',
          code: 'internal',
          message: err instanceof Error ? err.message : 'IPC call failed',
          retryable: true,
        });
      }
      if (result && typeof result === 'object' && 'ok' in result) {
        if (result.ok || isAppErrorShape(result.error)) return result;
      }
      throw new ClientError({ kind: 'internal', code: 'internal', message: 'Malformed answer from the backend', retryable: false });
    },
    on: (event, listener) => bridge.on(event, listener),
    // The shell serves the media store under its own privileged scheme (no file:// URLs).
    mediaUrl: (variant: MediaVariant, hash: string) => `${MEDIA_PROTOCOL}://${variant}/${hash}`,
  };
}
