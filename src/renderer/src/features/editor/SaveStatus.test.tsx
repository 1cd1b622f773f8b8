// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppErrorShape } from '../../../../shared/errors';
import { Store } from '../../app/store';
import { fakeClient } from '../../testing/fake-client';
import { allByRole, byRole, click, during, render, text, type Rendered } from '../../testing/render';
import type { SaveState } from '../autosave/autosave-scheduler';
import type { ArticleSession, SessionNotice } from './article-session';
import { MOVED_HINT_AFTER_FAILURES, NoticeBar } from './SaveStatus';

const offline: AppErrorShape = { kind: 'network', code: 'network.offline', message: 'Failed to fetch', retryable: true };
const refused: AppErrorShape = { kind: 'auth', code: 'auth.session', message: 'HTTP 401', retryable: false };
const COPY = 'Banjir di Tenggarong\n\nSungai Mahakam meluap pagi ini.';

/** Only what the bar reads: the save state, the notice, flush and the text to copy. */
function sessionIn(state: SaveState) {
  const saveState = new Store<SaveState>(state);
  const flush = vi.fn(async () => false);
  const session = {
    notice: new Store<SessionNotice>(null),
    scheduler: { getState: saveState.get, subscribe: saveState.subscribe },
    flush,
    textForCopy: () => COPY,
  } as unknown as ArticleSession;
  return { session, saveState, flush };
}

const buttons = (container: HTMLElement) => allByRole(container, 'button').map(text);

let view: Rendered | null = null;
afterEach(async () => {
  await view?.unmount();
  view = null;
  vi.unstubAllGlobals();
});

describe('the bar above the editor when a save fails', () => {
  it('offline for a moment: says it retries by itself and offers saving now, nothing more', async () => {
    const { session, flush } = sessionIn({ phase: 'error', error: offline, retrying: true, failures: 1 });
    view = await render(<NoticeBar session={session} />, fakeClient());
    expect(text(view.container)).toContain('Redaksi mencoba menyimpan lagi secara otomatis.');
    expect(text(view.container)).not.toContain('alamat lain');
    expect(buttons(view.container)).toEqual(['Simpan sekarang']);
    await click(byRole(view.container, 'button', 'Simpan sekarang'));
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('unreachable for long in browser mode: explains the other-address case and offers copying the text', async () => {
    const { session, saveState } = sessionIn({ phase: 'error', error: offline, retrying: true, failures: MOVED_HINT_AFTER_FAILURES - 1 });
    view = await render(<NoticeBar session={session} />, fakeClient());
    expect(buttons(view.container)).toEqual(['Simpan sekarang']);
    await during(() => saveState.set({ phase: 'error', error: offline, retrying: true, failures: MOVED_HINT_AFTER_FAILURES }));
    expect(text(view.container)).toContain('Redaksi memakai alamat lain yang tidak dapat dijangkau tab ini. Jangan tutup tab ini');
    expect(buttons(view.container)).toEqual(['Simpan sekarang', 'Salin tulisan']);

    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    await click(byRole(view.container, 'button', 'Salin tulisan'));
    expect(writeText).toHaveBeenCalledWith(COPY);
    expect(view.services.toasts.items.get().map((toast) => toast.tone)).toEqual(['info']);
  });

  it('never suggests another address in the desktop app, where the backend cannot move', async () => {
    const { session } = sessionIn({ phase: 'error', error: offline, retrying: true, failures: 50 });
    view = await render(<NoticeBar session={session} />, fakeClient({ transport: 'electron' }));
    expect(text(view.container)).not.toContain('alamat lain');
    expect(buttons(view.container)).toEqual(['Simpan sekarang']);
  });

  it('a refused token: no "Simpan sekarang" that cannot work; says what to do and offers copying first', async () => {
    const { session } = sessionIn({ phase: 'error', error: refused, retrying: false, failures: 1 });
    view = await render(<NoticeBar session={session} />, fakeClient(), { language: 'en' });
    expect(text(view.container)).toContain('This tab cannot save any more. Unsaved text is still on screen: copy it first');
    expect(buttons(view.container)).toEqual(['Copy the text']);
  });

  it('says how to copy by hand when the clipboard refuses', async () => {
    const { session } = sessionIn({ phase: 'error', error: refused, retrying: false, failures: 1 });
    view = await render(<NoticeBar session={session} />, fakeClient());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: async () => Promise.reject(new Error('NotAllowedError')) } });
    await click(byRole(view.container, 'button', 'Salin tulisan'));
    const [toast] = view.services.toasts.items.get();
    expect(toast?.tone).toBe('error');
    expect(toast?.text(view.services.i18n.t)).toContain('tekan Ctrl+A lalu Ctrl+C');
  });
});
