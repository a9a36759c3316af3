import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, RevocationWatch, type PostgresData } from '../../sync-server';
import { waitFor } from './cluster-harness';
import { skipCluster, TestPostgres } from './services';

/** Nodes hear of revocations from PostgreSQL (LISTEN/NOTIFY) instead of asking it every 10 ms. */
describe.skipIf(skipCluster)('revocations announced by PostgreSQL', () => {
  let postgres: TestPostgres;
  let data: PostgresData;
  let other: PostgresData;

  beforeAll(async () => {
    postgres = await TestPostgres.start();
    const db = await postgres.createDatabase();
    data = await openPostgres(db);
    other = await openPostgres(db);
  });
  afterAll(async () => {
    await data?.close();
    await other?.close();
    await postgres?.destroy();
  });

  it('announces every revocation, however it was made, and listens again after losing its connection', { timeout: 60_000 }, async () => {
    const events: string[] = [];
    const stop = data.invitations.watchRevocations({ revoked: () => events.push('revoked'), listening: (up) => events.push(up ? 'up' : 'down') });
    try {
      await waitFor(() => events.includes('up'), 'the store to listen');
      const { invitation } = await other.invitations.create({ negotiationId: 'n', role: 'delegation', delegation: { id: 'mexico', name: 'Mexico' } });
      events.length = 0;
      // Through another node's store, then straight in SQL (an operator): both are announced.
      await other.invitations.revoke({ id: invitation.id });
      await waitFor(() => events.includes('revoked'), 'the revocation through a store to be announced');
      const second = (await other.invitations.create({ negotiationId: 'n', role: 'delegation', delegation: { id: 'peru', name: 'Peru' } })).invitation;
      events.length = 0;
      await other.pool.query('UPDATE penholder_invitations SET revoked_at = now() WHERE id = $1', [second.id]);
      await waitFor(() => events.includes('revoked'), 'the revocation in SQL to be announced');
      // The listening connection dies: the watcher is told to poll, then it listens again and reads once.
      events.length = 0;
      await other.pool.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN penholder_revoked'");
      await waitFor(() => events.includes('down'), 'the lost connection to be reported');
      await waitFor(() => events.indexOf('up', events.indexOf('down')) > 0, 'the store to listen again', 20_000);
      expect(events.slice(events.indexOf('up'))).toContain('revoked');
      events.length = 0;
      const third = (await other.invitations.create({ negotiationId: 'n', role: 'delegation', delegation: { id: 'chile', name: 'Chile' } })).invitation;
      await other.invitations.revoke({ id: third.id });
      await waitFor(() => events.includes('revoked'), 'a revocation after reconnecting to be announced');
    } finally {
      stop();
    }
  });

  it('closes a revoked invitation\'s connections through the announcement, the timer asking only every second', { timeout: 30_000 }, async () => {
    const { invitation } = await other.invitations.create({ negotiationId: 'n', role: 'delegation', delegation: { id: 'cuba', name: 'Cuba' } });
    const closed: string[] = [];
    let polls = 0;
    let listening = false;
    const counted = Object.assign(Object.create(data.invitations) as typeof data.invitations, {
      revokedSince: (since: string) => {
        polls++;
        return data.invitations.revokedSince(since);
      },
      watchRevocations: (listener: Parameters<typeof data.invitations.watchRevocations>[0]) =>
        data.invitations.watchRevocations({
          revoked: () => listener.revoked(),
          listening: (up) => {
            listener.listening(up);
            listening = up;
          },
        }),
    });
    const watch = new RevocationWatch(counted, (id) => closed.push(id), pino({ level: 'silent' }));
    watch.start();
    try {
      // Listening: the 10 ms timer gave way to one a second.
      await waitFor(() => listening, 'the watch to listen');
      await new Promise((r) => setImmediate(r));
      const before = polls;
      await new Promise((r) => setTimeout(r, 300)); // a span in which a 10 ms timer would have polled many times
      expect(polls - before).toBeLessThanOrEqual(1);
      await other.invitations.revoke({ id: invitation.id });
      await waitFor(() => closed.includes(invitation.id), 'the revoked invitation\'s connections to be closed');
    } finally {
      watch.stop();
    }
  });
});
