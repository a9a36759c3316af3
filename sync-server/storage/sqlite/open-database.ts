import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** The SQLite file inside a data directory. */
export const DATABASE_FILE = 'penholder.sqlite';

/**
 * Opens (creating when needed) the data directory's SQLite database with the schema of the document
 * store and the invitations.
 *
 * WAL with synchronous=FULL: each commit fsyncs the WAL, so an update acknowledged to a client survives
 * a power cut, not only a crash of the process (NORMAL would only guarantee the latter). The cost, one
 * fsync per commit, is bounded because the server commits at most once per document per event-loop turn.
 */
export function openDatabase(dataDir: string): Database.Database {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  // The command line and a running server may share the file; wait for each other's locks.
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
  `);
  return db;
}
