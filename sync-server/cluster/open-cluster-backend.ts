import type { Logger } from 'pino';
import { openPostgres } from '../storage/postgres/open-postgres';
import { RedisFanout } from './redis/redis-fanout';
import type { ServerBackend } from '../transport/start-server';

/** Where the nodes of a cluster meet. */
export interface ClusterOptions {
  /** postgres://… : the update logs, snapshots and invitations. */
  postgres: string;
  /** redis://… : fan-out of updates and awareness between nodes; without it the node is alone on PostgreSQL. */
  redis?: string | null;
  logger: Logger;
  /** How often documents are read from PostgreSQL while Redis is down (default 2 s). */
  pollMs?: number;
}

/**
 * The back end of a node among several: PostgreSQL (migrated on open) and Redis. `/healthz` reports
 * both: PostgreSQL down → 503 (nothing can be made durable); Redis down → 200 with `"redis": "down"`
 * and `"degraded": true` (the node serves its own clients; other nodes' writes arrive by polling).
 */
export async function openClusterBackend(options: ClusterOptions): Promise<ServerBackend> {
  const pg = await openPostgres(options.postgres, { logger: options.logger });
  let fanout: RedisFanout | null = null;
  if (options.redis) {
    fanout = new RedisFanout(options.redis, options.logger, { pollMs: options.pollMs ?? 2_000, prefix: 'penholder:doc:' });
    await fanout.connect();
  }
  let postgresUp = true;
  return {
    store: pg.store,
    invitations: pg.invitations,
    fanout,
    async health() {
      const up = await pg.ping();
      if (up !== postgresUp) {
        postgresUp = up;
        if (up) options.logger.info({ postgres: 'up' }, 'PostgreSQL answers again');
        else options.logger.error({ postgres: 'down' }, 'PostgreSQL is unavailable: no update can be made durable, so none is echoed');
      }
      const redis = fanout?.status() ?? null;
      return { ok: up, postgres: up ? 'up' : 'down', redis: redis ? redis.redis : 'none', degraded: !up || redis?.redis === 'down', ...(redis ? { fanout: redis } : {}) };
    },
    async close() {
      await fanout?.close();
      await pg.close();
    },
  };
}
