import { InvitationStore } from '../invitation-store';
import { dataDirError } from './data-dir-error';
import { openDatabase, type Synchronous } from './open-database';
import { MIN_FREE_BYTES, SqliteWorkerStore, type StoreHealth } from './sqlite-worker-store';

/** A data directory as a running server uses it: documents through the storage threads, invitations on this thread. */
export interface ServerDataDir {
  store: SqliteWorkerStore;
  invitations: InvitationStore;
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}

/**
 * Opens a data directory for a server: its invitations on this thread (small, quick queries) and its
 * documents in storage threads (SqliteWorkerStore). Rejects with a DataDirError naming the directory
 * and the cause when it cannot be created, opened or written.
 */
export async function openServerDataDir(dataDir: string, options: { synchronous?: Synchronous } = {}): Promise<ServerDataDir> {
  const db = openDatabase(dataDir);
  let store: SqliteWorkerStore | undefined;
  try {
    store = await SqliteWorkerStore.open(dataDir, options);
    // Starting on a disk that is full or read-only must fail now, not at the first keystroke.
    await store.probe();
    const free = await store.freeBytes();
    if (free !== undefined && free < MIN_FREE_BYTES) throw Object.assign(new Error(`only ${free} bytes free`), { code: 'ENOSPC' });
  } catch (error) {
    db.close();
    await store?.close();
    throw dataDirError(dataDir, error);
  }
  const documents = store;
  return {
    store: documents,
    invitations: new InvitationStore(db),
    health: () => documents.health(),
    async close() {
      await documents.close();
      if (db.open) db.close();
    },
  };
}
