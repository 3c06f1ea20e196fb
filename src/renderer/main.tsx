import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectHost } from './api/host';
import { App } from './components/App';
import { HostContext } from './host-context';
import { initI18n, languageFor } from './i18n/i18n';
import { usePreferences } from './store/preferences';
import { useVault } from './store/vault-store';
import { warmFormatters } from './warm-up';
import './styles/app.css';
import './styles/timeline.css';
import './styles/media.css';
import './styles/navigation.css';
import './styles/imports.css';
import './styles/search.css';

async function start(): Promise<void> {
  const rootElement = document.getElementById('root');
  if (rootElement === null) throw new Error('index.html has no #root');
  const choice = usePreferences.getState().language;
  const i18n = await initI18n(choice === 'system' ? languageFor(navigator.language) : choice);
  const root = createRoot(rootElement);
  rootElement.textContent = i18n.t('app.loading');

  let host;
  try {
    host = await connectHost();
  } catch (error) {
    rootElement.textContent = i18n.t('connection.failed', {
      message: error instanceof Error ? error.message : String(error),
    });
    return;
  }
  const vault = useVault.getState();
  host.api.subscribe((event) => useVault.getState().apply(event, host.api));
  host.onConnectionLost(() => useVault.getState().setConnection('lost'));
  try {
    await vault.load(host.api);
  } catch (error) {
    vault.notify(
      i18n.t('connection.failed', {
        message: error instanceof Error ? error.message : String(error),
      }),
    );
  }
  root.render(
    <StrictMode>
      <HostContext.Provider value={host}>
        <App />
      </HostContext.Provider>
    </StrictMode>,
  );
  // Once the list is up and nothing else is to be done: what opening a conversation will need.
  requestIdleCallback(() => warmFormatters(i18n), { timeout: 2000 });
}

void start();
