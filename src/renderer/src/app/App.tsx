import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../shared/errors';
import { errorShapeOf } from '../api';
import { Sidebar, type View } from '../features/articles/Sidebar';
import { EditorPane } from '../features/editor/EditorPane';
import { QueueScreen } from '../features/queue/QueueScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { SyncStatusBar } from '../features/sync/SyncStatusBar';
import { translateError } from '../i18n/errors';
import { Icon } from '../ui/Icon';
import { matchesShortcut, SHORTCUTS } from '../ui/shortcuts';
import { Toasts } from '../ui/Toasts';
import { useServices, type Services } from './services';
import { useStore } from './store';
import { useRole } from './useRole';
import { applyTheme } from './theme';

type Boot = { status: 'loading' } | { status: 'ready' } | { status: 'failed'; error: AppErrorShape };

/** Settings first: they decide the language and theme of everything else. */
async function loadSettings({ settings, i18n }: Services): Promise<Boot> {
  try {
    const loaded = await settings.load();
    await i18n.changeLanguage(loaded.language);
    return { status: 'ready' };
  } catch (err) {
    return { status: 'failed', error: errorShapeOf(err) };
  }
}

export function App() {
  const services = useServices();
  const { settings, workspace, i18n, client } = services;
  const { t } = useTranslation();
  const current = useStore(settings.settings);
  const [boot, setBoot] = useState<Boot>({ status: 'loading' });
  const [view, setView] = useState<View>('articles');
  const role = useRole();
  const searchRef = useRef<HTMLInputElement>(null);
  // The queue is for editors: after switching to the writer role it gives way to the articles.
  const shownView: View = view === 'queue' && role !== 'editor' ? 'articles' : view;
  const openFromQueue = useCallback(
    (id: string) => {
      setView('articles');
      void workspace.open(id);
    },
    [workspace],
  );

  const start = useCallback(() => {
    let live = true;
    void loadSettings(services).then((result) => {
      if (!live) return;
      setBoot(result);
      if (result.status === 'ready') {
        void services.workspace.openNewest();
        void services.sync.load();
      }
    });
    return () => {
      live = false;
    };
  }, [services]);

  useEffect(() => start(), [start]);

  const language = current?.language;
  useEffect(() => {
    if (!language) return;
    document.documentElement.lang = language;
    if (i18n.language !== language) void i18n.changeLanguage(language);
  }, [language, i18n]);

  const theme = current?.theme;
  useEffect(() => (theme ? applyTheme(theme) : undefined), [theme]);

  // Save before the window loses attention: switching apps, hiding the tab, closing the laptop lid.
  useEffect(() => {
    const flush = (): void => void workspace.session()?.flush();
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') flush();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      flush();
      // In a browser tab, warn before closing with unsaved text. (Electron would block the close silently.)
      if (client.transport === 'web' && workspace.session()?.scheduler.hasUnsavedChanges()) event.preventDefault();
    };
    window.addEventListener('blur', flush);
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('blur', flush);
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [workspace, client]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (matchesShortcut(event, SHORTCUTS.save)) {
        event.preventDefault(); // people press Ctrl+S out of habit; saving is automatic, so just save now
        void workspace.session()?.flush();
      } else if (matchesShortcut(event, SHORTCUTS.newArticle)) {
        event.preventDefault();
        setView('articles');
        void workspace.create();
      } else if (matchesShortcut(event, SHORTCUTS.search)) {
        event.preventDefault();
        setView('articles');
        requestAnimationFrame(() => searchRef.current?.focus());
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [workspace]);

  if (boot.status !== 'ready' || !current) {
    return (
      <div className="boot">
        <span className="brand-mark brand-mark-large" aria-hidden="true">
          R
        </span>
        {boot.status === 'failed' ? (
          <div className="boot-failed" role="alert">
            <h1>{t('app.bootFailed')}</h1>
            <p>{translateError(i18n, boot.error)}</p>
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => {
                setBoot({ status: 'loading' });
                void start();
              }}
            >
              {boot.error.kind === 'network' && <Icon name="offline" />}
              <span>{t('app.retry')}</span>
            </button>
          </div>
        ) : (
          <p className="boot-loading delayed-fade">{t('app.loading')}</p>
        )}
      </div>
    );
  }

  return (
    <div className="app">
      <a className="skip-link" href="#editor-title">
        {t('app.skipToEditor')}
      </a>
      <Sidebar view={shownView} onView={setView} searchRef={searchRef} />
      <main className="main">
        {shownView === 'settings' ? (
          <SettingsScreen />
        ) : shownView === 'queue' ? (
          <QueueScreen onOpen={openFromQueue} />
        ) : (
          <>
            <h1 className="visually-hidden">{t('nav.articles')}</h1>
            <EditorPane />
          </>
        )}
      </main>
      <SyncStatusBar onOpenSettings={() => setView('settings')} onOpenArticle={openFromQueue} />
      <Toasts />
    </div>
  );
}
