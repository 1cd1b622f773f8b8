import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createDefaultClient } from './api';
import { App } from './app/App';
import { createServices } from './app/create-services';
import { ServicesProvider } from './app/services';
import { applyInitialTheme } from './app/theme';
import { initI18n } from './i18n';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/editor.css';
import './styles/workflow.css';
import './styles/photos.css';
import './styles/sync.css';

async function start(): Promise<void> {
  applyInitialTheme();
  const client = createDefaultClient();
  const i18n = await initI18n();
  const services = createServices(client, i18n);
  const container = document.getElementById('root');
  if (!container) throw new Error('#root missing');
  createRoot(container).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ServicesProvider services={services}>
          <App />
        </ServicesProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

void start();
