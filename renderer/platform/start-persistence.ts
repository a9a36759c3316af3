import { IpcPersistence } from '../../shared/ipc/ipc-persistence';
import { IdbPersistence, openUpdateStore } from '../sync/idb-persistence';
import { desktopApi } from './desktop-api';
import type { PersistenceFactory } from './document-persistence';

/**
 * Chooses, once at start, where this computer keeps the documents: the desktop store (SQLite in the
 * main process, through window.penholder) when the app runs on the desktop, else IndexedDB; null when
 * neither is available (the page then works online only, and says so in the console).
 */
export async function startPersistence(onStoreError: (error: unknown) => void = (error) => console.error('the desktop store refused an update', error)): Promise<PersistenceFactory | null> {
  const api = desktopApi();
  if (api) return (name, doc, isRemote) => new IpcPersistence(api, name, doc, isRemote, onStoreError);
  const db = await openUpdateStore().catch((error: unknown) => {
    console.warn('IndexedDB is not available: work is not kept offline', error);
    return null;
  });
  return db ? (name, doc) => new IdbPersistence(db, name, doc) : null;
}
