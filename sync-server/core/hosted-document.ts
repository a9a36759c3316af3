import * as Y from 'yjs';
import type { Logger } from 'pino';
import type { ClientConnection } from './client-connection';
import { CloseCode } from '../../shared/protocol/close-codes';
import type { DocumentStore } from '../storage/document-store';
import type { FanoutSubscription } from './document-fanout';
import { isKnownUpdate } from './known-update';
import { decodeClientMessage, permissionDeniedFrame, ProtocolError, syncStep1Frame, syncStep2Frame, updateFrame } from '../../shared/protocol/messages';
import { callHooks, refusalOf, type ServerHooks } from './server-hooks';
import { applyInSlices } from './apply-in-slices';
import { FullState } from './full-state';
import { MERGE_BELOW_BYTES, SLICE_ABOVE_BYTES } from './slice-update';
import { UpdateSlicer } from './update-slicer';
import { DocumentPresence } from './document-presence';
import { mergeUpdates } from '../../shared/protocol/merge-updates';
import { OtherNodes, REMOTE_ORIGIN, REMOTE_RESOLVING_ORIGIN } from './other-nodes';
import { factsOfDocument } from './delegation-facts';
import { mayHoldOffThread, seedOf } from './document-thread';
import { OffThreadDocument } from './off-thread-document';

/** The origin of changes the server makes itself (roster changes from the admin API). */
export const SERVER_ORIGIN = Symbol('penholder-server');
/** The origin of the stored rows a document is loaded from (not stored again). */
const LOADED_ORIGIN = Symbol('penholder-loaded');

/**
 * A document loaded in memory with its clients. Incoming updates are applied at once, then made
 * durable together once per event-loop turn; only then does anything leave for the clients, each of
 * which gets at most one merged update frame and one merged awareness frame per turn.
 */
export class HostedDocument {
  readonly connections = new Set<ClientConnection>();
  private readonly presence: DocumentPresence;
  private pendingUpdates: Uint8Array[] = [];
  /** The invitations whose writes `pendingUpdates` hold (a store may refuse a revoked one's in its commit). */
  private pendingWriters = new Set<string>();
  private nextFlush: Promise<void> | null = null;
  private flushChain: Promise<void> = Promise.resolve();
  private flushing = false;
  private updatesSinceCompaction = 0;
  /** The answer to every empty client's sync step 1. */
  private readonly fullState: FullState;
  /** Bytes of the document's updates: its stored rows when loaded, and every change since. */
  private bytes = 0;
  /** Large updates being applied here in slices (the document does not move off this thread meanwhile). */
  private slicing = 0;
  /** With other nodes (a fan-out): their updates, and the store read when one is missing. */
  private readonly otherNodes: OtherNodes | null;
  /** Where the document's Y structures are once it grew past `offThreadAboveBytes` (`doc` is then frozen: see moveOffThread). */
  private thread: OffThreadDocument | null = null;
  destroyed = false;

  constructor(
    readonly name: string,
    readonly doc: Y.Doc,
    private readonly store: DocumentStore,
    private readonly hooks: readonly ServerHooks[],
    private readonly logger: Logger,
    private readonly compactAfterUpdates: number,
    private readonly fanout: FanoutSubscription | null = null,
    /** How many awareness client ids one connection may announce, and how large a state may be. */
    presenceLimits: { maxIds: number; maxStateBytes: number } = { maxIds: Infinity, maxStateBytes: Infinity },
    /** Reads and slices large updates off this thread. */
    private readonly slicer: UpdateSlicer = new UpdateSlicer(logger),
    /** Past this many bytes of updates, a document other than the table is held on a thread of its own (ServerLimits). */
    private readonly offThreadAboveBytes = Infinity,
  ) {
    this.presence = new DocumentPresence(doc, name, presenceLimits, fanout !== null, logger, () => void this.scheduleFlush());
    this.fullState = new FullState(doc, this.slicer);
    this.otherNodes = fanout && new OtherNodes({ name, doc, connections: this.connections, store, logger, gone: () => this.destroyed });
    doc.on('update', (update: Uint8Array, origin: unknown) => origin !== LOADED_ORIGIN && this.changed(update, origin));
  }

  /**
   * Applies the stored rows the document was loaded from (a snapshot and the updates since), one after
   * the other in one transaction, without merging them into one update first; they are stored already.
   */
  loadHere(rows: readonly Uint8Array[]): void {
    if (rows.length === 0) return;
    this.doc.transact(() => {
      for (const row of rows) Y.applyUpdate(this.doc, row);
    }, LOADED_ORIGIN);
  }

