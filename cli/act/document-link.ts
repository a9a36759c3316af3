import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as authProtocol from 'y-protocols/auth';
import * as syncProtocol from 'y-protocols/sync';
import { isPermanentClose } from '../../shared/protocol/close-codes';
import { MessageType } from '../../shared/protocol/messages';

/** Why the server would not keep a document in sync: the invitation was refused, or it refused a write. */
export class LinkRefused extends Error {
  constructor(
    message: string,
    /** A close code (4401, 4403, 4404) or "permission-denied" for a refused write. */
    readonly code: number | 'permission-denied',
  ) {
    super(message);
    this.name = 'LinkRefused';
  }
}

/**
 * One document kept in sync with the server over the plain y-websocket protocol, for a short-lived
 * scripted client. The server echoes an update to every connection, its sender included, only once it
 * is durable; so `serverView` (everything the server sent) equals the local document exactly when every
 * local change is stored. That is what `confirmed()` checks: deletions included, which advance no clock.
 */
export class DocumentLink {
  readonly doc = new Y.Doc();
  private readonly serverView = new Y.Doc();
  private refusal: LinkRefused | null = null;
  private failure: Error | null = null;
  private readonly waiters = new Set<() => void>();

  private constructor(
    readonly name: string,
    private readonly ws: WebSocket,
  ) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      syncProtocol.writeUpdate(encoder, update);
      this.ws.send(encoding.toUint8Array(encoder));
    });
  }

  /** Connects and resolves once the first exchange of states is done (the server's copy is here). */
  static open(wsUrl: string, name: string, token: string): Promise<DocumentLink> {
    const ws = new WebSocket(`${wsUrl}/${name}?token=${encodeURIComponent(token)}`, { perMessageDeflate: false });
    ws.binaryType = 'arraybuffer';
    const link = new DocumentLink(name, ws);
    return new Promise((resolve, reject) => {
      let synced = false;
      ws.on('open', () => {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MessageType.sync);
        syncProtocol.writeSyncStep1(encoder, link.doc);
        ws.send(encoding.toUint8Array(encoder));
      });
      ws.on('message', (data: ArrayBuffer) => {
        const step = link.receive(new Uint8Array(data));
        if (step === syncProtocol.messageYjsSyncStep2 && !synced) {
          synced = true;
          resolve(link);
        }
      });
      ws.on('close', (code: number, reason: Buffer) => {
        const why = reason.toString() || `the connection closed (${code})`;
        const error = isPermanentClose(code) ? new LinkRefused(why, code) : new Error(`${name}: ${why}`);
        link.failure ??= error;
        link.wake();
        if (!synced) reject(error);
      });
      ws.on('error', (error: Error) => {
        link.failure ??= new Error(`cannot reach the server at ${wsUrl}: ${error.message}`);
        link.wake();
        if (!synced) reject(link.failure);
      });
    });
  }

  /** Handles one frame; returns the sync sub-message type it carried, if any. */
  private receive(frame: Uint8Array): number | null {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.auth) {
      authProtocol.readAuthMessage(decoder, this.doc, (_doc, reason) => {
        this.refusal ??= new LinkRefused(reason, 'permission-denied');
      });
      this.wake();
      return null;
    }
    if (type !== MessageType.sync) return null;
    const sub = decoding.readVarUint(decoder);
    if (sub === syncProtocol.messageYjsSyncStep1) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      syncProtocol.writeSyncStep2(encoder, this.doc, decoding.readVarUint8Array(decoder));
      this.ws.send(encoding.toUint8Array(encoder));
      return sub;
    }
    const update = decoding.readVarUint8Array(decoder);
    Y.applyUpdate(this.serverView, update);
    Y.applyUpdate(this.doc, update, this);
    this.wake();
    return sub;
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  /** True when the server holds, durably, everything this document holds. */
  confirmed(): boolean {
    return Y.equalSnapshots(Y.snapshot(this.serverView), Y.snapshot(this.doc));
  }

  /**
   * Resolves once every local change is confirmed; rejects with LinkRefused when the server refused a
   * write, or with an error when the connection failed or the time ran out.
   */
  settle(timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (this.refusal) return done(this.refusal);
        if (this.confirmed()) return done(null);
        if (this.failure) return done(this.failure);
      };
      const timer = setTimeout(() => done(new Error(`the server did not confirm the change to ${this.name} within ${Math.round(timeoutMs / 1000)} s; check with "penholder act … show" whether it arrived before trying again`)), timeoutMs);
      const done = (error: Error | null): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
        if (error) reject(error);
        else resolve();
      };
      this.waiters.add(check);
      check();
    });
  }

  close(): void {
    this.ws.close(1000);
    this.doc.destroy();
    this.serverView.destroy();
  }
}
