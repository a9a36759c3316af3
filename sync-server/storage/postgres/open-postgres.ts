import pg from 'pg';
import type { Logger } from 'pino';
import { migrate } from './migrations';
import { PostgresDocumentStore } from './postgres-document-store';
import { PostgresInvitationStore } from './postgres-invitation-store';

/** A PostgreSQL database opened and migrated: the document store and the invitations, sharing a pool. */
export interface PostgresData {
  pool: pg.Pool;
  store: PostgresDocumentStore;
  invitations: PostgresInvitationStore;
  /** Whether the database answers now (within a second). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Connects to `url` (postgres://user:pass@host:port/db, or ?host=/socket/dir) and runs the migrations
 * (under an advisory lock). A query while the database is down fails at once, so no client is told
 * that an update is safe when it is not; the pool reconnects by itself when the database returns.
 */
export async function openPostgres(url: string, options: { logger?: Logger; max?: number } = {}): Promise<PostgresData> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: 5_000, query_timeout: 30_000, idleTimeoutMillis: 30_000 });
  // An idle client losing its connection (the database restarting) must not crash the process.
  pool.on('error', (error) => options.logger?.warn({ err: error }, 'a PostgreSQL connection was lost'));
  try {
    const applied = await migrate(pool);
    if (applied.length > 0) options.logger?.info({ versions: applied }, 'applied PostgreSQL schema migrations');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  // Health checks use their own connection, so that a busy pool does not look like a database down.
  const healthPool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 1_000, query_timeout: 1_000, idleTimeoutMillis: 10_000 });
  healthPool.on('error', () => undefined);
  let ended = false;
  const invitations = new PostgresInvitationStore(pool, url);
  return {
    pool,
    store: new PostgresDocumentStore(pool),
    invitations,
    async ping() {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 1_000)));
      const query = healthPool.query('SELECT 1').then(
        () => true,
        () => false,
      );
      try {
        return await Promise.race([query, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      if (ended) return;
      ended = true;
      invitations.close();
      await Promise.all([pool.end(), healthPool.end()]);
    },
  };
}