  /** The document changed by `update` (here, or on its thread): it is stored, then sent. */
  private changed(update: Uint8Array, origin: unknown): void {
    this.bytes += update.length;
    this.fullState.changed(update);
    if (origin === REMOTE_ORIGIN) return this.otherNodes?.received(update);
    this.pendingUpdates.push(update);
    const identity = origin === SERVER_ORIGIN || origin === REMOTE_RESOLVING_ORIGIN ? null : ((origin as ClientConnection).identity ?? null);
    if (identity) this.pendingWriters.add(identity.invitationId);
    callHooks(this.hooks, 'onChange', { documentName: this.name, update, identity });
    this.scheduleFlush();
  }

  /** Adds a connection that may read this document and starts its sync. */
  join(connection: ClientConnection): void {
    this.connections.add(connection);
    connection.outbox.push(syncStep1Frame(this.thread?.stateVector ?? Y.encodeStateVector(this.doc)));
    if (this.presence.anyone) connection.outbox.push(this.presence.everyone());
    this.scheduleFlush();
  }

  /** The stored rows the document was loaded from (a snapshot and the updates since): its whole state, as newcomers get it. */
  setFullState(rows: readonly Uint8Array[]): void {
    this.fullState.set(rows);
    this.bytes = rows.reduce((sum, row) => sum + row.length, 0);
  }

  /** Removes a connection and its presence. */
  leave(connection: ClientConnection): void {
    this.connections.delete(connection);
    this.presence.leave(connection);
  }

  /** Handles one frame; a frame that is not the protocol closes that connection, and only it. */
  receive(connection: ClientConnection, frame: Uint8Array): void {
    try {
      const message = decodeClientMessage(frame);
      switch (message.type) {
        case 'sync-step1':
          if (this.thread && !(isEmptyStateVector(message.stateVector) && this.fullState.ready)) this.thread.answerSync(connection, message.stateVector, syncStep2Frame);
          else if (isEmptyStateVector(message.stateVector)) {
            connection.outbox.push(...this.fullState.frames());
          } else connection.outbox.push(syncStep2Frame(Y.encodeStateAsUpdate(this.doc, message.stateVector)));
          break;
        case 'update':
          this.receiveUpdate(connection, message.update);
          break;
        case 'awareness':
          this.presence.receive(connection, message.update);
          break;
        case 'query-awareness':
          connection.outbox.push(this.presence.everyone());
          break;
        case 'auth':
          break; // clients have nothing to say in the auth protocol
      }
      this.scheduleFlush();
    } catch (error) {
      this.malformed(connection, error instanceof ProtocolError ? `malformed frame: ${error.message}` : `malformed content: ${(error as Error).message}`);
    }
  }

  private receiveUpdate(connection: ClientConnection, update: Uint8Array): void {
    if (connection.readOnly) {
      // A read-only client's sync step 2 replays what it holds; only something new is a write.
      if (this.thread) return this.thread.checkKnown(connection, update, () => this.refuseReadOnly(connection));
      if (!isKnownUpdate(this.doc, update)) this.refuseReadOnly(connection);
      return;
    }
    if (!this.thread && this.bytes + update.length > this.offThreadAboveBytes) this.moveOffThread();
    if (this.thread) {
      if (this.refused(connection, update)) return;
      return this.thread.apply(connection, update);
    }
    // A large update is read, checked whole, then applied without holding the thread. The table's rules
    // check each write against the whole table: its other writers wait meanwhile.
    if (update.length > SLICE_ABOVE_BYTES) {
      const waiting = this.name.endsWith('/table') ? [...this.connections].filter((c) => c !== connection && !c.applying) : [];
      for (const c of waiting) c.applying = true;
      this.slicing++;
      return applyInSlices(this.slicer, connection, update, {
        doc: this.doc,
        gone: () => this.destroyed,
        refused: () => this.refused(connection, update),
        flush: () => this.scheduleFlush(),
        settled: () => {
          this.slicing--;
          for (const c of waiting) {
            c.applying = false;
            c.applied?.();
          }
          this.otherNodes?.resyncIfMissing();
        },
        malformed: (reason) => this.malformed(connection, reason),
        failed: (error) => {
          this.logger.error({ err: error, doc: this.name }, 'could not apply a large update');
          connection.close(CloseCode.internalError, 'the server could not apply your update; reconnect to send it again');
        },
      });
    }
    // Decode before applying, so that a malformed update throws before it touches the document.
    Y.decodeUpdate(update);
    if (this.refused(connection, update)) return;
    Y.applyUpdate(this.doc, update, connection);
    this.otherNodes?.resyncIfMissing();
  }

