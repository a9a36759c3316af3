import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { connectClient, waitFor, type TestClient } from './harness';
import { sampleNegotiation } from '../model/fixture';
import { decisionLog, verifyLog } from '../../shared/model/decision-log';
import { setStatus } from '../../shared/model/facilitator-commands';
import { Negotiation } from '../../shared/model/negotiation';
import { NegotiationConnection } from '../../renderer/sync/negotiation-connection';
import type { Session } from '../../renderer/session/session';
import { editStoredTable, inviteDelegation, openDataDir, startServer, type DataDir, type RunningServer } from '../../sync-server';

/*
 * The app's own connection (NegotiationConnection, over the multiplexed protocol) against a real server
 * on port 0: when the server refuses one of its table updates, it drops its copy and syncs afresh, so
 * that its next valid change, which a copy holding the refused one would build on, is stored.
 */
describe('a client whose table update was refused recovers', () => {
  let dir: string;
  let data: DataDir;
  let server: RunningServer;
  let token: string;
  let witness: TestClient;
  const stored = async (): Promise<Negotiation> => {
    const n = new Negotiation('sample');
    for (const row of await data.store.loadUpdates!('sample/table')) Y.applyUpdate(n.table.doc, row);
    return n;
  };

  beforeAll(async () => {
    (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-refused-'));
    data = openDataDir(dir);
    await data.store.appendUpdate('sample/table', Y.encodeStateAsUpdate(sampleNegotiation().negotiation.table.doc));
    const context = { invitations: data.invitations, serverUrl: null, editTable: <T>(id: string, edit: (n: Negotiation) => T) => editStoredTable(data.store, id, edit) };
    token = (await inviteDelegation(context, { negotiationId: 'sample', delegationName: null, role: 'cofacilitator', expiresAt: null })).token;
    server = await startServer({ dataDir: dir, port: 0, logger: pino({ level: 'silent' }) });
    witness = connectClient(server.wsUrl, 'sample/table', token);
    await witness.synced;
  });
  afterAll(async () => {
    witness.destroy();
    await server.close();
    data.close();
  });

  it('drops the refused change, syncs the table afresh, and its next change to the same paragraph is stored and reaches others', async () => {
    const session: Session = { httpUrl: server.url, wsUrl: server.wsUrl, token, negotiationId: 'sample', role: 'cofacilitator', delegation: null, label: 'co-facilitator' };
    const connection = new NegotiationConnection(session, null, null);
    try {
      await waitFor(() => connection.getStatus().network === 'connected' && connection.negotiation.table.paragraph('p1') !== null, 'the app to sync the table', 30_000);
      const first = connection.negotiation.table;
      // A change no command makes (unlogged): refused, and the copy that holds it is dropped.
      first.setStatus('p1', { state: 'agreed' });
      await waitFor(() => connection.getStatus().refusedWrite === 'sample/table', 'the refusal', 30_000);
      await waitFor(() => connection.negotiation.table !== first && connection.negotiation.table.paragraph('p1')?.status.state === 'open' && connection.getStatus().network === 'connected', 'a fresh copy of the table from the server', 30_000);
      // The same key of the same paragraph: on the refused copy, this change would wait for the refused one forever.
      setStatus(connection.negotiation, connection.actor, 'p1', { state: 'agreed' });
      const seen = new Negotiation('sample', witness.doc);
      await waitFor(() => seen.table.paragraph('p1')?.status.state === 'agreed', 'the valid change to reach another client', 30_000);
      const table = (await stored()).table;
      expect(table.paragraph('p1')!.status.state).toBe('agreed');
      expect(decisionLog(table).at(-1)).toMatchObject({ kind: 'status', paragraph: 'p1', author: 'co-facilitator' });
      expect(verifyLog(table).ok).toBe(true);
      expect(witness.denied).toEqual([]);
    } finally {
      connection.destroy();
    }
  });
});
