import { afterAll, beforeAll } from 'vitest';
import type { RunningServer } from '../../sync-server';
import { connect, seedNegotiation, startNode, type ClusterClient } from './cluster-harness';
import { TestPostgres, TestRedis } from './services';

/** What a describe block's tests share: the services, a seeded negotiation, and nodes and clients closed after them. */
export interface ClusterFixture {
  /** The database's connection string. */
  readonly db: string;
  readonly redisUrl: string;
  /** One negotiation in the database, and a way to invite to it. */
  readonly seeded: Awaited<ReturnType<typeof seedNegotiation>>;
  /** Starts a node over the database and Redis; closed after the block. */
  node(options?: Parameters<typeof startNode>[2]): Promise<RunningServer>;
  /** Connects a stock client; destroyed after the block. */
  client(...args: Parameters<typeof connect>): ClusterClient;
}

/**
 * A fresh PostgreSQL database and Redis for one describe block (beforeAll), torn down with every node
 * and client started through it (afterAll).
 */
export function useCluster(): ClusterFixture {
  let postgres: TestPostgres | undefined;
  let redis: TestRedis | undefined;
  const nodes: RunningServer[] = [];
  const clients: ClusterClient[] = [];
  const fixture = {
    db: '',
    redisUrl: '',
    seeded: undefined as unknown as ClusterFixture['seeded'],
    async node(options?: Parameters<typeof startNode>[2]) {
      const node = await startNode(fixture.db, fixture.redisUrl, options);
      nodes.push(node);
      return node;
    },
    client(...args: Parameters<typeof connect>) {
      const c = connect(...args);
      clients.push(c);
      return c;
    },
  };
  beforeAll(async () => {
    [postgres, redis] = await Promise.all([TestPostgres.start(), TestRedis.start()]);
    fixture.db = await postgres.createDatabase();
    fixture.redisUrl = redis.url;
    fixture.seeded = await seedNegotiation(fixture.db);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await Promise.all(nodes.map((n) => n.close()));
    await fixture.seeded?.data.close();
    await Promise.all([postgres?.destroy(), redis?.destroy()]);
  });
  return fixture;
}
