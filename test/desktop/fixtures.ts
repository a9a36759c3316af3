import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { demoNegotiation } from '../../main/demo/demo-negotiation';
import { pinnedWebSocket } from '../../main/session/certificate-pins';
import { LocalStore } from '../../main/store/local-store';

export const quiet = pino({ level: 'silent' });

export const tempDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), `penholder-${prefix}-`));

/** A local store holding the demo negotiation, as a co-facilitator's laptop would. */
export function storeWithDemo(dir = tempDir('desk')): { store: LocalStore; dir: string; negotiationId: string } {
  const store = new LocalStore(path.join(dir, 'local.sqlite'));
  const negotiation = demoNegotiation();
  const documents = new Map<string, Uint8Array>();
  for (const [docPath, doc] of negotiation.documents()) documents.set(docPath, Y.encodeStateAsUpdate(doc));
  store.putDocuments(negotiation.id, documents);
  store.remember({ negotiationId: negotiation.id, title: negotiation.table.meta().title });
  return { store, dir, negotiationId: negotiation.id };
}

/** The stock y-websocket client on one document, synced; over wss:// to a hosted session, pinned to its certificate's fingerprint. */
export async function connect(wsUrl: string, name: string, token: string, fingerprint?: string): Promise<{ doc: Y.Doc; provider: WebsocketProvider; close: () => void }> {
  const doc = new Y.Doc();
  const polyfill = fingerprint ? pinnedWebSocket(fingerprint) : WebSocket;
  const provider = new WebsocketProvider(wsUrl, name, doc, { WebSocketPolyfill: polyfill as never, params: { token }, disableBc: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no sync on ${name}`)), 10_000);
    provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return {
    doc,
    provider,
    close: () => {
      provider.destroy();
      provider.awareness.destroy();
      doc.destroy();
    },
  };
}

export const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));