  private refuseReadOnly(connection: ClientConnection): void {
    const identity = connection.identity!;
    this.logger.warn({ doc: this.name, role: identity.actor.role, delegation: identity.actor.delegationId, invitation: identity.invitationId }, 'refused a write to a read-only document');
    callHooks(this.hooks, 'onRefusedWrite', { documentName: this.name, identity });
    connection.outbox.push(permissionDeniedFrame(`${identity.label} may read ${this.name} but not change it; the change was not applied.`));
  }

  /**
   * Moves the document's Y structures to a thread of their own, once it grew large (a neighbour
   * pushing megabytes): applying them, and collecting them, no longer holds the turns in which the
   * others' writes are served. Only a document that is not the table (whose rules check each write
   * here against it), on a single node, and not while a large update is applied here in slices. `doc`
   * stays as it is (presence is kept with it) and is no longer changed; a delegation's facts, which the
   * table's rules read, come from the thread after each change.
   */
  private moveOffThread(): void {
    if (!mayHoldOffThread(this.name, this.fanout !== null) || this.slicing > 0 || !this.startThread(seedOf(this.doc))) return;
    const facts = factsOfDocument(this.name, this.doc);
    if (facts) callHooks(this.hooks, 'onDocumentFacts', { documentName: this.name, facts });
    this.logger.info({ doc: this.name, bytes: this.bytes }, 'the document grew large: it is now held on a thread of its own');
  }

  /**
   * Holds the document stored as `rows` on a thread of its own from the start, when it is large
   * (`doc` stays empty): resolves once that thread has applied them, its facts given to the hooks;
   * false when it may not or cannot (then `rows` are to be applied here).
   */
  async holdOffThread(rows: Uint8Array[]): Promise<boolean> {
    const bytes = rows.reduce((sum, row) => sum + row.length, 0);
    if (bytes <= this.offThreadAboveBytes || !mayHoldOffThread(this.name, this.fanout !== null) || !this.startThread(rows)) return false;
    await this.thread!.ready();
    return true;
  }

  /** Starts the document's thread from `seed`; false where none can start. */
  private startThread(seed: Uint8Array[]): boolean {
    this.thread = OffThreadDocument.start(
      {
        name: this.name,
        hooks: this.hooks,
        logger: this.logger,
        gone: () => this.destroyed,
        changed: (update, connection) => this.changed(update, connection),
        flush: () => this.scheduleFlush(),
        malformed: (connection, reason) => this.malformed(connection, reason),
        failed: (error) => this.threadFailed(error),
      },
      seed,
      Y.encodeStateVector(this.doc),
    );
    return this.thread !== null;
  }

  /** Closes a connection for what it sent (a frame or an update that cannot be read), and only it. */
  private malformed(connection: ClientConnection, reason: string): void {
    callHooks(this.hooks, 'onBadClient', { documentName: this.name, identity: connection.identity, code: CloseCode.policyViolation, reason });
    connection.close(CloseCode.policyViolation, reason);
  }

  /** The document's thread stopped: what only it held is gone, so the document is dropped (read again from the store at the next connection). */
  private threadFailed(error: Error): void {
    this.logger.error({ err: error, doc: this.name }, 'the thread holding a large document stopped; dropping the document from memory');
    for (const connection of [...this.connections]) connection.close(CloseCode.internalError, 'the server lost its copy of the document; reconnect');
    this.destroy();
  }

  /** Whether the hooks (rules, quotas, revocation) refuse the update; the client is told why. */
  private refused(connection: ClientConnection, update: Uint8Array): boolean {
    const identity = connection.identity!;
    const refusal = refusalOf(this.hooks, { documentName: this.name, doc: this.doc, update, identity });
    if (!refusal) return false;
    this.logger.warn({ doc: this.name, role: identity.actor.role, delegation: identity.actor.delegationId, invitation: identity.invitationId, reason: refusal }, 'refused a write the rules forbid');
    callHooks(this.hooks, 'onRefusedWrite', { documentName: this.name, identity, reason: refusal });
    connection.outbox.push(permissionDeniedFrame(refusal));
    return true;
  }

  /** Applies an update another node made durable (see OtherNodes). */
  applyRemoteUpdate(update: Uint8Array): void {
    this.otherNodes?.apply(update);
  }

  /** Applies awareness from another node's clients (stamped there). */
  applyRemoteAwareness(update: Uint8Array, node: string): void {
    this.presence.applyRemote(update, node);
  }

  /** Reads the document from the store again and sends this node's clients what they miss. */
  async resync(): Promise<void> {
    await this.otherNodes?.resync();
  }

