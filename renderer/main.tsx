import { createRoot } from 'react-dom/client';
import { parseJoinLink } from './session/join-link';
import { openUpdateStore } from './sync/idb-persistence';
import { App } from './ui/App';

/** Starts the renderer: the offline shell, the local store of documents, then the interface. */
async function start(): Promise<void> {
  if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
    navigator.serviceWorker.register('./sw.js').catch((error: unknown) => console.warn('the offline shell is not available', error));
  }
  const db = await openUpdateStore().catch((error: unknown) => {
    console.warn('IndexedDB is not available: work is not kept offline', error);
    return null;
  });
  const initialLink = location.pathname.endsWith('/join') ? parseJoinLink(location.href) : null;
  createRoot(document.getElementById('root')!).render(<App db={db} initialLink={initialLink} />);
}

void start();
