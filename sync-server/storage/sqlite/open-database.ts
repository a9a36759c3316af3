import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { dataDirError } from './data-dir-error';

/** The SQLite file inside a data directory. */
export const DATABASE_FILE = 'penholder.sqlite';

/** How a connection commits: FULL fsyncs every commit; OFF leaves it to the OS (benchmarks of durability's cost only). */
export type Synchronous = 'FULL' | 'OFF';

/**
 * Opens (creating when needed) the data directory's SQLite database with the schema of the document
 * store and the invitations. Failures name the directory and the cause (see `dataDirError`).
 *
 * The file is created 0600 before SQLite opens it: SQLite gives its -wal and -shm files the mode of the
 * database, so none of the three is readable by other users. A file found with looser rights is tightened.
 *
 * WAL with synchronous=FULL: each commit fsyncs the WAL, so an update acknowledged to a client survives
 * a power cut, not only a crash of the process (NORMAL would only guarantee the latter). The cost, one
 * fsync per commit, is shared by every update of a group (see SqliteWorkerStore).
 */
export function openDatabase(dataDir: string, options: { synchronous?: Synchronous } = {}): Database.Database {
  const file = path.join(dataDir, DATABASE_FILE);
  try {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    fs.closeSync(fs.openSync(file, 'a', 0o600));
    for (const f of [file, `${file}-wal`, `${file}-shm`]) if (fs.existsSync(f) && (fs.statSync(f).mode & 0o077) !== 0) fs.chmodSync(f, 0o600);
    const db = new Database(file);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
      // The command line and a running server (its threads too) share the file; wait for each other's locks.
      db.pragma('busy_timeout = 5000');
      db.exec(`
        CREATE TABLE IF NOT EXISTS updates (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          doc TEXT NOT NULL,
          data BLOB NOT NULL
        );
        CREATE INDEX IF NOT EXISTS updates_by_doc ON updates (doc, id);
        CREATE TABLE IF NOT EXISTS invitations (
          id TEXT PRIMARY KEY,
          token_hash TEXT NOT NULL UNIQUE,
          negotiation_id TEXT NOT NULL,
          role TEXT NOT NULL,
          delegation_id TEXT,
          delegation_name TEXT,
          created_at TEXT NOT NULL,
          expires_at TEXT,
          revoked_at TEXT
        );
        CREATE INDEX IF NOT EXISTS invitations_by_negotiation ON invitations (negotiation_id);
        -- A running server asks every 10 ms, and before each turn's writes, which invitations were revoked lately.
        CREATE INDEX IF NOT EXISTS invitations_by_revocation ON invitations (revoked_at);
        CREATE TABLE IF NOT EXISTS health (id INTEGER PRIMARY KEY CHECK (id = 1), checked_at TEXT NOT NULL);
      `);
    } catch (error) {
      db.close();
      throw error;
    }
    return db;
  } catch (error) {
    throw dataDirError(dataDir, error);
  }
}
