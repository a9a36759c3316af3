import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../sync-server';
import { awarenessFrame } from '../../shared/protocol/messages';
import { connect, seedNegotiation, startNode, waitFor, type ClusterClient } from '../cluster/cluster-harness';
import { skipCluster, TestPostgres, TestRedis } from '../cluster/services';
import { forgedAwareness } from '../../testing/forged-awareness';
import { rawSocket } from './harness';

describe.skipIf(skipCluster)('presence across nodes', () => {
  let postgres: TestPostgres;
  let redis: TestRedis;
  let nodes: RunningServer[] = [];
  let seeded: Awaited<ReturnType<typeof seedNegotiation>>;
  const clients: ClusterClient[] = [];
  beforeAll(async () => {
    [postgres, redis] = await Promise.all([TestPostgres.start(), TestRedis.start()]);
    const db = await postgres.createDatabase();
    seeded = await seedNegotiation(db);
    nodes = await Promise.all([0, 1].map(() => startNode(db, redis.url)));
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await Promise.all(nodes.map((n) => n.close()));
    await seeded?.data.close();
    await Promise.all([postgres?.destroy(), redis?.destroy()]);
  });

  it('an awareness id owned on one node cannot be overwritten from another', async () => {
    const { token } = await seeded.invite('delegation', 'Mexico');
    const name = `${seeded.negotiationId}/table`;
    const [a, b] = nodes as [RunningServer, RunningServer];
    const owner = connect(b.wsUrl, name, token);
    const readerA = connect(a.wsUrl, name, token);
    const readerB = connect(b.wsUrl, name, token);
    clients.push(owner, readerA, readerB);
    await Promise.all([owner, readerA, readerB].map((c) => c.synced()));
    const id = owner.provider.awareness.clientID;
    owner.provider.awareness.setLocalStateField('who', 'owner');
    const who = (c: ClusterClient, i: number) => (c.provider.awareness.getStates().get(i) as { who?: string } | undefined)?.who;
    await waitFor(() => who(readerA, id) === 'owner', 'the owner\'s presence to reach node A');

    const thief = await rawSocket(a.wsUrl, name, token);
    thief.ws.send(awarenessFrame(forgedAwareness([[id, { who: 'thief' }]], 1_000)));
    // A marker on the thief's own id: once both readers saw it, the forged entry was handled before it.
    thief.ws.send(awarenessFrame(forgedAwareness([[4_000_000, { who: 'marker' }]])));
    await waitFor(() => who(readerA, 4_000_000) === 'marker' && who(readerB, 4_000_000) === 'marker', 'the marker on both nodes');
    expect(who(readerA, id)).toBe('owner');
    expect(who(readerB, id)).toBe('owner');
    thief.ws.close();
  });
});
