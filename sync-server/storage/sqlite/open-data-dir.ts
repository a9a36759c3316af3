import { InvitationStore } from '../invitation-store';
import { openDatabase } from './open-database';
import { SqliteDocumentStore } from './sqlite-document-store';

/** A data directory opened: its document store and invitations, sharing one SQLite database. */
export interface DataDir {
  store: SqliteDocumentStore;
  invitations: InvitationStore;
  /** Closes the database. */
  close(): Promise<void>;
}

/** Opens a data directory (creating it when missing), for the server or the command line. */
export function openDataDir(dir: string): DataDir {
  const db = openDatabase(dir);
  const store = new SqliteDocumentStore(db);
  return { store, invitations: new InvitationStore(db), close: () => store.close() };
}
