/** The publish queue from the backend, refreshed when articles change and as the clock moves on. */
import { useEffect, useRef, useState } from 'react';
import type { QueueItem } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/errors';
import { errorShapeOf } from '../../api';
import { useServices } from '../../app/services';

const REFRESH_DELAY_MS = 300;

export interface QueueState {
  items: readonly QueueItem[] | null;
  error: AppErrorShape | null;
}

export function useQueue(): QueueState & { reload: () => void } {
  const { client } = useServices();
  const [state, setState] = useState<QueueState>({ items: null, error: null });
  const seq = useRef(0);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let closed = false;
    // Only the newest answer counts: an older, slower one must not replace it.
    const load = (): void => {
      const mine = ++seq.current;
      const current = (): boolean => !closed && mine === seq.current;
      client.invoke('queue-list', {}).then(
        (items) => current() && setState({ items, error: null }),
        (err: unknown) => current() && setState((prev) => ({ ...prev, error: errorShapeOf(err) })),
      );
    };
    load();
    // Autosaves also report changes; a short pause folds a burst of them into one fetch.
    const off = client.on('articles-changed', () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(load, REFRESH_DELAY_MS);
    });
    const offConnection = client.onConnection((c) => c === 'online' && load());
    return () => {
      off();
      offConnection();
      if (timer) clearTimeout(timer);
      closed = true;
    };
  }, [client, reloads]);

  return { ...state, reload: () => setReloads((n) => n + 1) };
}
