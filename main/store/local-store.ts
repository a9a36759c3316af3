import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { PendingSummary, RecentNegotiation } from '../../shared/ipc/contract';
import type { Role } from '../../shared/model/actor';
import { mergeUpdates } from '../../shared/protocol/merge-updates';

/** Encrypts kept invitation tokens (Electron's safeStorage in the app; an identity in tests). */
export interface Secrets {
  encrypt(plain: string): Uint8Array;
  decrypt(sealed: Uint8Array): string;
}
export const plainSecrets: Secrets = { encrypt: (s) => new TextEncoder().encode(s), decrypt: (b) => new TextDecoder().decode(b) };

/** Merge a document's confirmed updates into one once it has this many. */
const COMPACT_AFTER = 200;

type Row = { seq: number; update: Uint8Array; confirmed: number };

/**
 * This computer's store of every negotiation it has joined: each document's Yjs updates in SQLite
 * (WAL, synchronous=FULL), so that a document loads before connecting and only the difference syncs,
 * the app works with no network across restarts, and local updates stay marked pending until the
 * server has confirmed them. Also the recent negotiations and the app's small settings.
 */
export class LocalStore {
  private readonly db: Database.Database;
  private readonly listeners = new Set<(summary: PendingSummary) => void>();

  constructor(
    file: string,
    private readonly secrets: Secrets = plainSecrets,
    private readonly now: () => Date = () => new Date(),
  ) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS updates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        doc TEXT NOT NULL,
        "update" BLOB NOT NULL,
        local INTEGER NOT NULL,
        confirmed INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS updates_doc ON updates (doc, seq);
      CREATE TABLE IF NOT EXISTS negotiations (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        server_url TEXT,
        role TEXT,
        delegation TEXT,
        token BLOB,
        file_path TEXT,
        opened_at TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `);
  }

  // ---- documents ------------------------------------------------------------------------------------

  /** The document as kept here, every update merged; null when nothing is kept. */
  load(doc: string): Uint8Array | null {
    const rows = this.db.prepare('SELECT "update" FROM updates WHERE doc = ? ORDER BY seq').all(doc) as { update: Uint8Array }[];
    if (rows.length === 0) return null;
    return rows.length === 1 ? new Uint8Array(rows[0]!.update) : mergeUpdates(rows.map((r) => new Uint8Array(r.update)));
  }

  /** Names of the documents kept for a negotiation. */
  documents(negotiationId: string): string[] {
    return (this.db.prepare('SELECT DISTINCT doc FROM updates WHERE doc LIKE ? ORDER BY doc').all(`${negotiationId}/%`) as { doc: string }[]).map((r) => r.doc);
  }

  /** Keeps an update, durably before returning. A local update is pending until confirmed. */
  append(doc: string, update: Uint8Array, origin: 'local' | 'remote'): PendingSummary {
    const local = origin === 'local' ? 1 : 0;
    this.db.prepare('INSERT INTO updates (doc, "update", local, confirmed) VALUES (?, ?, ?, ?)').run(doc, update, local, 1 - local);
    const confirmed = (this.db.prepare('SELECT COUNT(*) AS n FROM updates WHERE doc = ? AND confirmed = 1').get(doc) as { n: number }).n;
    if (confirmed > COMPACT_AFTER) this.compact(doc);
    return this.changed();
  }

  /**
   * The server's state vector for a document: the pending local updates whose insertions it covers are
   * confirmed. A pending update holding only deletions is confirmed by the next confirmation: a
   * y-websocket sync step 2 always carries the sender's whole delete set, so a completed sync exchanges
   * every deletion.
   */
  confirm(doc: string, serverStateVector: Uint8Array): PendingSummary {
    const sv = Y.decodeStateVector(serverStateVector);
    const rows = this.db.prepare('SELECT seq, "update", confirmed FROM updates WHERE doc = ? AND confirmed = 0').all(doc) as Row[];
    const done = this.db.prepare('UPDATE updates SET confirmed = 1 WHERE seq = ?');
    this.db.transaction(() => {
      for (const row of rows) {
        const { to } = Y.parseUpdateMeta(new Uint8Array(row.update));
        if ([...to].every(([client, clock]) => (sv.get(client) ?? 0) >= clock)) done.run(row.seq);
      }
    })();
    return this.changed();
  }

  /** The local updates of a document that wait for the server. */
  pendingUpdates(doc: string): Uint8Array[] {
    return (this.db.prepare('SELECT "update" FROM updates WHERE doc = ? AND confirmed = 0 ORDER BY seq').all(doc) as { update: Uint8Array }[]).map((r) => new Uint8Array(r.update));
  }

  /** Forgets every update kept of a document, pending ones too: the server refused this copy, which syncs afresh. */
  discard(doc: string): PendingSummary {
    this.db.prepare('DELETE FROM updates WHERE doc = ?').run(doc);
    return this.changed();
  }

  /** How many local updates wait for the server, in all and by document. */
  pending(): PendingSummary {
    const rows = this.db.prepare('SELECT doc, COUNT(*) AS n FROM updates WHERE confirmed = 0 GROUP BY doc').all() as { doc: string; n: number }[];
    return { total: rows.reduce((s, r) => s + r.n, 0), byDocument: Object.fromEntries(rows.map((r) => [r.doc, r.n])) };
  }

  /** Called with the pending summary after every change (the badge listens). */
  onPending(listener: (summary: PendingSummary) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Merges a document's confirmed updates into one; pending ones stay apart until confirmed. */
  compact(doc: string): void {
    const rows = this.db.prepare('SELECT seq, "update" FROM updates WHERE doc = ? AND confirmed = 1 ORDER BY seq').all(doc) as Row[];
    if (rows.length < 2) return;
    const merged = mergeUpdates(rows.map((r) => new Uint8Array(r.update)));
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM updates WHERE doc = ? AND confirmed = 1 AND seq <= ?').run(doc, rows[rows.length - 1]!.seq);
      this.db.prepare('INSERT INTO updates (doc, "update", local, confirmed) VALUES (?, ?, 0, 1)').run(doc, merged);
    })();
  }

  /** Keeps a whole negotiation's documents (opened from a file or imported): nothing to confirm. */
  putDocuments(negotiationId: string, documents: Map<string, Uint8Array>): void {
    this.db.transaction(() => {
      for (const [docPath, update] of documents) if (update.length > 2) this.db.prepare('INSERT INTO updates (doc, "update", local, confirmed) VALUES (?, ?, 0, 1)').run(`${negotiationId}/${docPath}`, update);
    })();
    this.changed();
  }

  private changed(): PendingSummary {
    const summary = this.pending();
    for (const l of this.listeners) l(summary);
    return summary;
  }

  // ---- recent negotiations ----------------------------------------------------------------------------

  /** Records (or refreshes) a negotiation joined or opened; it moves to the top of the recent list. */
  remember(entry: { negotiationId: string; title: string; serverUrl?: string | null; role?: Role | null; delegation?: { id: string; name: string } | null; token?: string; filePath?: string | null }): RecentNegotiation {
    const existing = this.db.prepare('SELECT * FROM negotiations WHERE id = ?').get(entry.negotiationId) as NegotiationRow | undefined;
    const row: NegotiationRow = {
      id: entry.negotiationId,
      title: entry.title,
      server_url: entry.serverUrl !== undefined ? entry.serverUrl : (existing?.server_url ?? null),
      role: entry.role !== undefined ? entry.role : (existing?.role ?? null),
      delegation: entry.delegation !== undefined ? (entry.delegation ? JSON.stringify(entry.delegation) : null) : (existing?.delegation ?? null),
      token: entry.token !== undefined ? Buffer.from(this.secrets.encrypt(entry.token)) : (existing?.token ?? null),
      file_path: entry.filePath !== undefined ? entry.filePath : (existing?.file_path ?? null),
      opened_at: this.now().toISOString(),
    };
    this.db
      .prepare('INSERT OR REPLACE INTO negotiations (id, title, server_url, role, delegation, token, file_path, opened_at) VALUES (@id, @title, @server_url, @role, @delegation, @token, @file_path, @opened_at)')
      .run(row);
    return toRecent(row);
  }

  recent(limit = 20): RecentNegotiation[] {
    return (this.db.prepare('SELECT * FROM negotiations ORDER BY opened_at DESC, rowid DESC LIMIT ?').all(limit) as NegotiationRow[]).map(toRecent);
  }

  negotiation(id: string): RecentNegotiation | null {
    const row = this.db.prepare('SELECT * FROM negotiations WHERE id = ?').get(id) as NegotiationRow | undefined;
    return row ? toRecent(row) : null;
  }

  /** The kept invitation token of a negotiation, decrypted. */
  token(id: string): string | null {
    const row = this.db.prepare('SELECT token FROM negotiations WHERE id = ?').get(id) as { token: Uint8Array | null } | undefined;
    return row?.token ? this.secrets.decrypt(new Uint8Array(row.token)) : null;
  }

  /** Removes a negotiation from the recent list (its documents stay, so that nothing typed is lost). */
  forget(id: string): void {
    this.db.prepare('DELETE FROM negotiations WHERE id = ?').run(id);
  }

  // ---- settings -----------------------------------------------------------------------------------------

  setting<T>(key: string): T | null {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    if (!row) return null;
    try {
      return JSON.parse(row.value) as T;
    } catch {
      return null;
    }
  }

  setSetting(key: string, value: unknown): void {
    this.db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)').run(key, JSON.stringify(value));
  }

  close(): void {
    this.db.close();
  }
}

interface NegotiationRow {
  id: string;
  title: string;
  server_url: string | null;
  role: string | null;
  delegation: string | null;
  token: Uint8Array | null;
  file_path: string | null;
  opened_at: string;
}

function toRecent(row: NegotiationRow): RecentNegotiation {
  return {
    negotiationId: row.id,
    title: row.title,
    serverUrl: row.server_url,
    role: (row.role as Role | null) ?? null,
    delegation: row.delegation ? (JSON.parse(row.delegation) as { id: string; name: string }) : null,
    hasToken: row.token !== null,
    filePath: row.file_path,
    openedAt: row.opened_at,
  };
}
