import type { Pool } from 'pg';

/** One step of the schema; applied once, in order, and recorded in penholder_migrations. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The schema, oldest first. Never edit a released step: add the next one. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'update log, snapshots and invitations',
    sql: `
      CREATE TABLE penholder_updates (
        seq bigserial PRIMARY KEY,
        doc text NOT NULL,
        data bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX penholder_updates_by_doc ON penholder_updates (doc, seq);
      CREATE TABLE penholder_snapshots (
        doc text PRIMARY KEY,
        data bytea NOT NULL,
        compacted_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE penholder_invitations (
        id text PRIMARY KEY,
        token_hash text NOT NULL UNIQUE,
        negotiation_id text NOT NULL,
        role text NOT NULL,
        delegation_id text,
        delegation_name text,
        created_at timestamptz NOT NULL,
        expires_at timestamptz,
        revoked_at timestamptz
      );
      CREATE INDEX penholder_invitations_by_negotiation ON penholder_invitations (negotiation_id);
    `,
  },
  {
    version: 2,
    name: 'device links: who issued an invitation',
    sql: `ALTER TABLE penholder_invitations ADD COLUMN issued_by text;`,
  },
  {
    version: 3,
    name: 'revocations found by time',
    // Every node asks every 10 ms which invitations were revoked lately.
    sql: `CREATE INDEX penholder_invitations_by_revocation ON penholder_invitations (revoked_at);`,
  },
  {
    version: 4,
    name: 'revocations announced',
    // Nodes LISTEN for this instead of polling every 10 ms; sent on commit, whoever revoked (node, command line, SQL).
    sql: `
      CREATE FUNCTION penholder_announce_revocation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('penholder_revoked', NEW.id);
        RETURN NULL;
      END $$;
      CREATE TRIGGER penholder_invitations_revoked AFTER INSERT OR UPDATE OF revoked_at ON penholder_invitations
        FOR EACH ROW WHEN (NEW.revoked_at IS NOT NULL) EXECUTE FUNCTION penholder_announce_revocation();
    `,
  },
];

/** The advisory lock key nodes take while migrating ('penhold' in ASCII). */
export const MIGRATION_LOCK = '31639854017342308';

/**
 * Brings the database to the latest schema. Every node runs this on start: the first takes a
 * transaction-level advisory lock, the others wait for it and then find nothing left to do, so two
 * nodes starting at once never race. A database newer than this node is refused rather than used.
 * Returns the versions this call applied.
 */
export async function migrate(pool: Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS penholder_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM penholder_migrations');
    const applied = new Set(rows.map((r) => r.version));
    const latest = Math.max(0, ...migrations.map((m) => m.version));
    const newer = [...applied].filter((v) => v > latest);
    if (newer.length > 0) throw new Error(`the database schema (version ${Math.max(...newer)}) is newer than this node (version ${latest}); upgrade the node`);
    const done: number[] = [];
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO penholder_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      done.push(m.version);
    }
    await client.query('COMMIT');
    return done;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
