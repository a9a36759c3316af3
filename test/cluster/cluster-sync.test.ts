import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Redis } from 'ioredis';
import { migrate, documentChannel, fanoutMessage, Kind, openPostgres, type RunningServer } from '../../sync-server';
import { connect, health, itemsOf, seedNegotiation, sleep, startNode, waitFor, type ClusterClient } from './cluster-harness';
import { skipCluster, TestPostgres, TestRedis } from './services';

describe.skipIf(skipCluster)('three nodes on one PostgreSQL and one Redis', () => {
  let postgres: TestPostgres;
  let redis: TestRedis;
  let db: string;
  let nodes: RunningServer[] = [];
  let seeded: Awaited<ReturnType<typeof seedNegotiation>>;
  const clients: ClusterClient[] = [];
  const client = (...args: Parameters<typeof connect>) => {
    const c = connect(...args);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([TestPostgres.start(), TestRedis.start()]);
    db = await postgres.createDatabase();
    seeded = await seedNegotiation(db);
    nodes = await Promise.all([0, 1, 2].map(() => startNode(db, redis.url)));
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await Promise.all(nodes.map((n) => n.close()));
    await seeded?.data.close();
    await Promise.all([postgres?.destroy(), redis?.destroy()]);
  });

  it('stock clients on different nodes converge on the same document', async () => {
    const { token } = await seeded.invite('delegation', 'Mexico');
    const name = `${seeded.negotiationId}/delegation/mexico`;
    const [a, b, c] = nodes.map((n) => client(n.wsUrl, name, token));
    await Promise.all([a!, b!, c!].map((x) => x.synced()));
    for (let i = 0; i < 20; i++) [a!, b!, c!].forEach((x, n) => x.doc.getArray<string>('log').push([`${n}:${i}`]));
    await waitFor(() => [a!, b!, c!].every((x) => x.doc.getArray('log').length === 60), 'all 60 items on every node');
    expect(itemsOf(a!.doc)).toEqual(itemsOf(b!.doc));
    expect(itemsOf(b!.doc)).toEqual(itemsOf(c!.doc));
    // And all of it is in PostgreSQL.
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await seeded.data.store.load(name))!);
    expect(itemsOf(stored)).toEqual(itemsOf(a!.doc));
    expect((await health(nodes[0]!.url)).body).toMatchObject({ ok: true, postgres: 'up', redis: 'up' });
  });

  it('measures the latency of a write from one node to a client of another', async () => {
    const { token } = await seeded.invite('delegation', 'Iceland');
    const name = `${seeded.negotiationId}/delegation/iceland`;
    const [w, r] = [client(nodes[0]!.wsUrl, name, token), client(nodes[2]!.wsUrl, name, token)];
    await Promise.all([w.synced(), r.synced()]);
    const seen = new Map<number, number>();
    r.doc.getMap<number>('t').observe((e) => e.keysChanged.forEach((k) => seen.set(Number(k), performance.now())));
    const sent = new Map<number, number>();
    for (let i = 0; i < 200; i++) {
      sent.set(i, performance.now());
      w.doc.getMap<number>('t').set(String(i), i);
      await sleep(5);
    }
    await waitFor(() => seen.size === 200, 'every write on the other node');
    const latencies = [...sent].map(([i, t]) => seen.get(i)! - t).sort((a, b) => a - b);
    const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
    console.log(`[cluster] client → node 1 → PostgreSQL → Redis → node 3 → client, 200 writes at 200/s: p50 ${p(0.5)} ms, p99 ${p(0.99)} ms`);
    expect(Number(p(0.5))).toBeLessThan(500);
  });

  it('carries awareness across nodes, stamped with the sender\'s identity', async () => {
    const { token: peru } = await seeded.invite('delegation', 'Peru');
    const { token: chair } = await seeded.invite('cofacilitator', null);
    const name = `${seeded.negotiationId}/table`;
    const p = client(nodes[0]!.wsUrl, name, peru);
    const q = client(nodes[2]!.wsUrl, name, chair);
    await Promise.all([p.synced(), q.synced()]);
    p.provider.awareness.setLocalStateField('user', { name: 'Ana', cursor: 3 });
    await waitFor(() => q.provider.awareness.getStates().get(p.doc.clientID)?.user !== undefined, 'Peru\'s presence on node 3');
    expect(q.provider.awareness.getStates().get(p.doc.clientID)).toMatchObject({ user: { name: 'Ana' }, penholder: { role: 'delegation', delegationId: 'peru', delegationName: 'Peru' } });
    p.provider.disconnect();
    await waitFor(() => !q.provider.awareness.getStates().has(p.doc.clientID), 'Peru\'s presence to go when it leaves');
  });

  it('honours on every node an invitation made through one, and refuses a revoked one on all', async () => {
    const { token: chair } = await seeded.invite('cofacilitator', null);
    const api = (n: number) => `${nodes[n]!.url}/api/negotiations/${seeded.negotiationId}/invitations`;
    const posted = await fetch(api(0), { method: 'POST', headers: { authorization: `Bearer ${chair}` }, body: JSON.stringify({ delegation: 'Kenya' }) });
    expect(posted.status).toBe(201);
    const kenya = (await posted.json()) as { id: string; token: string };
    const name = `${seeded.negotiationId}/delegation/kenya`;
    const onB = client(nodes[1]!.wsUrl, name, kenya.token);
    await onB.synced();
    const table = client(nodes[2]!.wsUrl, `${seeded.negotiationId}/table`, chair);
    await table.synced();
    await waitFor(() => table.doc.getMap('roster').has('kenya'), 'the roster change made on node 1 on node 3');

    const deleted = await fetch(`${api(2)}/${kenya.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${chair}` } });
    expect(deleted.status).toBe(200);
    await waitFor(() => onB.closes.some((c) => c.code === 4403), 'the revoked connection on node 2 to close');
    for (const node of nodes) {
      const again = client(node.wsUrl, name, kenya.token);
      await waitFor(() => again.closes.length > 0, 'the refusal');
      expect(again.closes[0]!.code).toBe(4403);
    }
  });

  it('refuses a delegation\'s write to the table through every node', async () => {
    const { token } = await seeded.invite('delegation', 'Chile');
    const { token: chair } = await seeded.invite('cofacilitator', null);
    const name = `${seeded.negotiationId}/table`;
    const watcher = client(nodes[0]!.wsUrl, name, chair);
    await watcher.synced();
    for (const [n, node] of nodes.entries()) {
      const chile = client(node.wsUrl, name, token);
      await chile.synced();
      chile.doc.getMap('meta').set('title', `hijacked through node ${n + 1}`);
      await waitFor(() => chile.denied.length > 0, 'permission-denied');
    }
    await sleep(300);
    expect(watcher.doc.getMap('meta').get('title')).toBe('Political declaration on antimicrobial resistance');
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await seeded.data.store.load(name))!);
    expect(stored.getMap('meta').get('title')).toBe('Political declaration on antimicrobial resistance');
  });

  it('reads the store when an update from another node waits for one that was never published', async () => {
    const { token } = await seeded.invite('delegation', 'Nepal');
    const name = `${seeded.negotiationId}/delegation/nepal`;
    const reader = client(nodes[1]!.wsUrl, name, token);
    await reader.synced();
    // "Another node" commits two updates but dies before publishing the first; the second is published.
    const other = new Y.Doc();
    const updates: Uint8Array[] = [];
    other.on('update', (u: Uint8Array) => updates.push(u));
    other.getArray<string>('log').push(['committed, never published']);
    other.getArray<string>('log').push(['committed and published']);
    for (const u of updates) await seeded.data.store.appendUpdate(name, u);
    const publisher = new Redis(redis.url);
    await publisher.publish(documentChannel(name), fanoutMessage(new Uint8Array(8).fill(7), Kind.update, updates[1]!));
    publisher.disconnect();
    await waitFor(() => reader.doc.getArray('log').length === 2, 'the node to fill the gap from PostgreSQL');
    expect(reader.doc.getArray('log').toArray()).toEqual(['committed, never published', 'committed and published']);
  });

  it('misses nothing written by another node while it loads a document', async () => {
    const { token } = await seeded.invite('delegation', 'Japan');
    const name = `${seeded.negotiationId}/private/japan`;
    // Node 4 unloads the document as soon as its reader leaves, so each reader makes it load again, and it
    // holds every read 15 ms before using it: writes in that gap must come through the subscription.
    const loader = await startNode(db, redis.url, { limits: { idleUnloadMs: 1 }, slowLoadMs: 15 });
    nodes.push(loader);
    const writer = client(nodes[0]!.wsUrl, name, token);
    await writer.synced();
    let missed = 0;
    for (let round = 0; round < 12; round++) {
      // The writer writes through node 1 without pause while a reader makes node 4 load the document.
      let writing = true;
      const writes = (async () => {
        for (let i = 0; writing; i++) {
          writer.doc.getArray<string>('log').push([`r${round} w${i}`]);
          await sleep(1);
        }
      })();
      await sleep(round % 4);
      const reader = connect(loader.wsUrl, name, token);
      await reader.synced();
      await sleep(30);
      writing = false;
      await writes;
      // Node 4 holds the document in memory all along: a write it missed while loading would never reach
      // the reader (later ones would wait for it forever).
      try {
        await waitFor(() => reader.doc.getArray('log').length === writer.doc.getArray('log').length, `round ${round}: the reader on the loading node to hold every write`, 3_000);
        expect(itemsOf(reader.doc)).toEqual(itemsOf(writer.doc));
      } catch (error) {
        missed++;
        console.error(error);
      }
      reader.destroy();
      await sleep(10); // node 4 unloads the document
    }
    expect(missed).toBe(0);
  });
});

