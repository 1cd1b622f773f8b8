import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMANDS, isCommandId } from '../../../shared/commands';
import type { AppErrorShape } from '../../../shared/errors';
import { errorShapeOf } from '../api';
import { Sidebar, type View } from '../features/articles/Sidebar';
import { EditorPane } from '../features/editor/EditorPane';
import { QueueScreen } from '../features/queue/QueueScreen';
import { CommandPalette } from '../features/commands/CommandPalette';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { Welcome } from '../features/welcome/Welcome';
import { SyncStatusBar } from '../features/sync/SyncStatusBar';
import { translateError } from '../i18n/errors';
import { Icon } from '../ui/Icon';
import { matchesShortcut, SHORTCUTS } from '../ui/shortcuts';
import { Toasts } from '../ui/Toasts';
import { useCommands } from './commands';
import { useServices, type Services } from './services';
import { useStore } from './store';
import { useRole } from './useRole';
import { applyTheme } from './theme';

/** The commands with a shortcut that work wherever the focus is (the editor's own are matched by the editor). */
const APP_SHORTCUT_COMMANDS = ['save', 'new-article', 'search', 'show-settings', 'command-palette'] as const;

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
  const { settings, workspace, i18n, client, commands } = services;
  const { t } = useTranslation();
  const current = useStore(settings.settings);
  const [boot, setBoot] = useState<Boot>({ status: 'loading' });
  const [view, setView] = useState<View>('articles');
  const [paletteOpen, setPaletteOpen] = useState(false);
  const role = useRole();
  const searchRef = useRef<HTMLInputElement>(null);
  const slot = useStore(workspace.slot);
  // The queue is for editors: after switching to the writer role it gives way to the articles.
  const shownView: View = view === 'queue' && role !== 'editor' ? 'articles' : view;
  const editorOpen = shownView === 'articles' && slot.status === 'ready';
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
      // On the first run the welcome opens a new article once it is done.
      if (result.status === 'ready') {
        if (services.settings.settings.get()?.onboarded) void services.workspace.openNewest();
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

  // The sync leaves the open article's text alone only while the editor is on screen.
  const editorShown = shownView === 'articles';
  useEffect(() => services.sync.showEditor(editorShown), [services, editorShown]);

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

  // What the application menu and the command palette can run from here; editor commands register themselves.
  const onboarded = current?.onboarded ?? false;
  const isEditor = current?.role === 'editor';
  const appCommands = useMemo(
    () => ({
      'new-article': () => {
        setView('articles');
        void workspace.create();
      },
      save: () => void workspace.session()?.flush(), // saving is automatic; this only saves at once
      search: () => {
        setView('articles');
        requestAnimationFrame(() => searchRef.current?.focus());
      },
      'show-articles': () => setView('articles'),
      ...(isEditor ? { 'show-queue': () => setView('queue') } : {}),
      'show-settings': () => setView('settings'),
      'command-palette': () => setPaletteOpen(true),
    }),
    [workspace, isEditor],
  );
  useCommands(appCommands, onboarded);

  useEffect(
    () =>
      client.on('menu-command', ({ command }) => {
        if (isCommandId(command)) commands.run(command);
      }),
    [client, commands],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      for (const id of APP_SHORTCUT_COMMANDS) {
        if (!matchesShortcut(event, SHORTCUTS[COMMANDS[id].shortcut])) continue;
        if (id === 'command-palette' && document.querySelector('dialog[open]')) return; // one dialog at a time
        // Ctrl+S out of habit included: the browser's "save page" would only confuse.
        if (commands.run(id)) event.preventDefault();
        return;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [commands]);

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

  if (!current.onboarded) {
    return (
      <>
        <Welcome onDone={() => setView('articles')} />
        <Toasts />
      </>
    );
  }

  return (
    <div className="app">
      {/* To the title when an article is open, else to the screen itself: a skip link must land somewhere. */}
      <a className="skip-link" href={editorOpen ? '#editor-title' : '#main'}>
        {editorOpen ? t('app.skipToEditor') : t('app.skipToMain')}
      </a>
      <Sidebar view={shownView} onView={setView} searchRef={searchRef} />
      <main className="main" id="main" tabIndex={-1}>
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
      {paletteOpen && <CommandPalette onClose={() => setPaletteOpen(false)} />}
      <SyncStatusBar onOpenSettings={() => setView('settings')} onOpenArticle={openFromQueue} />
      <Toasts />
    </div>
  );
}