  /** Applies a change made by the server itself and resolves once it is durable and sent. */
  async edit<T>(edit: (doc: Y.Doc) => T): Promise<T> {
    if (this.thread) throw new Error(`${this.name} is held on a thread of its own (it grew past ${this.offThreadAboveBytes} bytes): the server cannot change it in place`);
    const result = this.doc.transact(() => edit(this.doc), SERVER_ORIGIN);
    await this.scheduleFlush();
    return result;
  }

  /** Whether the document has no clients and nothing left to write. */
  get idle(): boolean {
    return this.connections.size === 0 && this.nextFlush === null && !this.flushing && this.pendingUpdates.length === 0 && !this.thread?.busy;
  }

  /** Resolves once every change made so far is durable and sent. */
  scheduleFlush(): Promise<void> {
    if (!this.nextFlush) {
      this.nextFlush = new Promise<void>((resolve) => {
        setImmediate(resolve);
        this.store.turn?.();
      }).then(() => {
        this.nextFlush = null;
        this.flushChain = this.flushChain.catch(() => undefined).then(() => this.flush());
        return this.flushChain;
      });
      this.nextFlush.catch(() => undefined);
    }
    return this.nextFlush;
  }

  private async flush(): Promise<void> {
    if (this.destroyed) return;
    this.flushing = true;
    // What was queued for each client so far may hold state of this flush's updates (a sync step 2):
    // it leaves once they are durable. What is queued while they are being stored waits for the next flush.
    const queued = new Map<ClientConnection, Uint8Array[]>();
    for (const connection of this.connections) queued.set(connection, connection.outbox.splice(0));
    try {
      const updates = this.pendingUpdates.splice(0);
      const writers = [...this.pendingWriters];
      this.pendingWriters.clear();
      const extra: Uint8Array[] = [];
      // Many small updates leave as one; the slices of a large one are not merged back (that would cost
      // the thread what slicing saved), they are stored and sent as they are.
      const merge = (list: Uint8Array[]): Uint8Array[] => (list.length > 1 && list.reduce((sum, u) => sum + u.length, 0) <= MERGE_BELOW_BYTES ? [mergeUpdates(list)] : list);
      if (updates.length > 0) {
        const stored = merge(updates);
        const started = performance.now();
        await Promise.all(stored.map((u) => this.store.appendUpdate(this.name, u, writers)));
        const bytes = stored.reduce((sum, u) => sum + u.length, 0);
        callHooks(this.hooks, 'onStoreDocument', { documentName: this.name, bytes, durationMs: performance.now() - started });
        for (const u of stored) this.fanout?.publishUpdate(u);
        updates.splice(0, updates.length, ...stored);
        this.updatesSinceCompaction += stored.length;
      }
      for (const u of updates) extra.push(updateFrame(u));
      const presence = this.presence.take();
      if (presence.publish) this.fanout?.publishAwareness(presence.publish);
      if (presence.changed) extra.push(presence.changed);
      for (const { owner, frame } of presence.heartbeats) (queued.get(owner) ?? owner.outbox).push(frame);
      for (const connection of [...this.connections]) connection.flush(extra, queued.get(connection) ?? []);
      if (this.updatesSinceCompaction >= this.compactAfterUpdates) {
        this.updatesSinceCompaction = 0;
        // In the background: compaction replaces rows with their merge and never drops an update.
        setImmediate(
          () =>
            void this.store.compact(this.name).then(
              () => callHooks(this.hooks, 'onCompactDocument', { documentName: this.name }),
              (error: unknown) => this.logger.error({ err: error, doc: this.name }, 'compaction failed'),
            ),
        );
      }
    } catch (error) {
      // The store refused the write: what is only in memory must not be served. Clients still hold
      // their changes and send them again when they reconnect to a fresh copy.
      this.logger.error({ err: error, doc: this.name }, 'could not store an update; dropping the document from memory');
      for (const connection of [...this.connections]) connection.close(CloseCode.internalError, 'the server could not store the document');
      this.destroy();
      throw error;
    } finally {
      this.flushing = false;
    }
  }

  /** Frees the document; its connections must be gone. Compacts the log when it grew. */
  async unload(): Promise<void> {
    const grew = this.updatesSinceCompaction > 0;
    this.destroy();
    if (grew) {
      await this.store.compact(this.name);
      callHooks(this.hooks, 'onCompactDocument', { documentName: this.name });
    }
  }

  private destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.fanout?.unsubscribe();
    this.presence.destroy();
    this.thread?.close();
    this.doc.destroy();
  }
}

/** A state vector that knows nothing (a client with an empty document): one varuint 0. */
const isEmptyStateVector = (sv: Uint8Array): boolean => sv.length === 0 || (sv.length === 1 && sv[0] === 0);
