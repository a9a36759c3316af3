import pino from 'pino';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as authProtocol from 'y-protocols/auth';
import { WebsocketProvider } from 'y-websocket';
import type { Role } from '../../shared/model/actor';
import { createNegotiation } from '../../shared/model/create-negotiation';
import { openClusterBackend, editStoredTable, inviteDelegation, openPostgres, type PostgresData, type DocumentStore, type ServerLimits, startServer, type RunningServer } from '../../sync-server';

/** A node in this process, on port 0, over the shared PostgreSQL and Redis. */
export async function startNode(
  postgres: string,
  redis: string | null,
  options: {
    limits?: Partial<ServerLimits>;
    pollMs?: number;
    /** Holds every document read this long after it returned, widening the load race. */
    slowLoadMs?: number;
    /** Holds every write this long before it is committed, as a slow disk or a distant database would. */
    slowAppendMs?: number;
  } = {},
): Promise<RunningServer> {
  const logger = pino({ level: process.env.PENHOLDER_TEST_LOG ?? 'silent' });
  const backend = await openClusterBackend({ postgres, redis, logger, pollMs: options.pollMs ?? 500 });
  const { store } = backend;
  const { slowLoadMs, slowAppendMs } = options;
  const wait = (ms: number | undefined) => (ms ? new Promise((r) => setTimeout(r, ms)) : null);
  const wrapped: DocumentStore =
    slowLoadMs || slowAppendMs
      ? {
          load: async (name) => {
            const loaded = await store.load(name);
            await wait(slowLoadMs);
            return loaded;
          },
          appendUpdate: async (name, update, writers) => {
            await wait(slowAppendMs);
            return store.appendUpdate(name, update, writers);
          },
          compact: (name) => store.compact(name),
          close: () => store.close(),
        }
      : store;
  return startServer({ backend: { ...backend, store: wrapped, health: () => backend.health!(), close: () => backend.close() }, port: 0, logger, limits: { revalidateMs: 500, ...options.limits } });
}

/** One negotiation in a fresh database, and a way to invite to it. */
export async function seedNegotiation(postgres: string): Promise<{ negotiationId: string; data: PostgresData; invite: (role: Role, delegation: string | null) => Promise<{ id: string; token: string }> }> {
  const data = await openPostgres(postgres);
  const negotiation = createNegotiation({ title: 'Political declaration on antimicrobial resistance' });
  await data.store.appendUpdate(`${negotiation.id}/table`, Y.encodeStateAsUpdate(negotiation.table.doc));
  const invite = async (role: Role, delegation: string | null) => {
    const issued = await inviteDelegation(
      { invitations: data.invitations, serverUrl: null, editTable: (id, edit) => editStoredTable(data.store, id, edit) },
      { negotiationId: negotiation.id, delegationName: delegation, role, expiresAt: null },
    );
    return { id: issued.id, token: issued.token };
  };
  return { negotiationId: negotiation.id, data, invite };
}

/** A stock y-websocket client (v3) that can move to another node with its document, as the app does. */
export interface ClusterClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  denied: string[];
  closes: { code: number; reason: string }[];
  synced(): Promise<void>;
  /** Connects the same document (and what it holds locally) to another node. */
  moveTo(wsUrl: string): void;
  destroy(): void;
}

export function connect(wsUrl: string, name: string, token: string, doc = new Y.Doc()): ClusterClient {
  const denied: string[] = [];
  const closes: { code: number; reason: string }[] = [];
  const open = (url: string) => {
    const provider = new WebsocketProvider(url, name, doc, { WebSocketPolyfill: WebSocket as never, params: { token }, disableBc: true, maxBackoffTime: 300 });
    provider.messageHandlers[2] = (_encoder, decoder) => authProtocol.readAuthMessage(decoder, doc, (_doc, reason) => denied.push(reason));
    provider.on('connection-close', (event) => {
      if (event) closes.push({ code: event.code, reason: event.reason });
    });
    return provider;
  };
  const client: ClusterClient = {
    doc,
    provider: open(wsUrl),
    denied,
    closes,
    synced: () =>
      new Promise<void>((resolve) => {
        if (client.provider.synced) return resolve();
        const on = (s: boolean) => {
          if (!s) return;
          client.provider.off('sync', on);
          resolve();
        };
        client.provider.on('sync', on);
      }),
    moveTo(url) {
      const old = client.provider;
      old.destroy();
      old.awareness.destroy();
      client.provider = open(url);
    },
    destroy() {
      client.provider.destroy();
      client.provider.awareness.destroy();
      doc.destroy();
    },
  };
  return client;
}

/** Polls until `check` holds, or fails with `what`. */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The items of a document's `log` array, sorted, for comparing what different clients hold. */
export const itemsOf = (doc: Y.Doc): string[] => doc.getArray<string>('log').toArray().slice().sort();

/** GET /healthz as JSON, with its status. */
export async function health(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
