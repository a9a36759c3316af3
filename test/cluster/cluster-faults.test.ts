import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import WebSocket from 'ws';
import type { RunningServer } from '../../sync-server';
import { updateFrame } from '../../shared/protocol/messages';
import { connect, health, itemsOf, seedNegotiation, sleep, startNode, waitFor, type ClusterClient } from './cluster-harness';
import { skipCluster, TestPostgres, TestRedis } from './services';


describe.skipIf(skipCluster)('faults: Redis and PostgreSQL going away', () => {
  let postgres: TestPostgres;
  let redis: TestRedis;
  let db: string;
  let seeded: Awaited<ReturnType<typeof seedNegotiation>>;
  const nodes: RunningServer[] = [];
  const clients: ClusterClient[] = [];

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([TestPostgres.start(), TestRedis.start()]);
    db = await postgres.createDatabase();
    seeded = await seedNegotiation(db);
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await Promise.all(nodes.map((n) => n.close()));
    await seeded?.data.close();
    await Promise.all([postgres?.destroy(), redis?.destroy()]);
  });

  it('Redis killed and restarted mid-editing: nodes keep serving and persisting, say so, and all converge after', { timeout: 60_000 }, async () => {
    // No polling while Redis is down (60 s): convergence after its return comes from the resync alone.
    const [a, b] = await Promise.all([startNode(db, redis.url, { pollMs: 60_000 }), startNode(db, redis.url, { pollMs: 60_000 })]);
    nodes.push(a!, b!);
    const { token } = await seeded.invite('delegation', 'Norway');
    const name = `${seeded.negotiationId}/delegation/norway`;
    const onA = connect(a!.wsUrl, name, token);
    const onB = connect(b!.wsUrl, name, token);
    clients.push(onA, onB);
    await Promise.all([onA.synced(), onB.synced()]);
    const push = (c: ClusterClient, item: string) => c.doc.getArray<string>('log').push([item]);
    push(onA, 'a before');
    push(onB, 'b before');
    await waitFor(() => onA.doc.getArray('log').length === 2 && onB.doc.getArray('log').length === 2, 'convergence before the outage');

    await redis.kill();
    await waitFor(async () => (await health(a!.url)).body.redis === 'down', '/healthz to say Redis is down');
    const degraded = await health(b!.url);
    expect(degraded.status).toBe(200);
    expect(degraded.body).toMatchObject({ ok: true, postgres: 'up', redis: 'down', degraded: true });
    for (let i = 0; i < 10; i++) {
      push(onA, `a during ${i}`);
      push(onB, `b during ${i}`);
    }
    // Each node still serves its own clients: a second client on A sees A's writes.
    const alsoOnA = connect(a!.wsUrl, name, token);
    clients.push(alsoOnA);
    await waitFor(() => itemsOf(alsoOnA.doc).filter((i) => i.startsWith('a during')).length === 10, 'node A to serve its own clients while Redis is down');
    // Everything is persisted meanwhile.
    await waitFor(async () => {
      const stored = new Y.Doc();
      Y.applyUpdate(stored, (await seeded.data.store.load(name))!);
      return stored.getArray('log').length === 22;
    }, 'every write in PostgreSQL while Redis is down');
    expect(itemsOf(onA.doc).some((i) => i.startsWith('b during'))).toBe(false);

    await redis.start();
    await waitFor(async () => (await health(a!.url)).body.redis === 'up' && (await health(b!.url)).body.redis === 'up', '/healthz to say Redis is back');
    await waitFor(() => [onA, onB, alsoOnA].every((c) => c.doc.getArray('log').length === 22), 'all to converge after Redis returns');
    push(onB, 'b after');
    await waitFor(() => onA.doc.getArray('log').length === 23, 'live fan-out to resume');
    expect(itemsOf(onA.doc)).toEqual(itemsOf(onB.doc));
  });

  it('a node started while Redis is down serves its clients, and joins the fan-out once Redis is up', { timeout: 60_000 }, async () => {
    const up = await startNode(db, redis.url);
    nodes.push(up);
    await redis.kill();
    const started = Date.now();
    const late = await startNode(db, redis.url, { pollMs: 60_000 });
    nodes.push(late);
    console.log(`[cluster] a node starts without Redis in ${Date.now() - started} ms (it waits up to 3 s for it)`);
    expect((await health(late.url)).body).toMatchObject({ ok: true, redis: 'down' });
    const { token } = await seeded.invite('delegation', 'Malta');
    const name = `${seeded.negotiationId}/delegation/malta`;
    const onLate = connect(late.wsUrl, name, token);
    const onUp = connect(up.wsUrl, name, token);
    clients.push(onLate, onUp);
    await Promise.all([onLate.synced(), onUp.synced()]);
    onLate.doc.getArray<string>('log').push(['written without Redis']);
    await redis.start();
    await waitFor(async () => (await health(late.url)).body.redis === 'up', 'the late node to find Redis');
    await waitFor(() => onUp.doc.getArray('log').length === 1, 'the write made without Redis to reach the other node');
    onUp.doc.getArray<string>('log').push(['written with Redis']);
    await waitFor(() => onLate.doc.getArray('log').length === 2, 'live fan-out to the late node');
  });

  it('PostgreSQL stopped: no echo while it is down, clients keep their changes, then all converge', { timeout: 60_000 }, async () => {
    const [a, b] = await Promise.all([startNode(db, redis.url), startNode(db, redis.url)]);
    nodes.push(a!, b!);
    const { token } = await seeded.invite('delegation', 'Ghana');
    const name = `${seeded.negotiationId}/delegation/ghana`;
    const onA = connect(a!.wsUrl, name, token);
    const onB = connect(b!.wsUrl, name, token);
    clients.push(onA, onB);
    await Promise.all([onA.synced(), onB.synced()]);
    onA.doc.getArray<string>('log').push(['before']);
    await waitFor(() => onB.doc.getArray('log').length === 1, 'convergence before the outage');

    // A raw client on node A, to see exactly what is echoed.
    const raw = new WebSocket(`${a!.wsUrl}/${name}?token=${encodeURIComponent(token)}`);
    const frames: Uint8Array[] = [];
    raw.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
    const rawClosed = new Promise<number>((resolve) => raw.on('close', (code) => resolve(code)));
    raw.on('error', () => undefined);
    await new Promise((r) => raw.once('open', r));
    await sleep(100);

    await postgres.stop();
    const writer = new Y.Doc();
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(onA.doc));
    let update: Uint8Array | null = null;
    writer.once('update', (u: Uint8Array) => (update = u));
    writer.getArray<string>('log').push(['raw during outage']);
    const expected = updateFrame(update!);
    const before = frames.length;
    raw.send(expected);
    onA.doc.getArray<string>('log').push(['a during outage']);
    onB.doc.getArray<string>('log').push(['b during outage']);
    // The store fails: the document is dropped and its connections closed with 1011; nothing is echoed.
    expect(await rawClosed).toBe(1011);
    expect(frames.slice(before).some((f) => f.length === expected.length && f.every((x, i) => x === expected[i]))).toBe(false);
    const down = await health(a!.url);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ ok: false, postgres: 'down' });
    await sleep(1_000);
    // Clients keep their changes locally, and have not received each other's.
    expect(itemsOf(onA.doc)).toEqual(['a during outage', 'before']);
    expect(itemsOf(onB.doc)).toEqual(['b during outage', 'before']);

    await postgres.start();
    await waitFor(async () => (await health(a!.url)).status === 200, 'PostgreSQL to be back');
    await waitFor(() => onA.doc.getArray('log').length === 3 && onB.doc.getArray('log').length === 3, 'all to converge after PostgreSQL returns', 20_000);
    expect(itemsOf(onA.doc)).toEqual(['a during outage', 'b during outage', 'before']);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await seeded.data.store.load(name))!);
    expect(itemsOf(stored)).toEqual(itemsOf(onA.doc));
  });
});