describe.skipIf(skipCluster)('PostgreSQL store', () => {
  let postgres: TestPostgres;
  beforeAll(async () => {
    postgres = await TestPostgres.start();
  });
  afterAll(async () => {
    await postgres?.destroy();
  });

  it('runs migrations once when several nodes start at the same moment', async () => {
    const url = await postgres.createDatabase();
    const opened = await Promise.all([0, 1, 2, 3, 4].map(() => openPostgres(url)));
    const { rows } = await opened[0]!.pool.query('SELECT version FROM penholder_migrations');
    expect(rows).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }, { version: 4 }]);
    expect(await migrate(opened[1]!.pool)).toEqual([]); // nothing left to do
    await expect(migrate(opened[2]!.pool, [{ version: 1, name: 'x', sql: '' }, { version: 2, name: 'y', sql: '' }, { version: 3, name: 'z', sql: '' }, { version: 4, name: 'w', sql: '' }])).resolves.toEqual([]);
    await opened[3]!.pool.query("INSERT INTO penholder_migrations (version, name) VALUES (99, 'from the future')");
    await expect(migrate(opened[4]!.pool)).rejects.toThrow(/newer than this node/);
    await Promise.all(opened.map((o) => o.close()));
  });

  it('loses nothing when two nodes compact while others write', { timeout: 60_000 }, async () => {
    const url = await postgres.createDatabase();
    // Two "nodes": separate pools, as separate processes would have.
    const [one, two] = await Promise.all([openPostgres(url), openPostgres(url)]);
    const name = 'compaction/table';
    const writer = new Y.Doc();
    const updates: Uint8Array[] = [];
    writer.on('update', (u: Uint8Array) => updates.push(u));
    const writes = (async () => {
      for (let i = 0; i < 300; i++) {
        writer.getArray<string>('log').push([`item ${i}`]);
        const u = updates.shift()!;
        await (i % 2 ? one : two)!.store.appendUpdate(name, u);
      }
    })();
    let compactions = 0;
    let skipped = 0;
    let done = false;
    const compactor = async (store: typeof one.store) => {
      while (!done) {
        if (await store.tryCompact(name)) compactions++;
        else skipped++;
      }
    };
    const compactors = [compactor(one!.store), compactor(two!.store), compactor(one!.store)];
    await writes;
    done = true;
    await Promise.all(compactors);
    await one!.store.compact(name);
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, (await two!.store.load(name))!);
    expect(loaded.getArray('log').length).toBe(300);
    expect(itemsOf(loaded)).toEqual(itemsOf(writer));
    expect(await one!.store.rowCount(name)).toBe(0);
    expect(compactions).toBeGreaterThan(5);
    console.log(`[compaction] ${compactions} compactions, ${skipped} skipped while another node held the lock`);
    await Promise.all([one!.close(), two!.close()]);
  });
});
