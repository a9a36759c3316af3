import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { connect, health, itemsOf, waitFor, type ClusterClient } from './cluster-harness';
import { skipCluster, TestPostgres, TestRedis } from './services';
import { updateFrame } from '../../shared/protocol/messages';

interface Node {
  child: ChildProcess;
  url: string;
  wsUrl: string;
  log: () => string;
}

/** `penholder serve --postgres … --redis … --port 0` in a child process. */
function spawnNode(postgres: string, redis: string): Promise<Node> {
  const child = spawn(process.execPath, ['bin/penholder.mjs', 'serve', '--postgres', postgres, '--redis', redis, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PENHOLDER_REVALIDATE_MS: '300', PENHOLDER_LOG_LEVEL: 'warn' },
  });
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (m) resolve({ child, url: m[1]!, wsUrl: m[1]!.replace('http://', 'ws://'), log: () => err });
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}${err}`)));
  });
}

async function kill9(node: Node): Promise<void> {
  const exited = new Promise((r) => node.child.once('exit', r));
  node.child.kill('SIGKILL');
  await exited;
}

const penholder = (...args: string[]) => JSON.parse(execFileSync(process.execPath, ['bin/penholder.mjs', ...args], { encoding: 'utf8' }));


describe.skipIf(skipCluster)('penholder serve --postgres --redis, as separate processes', () => {
  let postgres: TestPostgres;
  let redis: TestRedis;
  let db: string;
  let nodes: Node[] = [];
  const clients: ClusterClient[] = [];
  let negotiation: { id: string; invitations: { token: string }[] };

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([TestPostgres.start(), TestRedis.start()]);
    db = await postgres.createDatabase();
    // Three nodes starting at once on an empty database: one migrates, the others wait for it.
    nodes = await Promise.all([0, 1, 2].map(() => spawnNode(db, redis.url)));
    negotiation = penholder('negotiation', 'create', '--postgres', db, '--title', 'Declaration on ocean action', '--json');
  }, 90_000);

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await Promise.all(nodes.map((n) => kill9(n).catch(() => undefined)));
    await Promise.all([postgres?.destroy(), redis?.destroy()]);
  });

  it('honours an invitation made with the command line on every node, and refuses it everywhere once revoked', { timeout: 60_000 }, async () => {
    const name = `${negotiation.id}/table`;
    // Co-facilitators on every node hold the table while the command line invites: they see the roster change.
    const chairs = nodes.map((n) => connect(n.wsUrl, name, negotiation.invitations[0]!.token));
    clients.push(...chairs);
    await Promise.all(chairs.map((c) => c.synced()));
    const invited = penholder('invite', '--postgres', db, '--redis', redis.url, '--negotiation', negotiation.id, '--delegation', 'Fiji', '--json');
    expect(invited).toMatchObject({ delegation: { id: 'fiji', name: 'Fiji' } });
    await waitFor(() => chairs.every((c) => c.doc.getMap('roster').has('fiji')), 'the new delegation on the roster on every node');
    const live = nodes.map((n) => connect(n.wsUrl, name, invited.token));
    clients.push(...live);
    await Promise.all(live.map((c) => c.synced()));
    for (const c of live) {
      expect(c.doc.getMap('meta').get('title')).toBe('Declaration on ocean action');
      expect(c.doc.getMap('roster').has('fiji')).toBe(true);
    }
    expect(penholder('revoke', '--postgres', db, '--token', invited.token, '--json')).toMatchObject({ revoked: true, negotiationId: negotiation.id });
    await waitFor(() => live.every((c) => c.closes.some((x) => x.code === 4403)), 'every node to close the revoked connections');
    expect((await health(nodes[0]!.url)).body).toMatchObject({ ok: true, postgres: 'up', redis: 'up' });
  });

  it('kill -9 of a node right after an echo loses nothing, and its clients converge through another node', { timeout: 90_000 }, async () => {
    const invited = penholder('invite', '--postgres', db, '--negotiation', negotiation.id, '--delegation', 'Tonga', '--json');
    const name = `${negotiation.id}/delegation/tonga`;
    const writer = new Y.Doc();
    // A stock client on the node to be killed holds a change of its own that no node has yet seen.
    const watcher = connect(nodes[2]!.wsUrl, name, invited.token);
    clients.push(watcher);
    await watcher.synced();
    for (let round = 0; round < 4; round++) {
      const victim = round % 2; // nodes 0 and 1 take turns; node 2 watches
      const stock = connect(nodes[victim]!.wsUrl, name, invited.token);
      clients.push(stock);
      await stock.synced();
      const raw = new WebSocket(`${nodes[victim]!.wsUrl}/${name}?token=${encodeURIComponent(invited.token)}`);
      const frames: Uint8Array[] = [];
      raw.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
      raw.on('error', () => undefined);
      await new Promise((r) => raw.once('open', r));
      let update: Uint8Array | null = null;
      writer.once('update', (u: Uint8Array) => (update = u));
      writer.getArray<number>('rounds').push([round]);
      const expected = updateFrame(update!);
      raw.send(expected);
      await waitFor(() => frames.some((f) => f.length === expected.length && f.every((b, i) => b === expected[i])), `the echo of round ${round}`);
      await kill9(nodes[victim]!);
      // The stock client's own change, made after the node died: it keeps it and brings it to another node.
      stock.doc.getArray<string>('offline').push([`offline ${round}`]);
      stock.moveTo(nodes[2]!.wsUrl);
      await waitFor(() => watcher.doc.getArray('offline').toArray().includes(`offline ${round}`), `round ${round}'s client to converge through node 3`);
      raw.terminate();
      nodes[victim] = await spawnNode(db, redis.url);
    }
    await waitFor(() => watcher.doc.getArray('rounds').length === 4, 'every echoed round on the surviving node');
    for (const node of nodes) {
      const reader = connect(node.wsUrl, name, invited.token);
      clients.push(reader);
      await reader.synced();
      await waitFor(() => reader.doc.getArray('rounds').length === 4 && reader.doc.getArray('offline').length === 4, 'a fresh reader on every node to have everything');
      expect(reader.doc.getArray<number>('rounds').toArray().slice().sort()).toEqual([0, 1, 2, 3]);
      expect(itemsOf(reader.doc)).toEqual(itemsOf(watcher.doc));
    }
  });
});
