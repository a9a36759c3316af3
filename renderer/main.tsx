import { createRoot } from 'react-dom/client';
import { parseJoinLink } from './session/join-link';
import { startSessionKeeper } from './platform/session-keeper';
import { startPersistence } from './platform/start-persistence';
import { App } from './ui/App';

/** Starts the renderer: the offline shell, where documents are kept (the desktop store or IndexedDB), then the interface. */
async function start(): Promise<void> {
  if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
    navigator.serviceWorker.register('./sw.js').catch((error: unknown) => console.warn('the offline shell is not available', error));
  }
  const [persistence, sessions] = await Promise.all([startPersistence(), startSessionKeeper()]);
  const initialLink = location.pathname.endsWith('/join') ? parseJoinLink(location.href) : null;
  createRoot(document.getElementById('root')!).render(<App persistence={persistence} sessions={sessions} initialLink={initialLink} />);
}

void start();
