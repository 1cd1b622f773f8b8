/**
 * The local list of categories or tags, fetched when a control needs it. Controls call `reload` when
 * they take focus, so terms added in another window show up without polling on every autosave; and
 * the list is fetched again after every sync, which brings in the portal's categories (one added on
 * the portal appears in the open article's Kategori list without navigating).
 */
import { useCallback, useEffect, useState } from 'react';
import type { Term } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/errors';
import { errorShapeOf } from '../../api';
import { useServices } from '../../app/services';
import { useStore } from '../../app/store';

export interface TermsState {
  terms: readonly Term[] | null;
  error: AppErrorShape | null;
  reload: () => Promise<void>;
}

export function useTerms(taxonomy: Term['taxonomy']): TermsState {
  const { client, sync } = useServices();
  const lastSyncAt = useStore(sync.status).value?.lastSyncAt ?? null;
  const [state, setState] = useState<{ terms: readonly Term[] | null; error: AppErrorShape | null }>({ terms: null, error: null });

  const reload = useCallback(async () => {
    try {
      const terms = await client.invoke('terms-list', { taxonomy });
      setState({ terms, error: null });
    } catch (err) {
      setState((prev) => ({ terms: prev.terms, error: errorShapeOf(err) }));
    }
  }, [client, taxonomy]);

  useEffect(() => {
    let live = true;
    client.invoke('terms-list', { taxonomy }).then(
      (terms) => live && setState({ terms, error: null }),
      (err: unknown) => live && setState((prev) => ({ terms: prev.terms, error: errorShapeOf(err) })),
    );
    return () => {
      live = false;
    };
  }, [client, taxonomy, lastSyncAt]);

  return { ...state, reload };
}
