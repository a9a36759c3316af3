import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RunningServer } from '../../sync-server';
import { connect, seedNegotiation, startNode, waitFor, type ClusterClient } from '../cluster/cluster-harness';
import { skipCluster, TestPostgres } from '../cluster/services';

/**
 * On PostgreSQL the servers learn of a revocation by polling (every 10 ms), so a write can pass the
 * server's check just after its writer was revoked. The commit itself is the fence: it locks the
 * writers' invitations and leaves out the rows of a revoked one.
 */
describe.skipIf(skipCluster)('a revocation on PostgreSQL against writes already on their way', () => {
  let postgres: TestPostgres;
  let db: string;
  let seeded: Awaited<ReturnType<typeof seedNegotiation>>;
  let node: RunningServer | null = null;
  const clients: ClusterClient[] = [];

  beforeAll(async () => {
    postgres = await TestPostgres.start();
    db = await postgres.createDatabase();
    seeded = await seedNegotiation(db);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await node?.close();
    await seeded?.data.close();
    await postgres?.destroy();
  });

  it('stores no update of a revoked writer, and the rest of its group', async () => {
    const { store, invitations } = seeded.data;
    const peru = await seeded.invite('delegation', 'Peru');
    const chile = await seeded.invite('delegation', 'Chile');
    const update = (text: string): Uint8Array => {
      const d = new Y.Doc();
      d.getText('t').insert(0, text);
      return Y.encodeStateAsUpdate(d);
    };

    await store.appendUpdate('fence/peru', update('before'), [peru.id]);
    await invitations.revoke({ id: peru.id });
    // One group: the row holding Peru's write is left out, Chile's and the server's own are stored.
    const appends = [store.appendUpdate('fence/peru', update('after'), [peru.id, chile.id]), store.appendUpdate('fence/chile', update('chile'), [chile.id]), store.appendUpdate('fence/server', update('server'))];
    const [refused, ...stored] = await Promise.allSettled(appends);
    expect(refused).toMatchObject({ status: 'rejected', reason: { message: expect.stringMatching(/revoked before it could be stored/) } });
    expect(stored.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(await Promise.all(['fence/peru', 'fence/chile', 'fence/server'].map((n) => store.rowCount(n)))).toEqual([1, 1, 1]);
  });

  it('refuses, in the commit, the writes a server accepted while the revocation was being committed', { timeout: 90_000 }, async () => {
    const mexico = await seeded.invite('delegation', 'Mexico');
    const name = `${seeded.negotiationId}/delegation/mexico`;
    node = await startNode(db, null, { limits: { revalidateMs: 600_000 } });
    const writer = connect(node.wsUrl, name, mexico.token);
    clients.push(writer);
    await writer.synced();
    const notes = writer.doc.getMap<string>('notes');
    const stored = async (): Promise<Y.Map<unknown>> => {
      const d = new Y.Doc();
      const update = await seeded.data.store.load(name);
      if (update) Y.applyUpdate(d, update);
      return d.getMap('notes');
    };
    notes.set('before', 'stored');
    await waitFor(async () => (await stored()).has('before'), 'the first write to be stored');

    // The revocation, committed by another process: until it commits, no server can see it.
    const admin = await seeded.data.pool.connect();
    try {
      await admin.query('BEGIN');
      await admin.query('UPDATE penholder_invitations SET revoked_at = now() WHERE id = $1', [mexico.id]);
      notes.set('during', 'the server cannot know yet');
      // The server accepted the write (nobody is revoked for it yet) and its commit waits on the invitation.
      const blocked = async () => {
        const { rows } = await seeded.data.pool.query<{ n: string }>("SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO penholder_updates%'");
        return Number(rows[0]!.n) > 0;
      };
      await waitFor(blocked, "the server's commit of the write to wait for the revocation", 30_000);
      await admin.query('COMMIT');
    } finally {
      admin.release();
    }
    await waitFor(() => writer.closes.length > 0, 'the revoked writer to be closed', 30_000);
    const after = await stored();
    expect(after.get('before')).toBe('stored');
    expect(after.has('during')).toBe(false);
  });
});
