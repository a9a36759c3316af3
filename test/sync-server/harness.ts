import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as authProtocol from 'y-protocols/auth';
import { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import { RoomProvider, type RoomSocket } from '../../renderer/sync/room-provider';
import { createNegotiation } from '../../shared/model/create-negotiation';
import type { Role } from '../../shared/model/actor';
import type { Negotiation } from '../../shared/model/negotiation';
import { editStoredTable, inviteDelegation, openDataDir, type DataDir, type ServerLimits, startServer, type RunningServer } from '../../sync-server';

/** A fresh data directory holding one negotiation. */
export async function makeDataDir(): Promise<{ dir: string; negotiationId: string; invite: (role: Role, delegation: string | null, expiresAt?: string | null) => Promise<string>; data: DataDir }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-sync-'));
  const negotiation = createNegotiation({ title: 'Political declaration on trafficking' });
  const data = openDataDir(dir);
  await data.store.appendUpdate(`${negotiation.id}/table`, Y.encodeStateAsUpdate(negotiation.table.doc));
  const invite = async (role: Role, delegation: string | null, expiresAt: string | null = null) =>
    (
      await inviteDelegation(
        { invitations: data.invitations, serverUrl: null, editTable: (id, edit) => editStoredTable(data.store, id, edit) },
        { negotiationId: negotiation.id, delegationName: delegation, role, expiresAt },
      )
    ).token;
  return { dir, negotiationId: negotiation.id, invite, data };
}

/** A server on port 0 over a fresh data directory, with quiet logs. */
export async function startTestServer(limits: Partial<ServerLimits> = {}): Promise<Awaited<ReturnType<typeof makeDataDir>> & { server: RunningServer }> {
  const made = await makeDataDir();
  const server = await startServer({ dataDir: made.dir, port: 0, logger: pino({ level: 'silent' }), limits });
  return { ...made, server };
}

/** A stock y-websocket client, with what the server told it. */
export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  denied: string[];
  closes: { code: number; reason: string }[];
  synced: Promise<void>;
  destroy(): void;
}

/** Connects the stock WebsocketProvider (v3) to a document with a token. */
export function connectClient(wsUrl: string, name: string, token: string, options: { maxBackoffTime?: number } = {}): TestClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, name, doc, { WebSocketPolyfill: WebSocket as never, params: { token }, disableBc: true, maxBackoffTime: options.maxBackoffTime ?? 2500 });
  const denied: string[] = [];
  const closes: { code: number; reason: string }[] = [];
  // The app's handler for y-protocols' permission-denied (the stock one only logs it).
  provider.messageHandlers[2] = (_encoder, decoder) => authProtocol.readAuthMessage(decoder, doc, (_doc, reason) => denied.push(reason));
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    provider.once('sync', (s: boolean) => s && resolve());
  });
  return {
    doc,
    provider,
    denied,
    closes,
    synced,
    destroy: () => {
      provider.destroy();
      provider.awareness.destroy(); // the provider created it, but does not destroy it (its timer would live on)
      doc.destroy();
    },
  };
}

/** Polls (every `intervalMs`) until `check` holds, or fails with `what`. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000, intervalMs = 10): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** A raw socket, for frames the stock client would never send. */
export function rawSocket(wsUrl: string, name: string, token: string): Promise<{ ws: WebSocket; frames: Uint8Array[]; closed: Promise<{ code: number; reason: string }> }> {
  const ws = new WebSocket(`${wsUrl}/${name}?token=${encodeURIComponent(token)}`);
  const frames: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  ws.on('error', () => undefined);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, frames, closed }));
    ws.once('unexpected-response', () => reject(new Error('upgrade refused')));
  });
}

/** A participant on the multiplexed protocol (the app's RoomProvider): every document the server pushes is added as it arrives. */
export function roomClient(wsUrl: string, negotiationId: string, token: string) {
  const provider = new RoomProvider(wsUrl, negotiationId, token, { WebSocket: WebSocket as unknown as new (url: string) => RoomSocket });
  const docs = new Map<string, Y.Doc>();
  const table = new Y.Doc();
  const awareness = new Awareness(table);
  const denied: { document: string; reason: string }[] = [];
  const closes: { code: number; reason: string }[] = [];
  const add = (name: string, doc = new Y.Doc()): Y.Doc => {
    docs.set(name, doc);
    provider.add(name, doc, name.endsWith('/table') ? awareness : null);
    return doc;
  };
  add(`${negotiationId}/table`, table);
  provider.on('unknown', (name) => void add(name));
  provider.on('denied', (document, reason) => denied.push({ document, reason }));
  provider.on('closed', (code, reason) => closes.push({ code, reason }));
  provider.connect();
  return {
    provider,
    docs,
    awareness,
    denied,
    closes,
    add,
    doc: (path: string) => docs.get(`${negotiationId}/${path}`),
    destroy() {
      provider.destroy();
      awareness.destroy();
    },
  };
}

/** A room participant (see roomClient). */
export type RoomClient = ReturnType<typeof roomClient>;

/**
 * A server on port 0 with a witness: a delegation (Mexico) connected to its own document, by which a
 * test tells that the server still serves others after an attack.
 */
export async function startWitnessedServer(limits: Partial<ServerLimits> = {}) {
  const t = await startTestServer(limits);
  const token = await t.invite('delegation', 'Mexico');
  const doc = `${t.negotiationId}/delegation/mexico`;
  const witness = connectClient(t.server.wsUrl, doc, token);
  await witness.synced;
  return {
    ...t,
    token,
    doc,
    witness,
    /** A write by the witness reaches a newcomer on the same document: the server still serves. */
    async stillServing(mark: string): Promise<void> {
      const other = connectClient(t.server.wsUrl, doc, token);
      try {
        await other.synced;
        witness.doc.getMap('marks').set(mark, true);
        await waitFor(() => other.doc.getMap('marks').get(mark) === true, `round trip of ${mark}`, 20_000);
      } finally {
        other.destroy();
      }
    },
    async close(): Promise<void> {
      witness.destroy();
      await t.server.close();
    },
  };
}

/** A server with its witness (see startWitnessedServer). */
export type WitnessedServer = Awaited<ReturnType<typeof startWitnessedServer>>;

/** A negotiation (the model's sample, as prepared by a test) stored under the id "sample" and served, with a co-facilitator's and Mexico's tokens. */
export async function serveSample(negotiation: Negotiation, limits: Partial<ServerLimits> = {}): Promise<{ dir: string; data: DataDir; server: RunningServer; tokens: Record<'cofac' | 'mexico', string> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-sample-'));
  const data = openDataDir(dir);
  await data.store.appendUpdate('sample/table', Y.encodeStateAsUpdate(negotiation.table.doc));
  const context = { invitations: data.invitations, serverUrl: null, editTable: <T>(id: string, edit: (n: Negotiation) => T) => editStoredTable(data.store, id, edit) };
  const cofac = (await inviteDelegation(context, { negotiationId: 'sample', delegationName: null, role: 'cofacilitator', expiresAt: null })).token;
  const mexico = (await inviteDelegation(context, { negotiationId: 'sample', delegationName: 'Mexico', role: 'delegation', expiresAt: null })).token;
  const server = await startServer({ dataDir: dir, port: 0, logger: pino({ level: 'silent' }), limits });
  return { dir, data, server, tokens: { cofac, mexico } };
}
