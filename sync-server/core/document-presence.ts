import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Logger } from 'pino';
import type { ClientConnection } from './client-connection';
import { awarenessFrame } from '../../shared/protocol/messages';
import { filterAwareness, stampAwareness } from './stamp-awareness';

/** The origin of presence other nodes' clients announced (never published again). */
const REMOTE_PRESENCE = Symbol('penholder-remote-presence');

/** What one flush sends of a document's presence. */
export interface PresenceToSend {
  /** The states that changed since the last flush, in one frame for every client; null when none did. */
  changed: Uint8Array | null;
  /** Heartbeats, each answered to its sender only. */
  heartbeats: { owner: ClientConnection; frame: Uint8Array }[];
  /** What this node's clients said, for the other nodes; null when nothing (or no other nodes). */
  publish: Uint8Array | null;
}

/**
 * A document's presence (y-protocols awareness) as the server keeps it: each client id belongs to the
 * connection that announced it, or to another node's client, and nobody speaks for another; states are
 * stamped with who the connection is. What changed is gathered for the document's next flush.
 */
export class DocumentPresence {
  readonly awareness: awarenessProtocol.Awareness;
  /** Which connection speaks for each client id. */
  private readonly owners = new Map<number, ClientConnection>();
  /** Client ids announced by another node's clients (by node): this node's clients may not take them. */
  private readonly remoteOwners = new Map<number, string>();
  /** Client ids this node's clients changed, to tell the other nodes. */
  private readonly toPublish = new Set<number>();
  private readonly changed = new Set<number>();
  private readonly heartbeats = new Set<number>();

  constructor(
    doc: Y.Doc,
    private readonly name: string,
    /** How many client ids one connection may announce, and how large a state may be. */
    private readonly limits: { maxIds: number; maxStateBytes: number },
    /** Whether other nodes share this document (then what this node's clients say is published). */
    private readonly clustered: boolean,
    private readonly logger: Logger,
    /** Called whenever something is to be sent at the next flush. */
    changedSoon: () => void,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    const local = (origin: unknown) => typeof origin === 'object' && origin !== null;
    // 'change' fires for new, changed and removed states; 'update' also for mere heartbeats.
    this.awareness.on('change', ({ added, updated, removed }: AwarenessChanges) => {
      for (const id of [...added, ...updated, ...removed]) this.changed.add(id);
      // Another node's client that left, or timed out, frees its id.
      for (const id of removed) this.remoteOwners.delete(id);
      changedSoon();
    });
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChanges, origin: unknown) => {
      // What this node's clients said (heartbeats included, so that other nodes keep their states alive).
      if (this.clustered && local(origin)) for (const id of [...added, ...updated, ...removed]) this.toPublish.add(id);
      // A heartbeat (same state, newer clock) is answered to its sender only: it keeps that client's
      // watchdog alive without costing every other client a frame, so idle clients cost N, not N².
      for (const id of updated) if (!this.changed.has(id) && local(origin)) this.heartbeats.add(id);
      changedSoon();
    });
  }

  /** Whether anyone is present. */
  get anyone(): boolean {
    return this.awareness.getStates().size > 0;
  }

  /** Everyone's state in one frame, as a newcomer or a query gets it. */
  everyone(): Uint8Array {
    return awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()]));
  }

  /** A connection's presence: stamped with its identity; ids it may not speak for, or too many, are dropped. */
  receive(connection: ClientConnection, update: Uint8Array): void {
    const identity = connection.identity!;
    let claimed = 0;
    const stamped = stampAwareness(
      update,
      { role: identity.actor.role, delegationId: identity.actor.delegationId, delegationName: identity.delegationName, name: identity.name },
      (id) => {
        const owner = this.owners.get(id);
        if (owner === connection) return true;
        if (owner !== undefined || this.remoteOwners.has(id)) return false;
        // A new id: within the connection's number of them (a stock client uses one).
        if (connection.awarenessClients.size + claimed >= this.limits.maxIds) return false;
        claimed++;
        return true;
      },
      this.limits.maxStateBytes,
    );
    if (!stamped) return;
    for (const id of stamped.clientIds) {
      this.owners.set(id, connection);
      connection.awarenessClients.add(id);
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, stamped.update, connection);
  }

  /** Presence from another node's clients (stamped there); ids this node's clients own, or a third node's, are kept. */
  applyRemote(update: Uint8Array, node: string): void {
    try {
      const kept = filterAwareness(update, (id) => !this.owners.has(id) && (this.remoteOwners.get(id) ?? node) === node);
      if (!kept) return;
      for (const e of kept.entries) {
        if (e.removed) this.remoteOwners.delete(e.clientId);
        else this.remoteOwners.set(e.clientId, node);
      }
      awarenessProtocol.applyAwarenessUpdate(this.awareness, kept.update, REMOTE_PRESENCE);
    } catch (error) {
      this.logger.error({ err: error, doc: this.name }, 'ignored malformed awareness from another node');
    }
  }

  /** A connection left: the states it spoke for go. */
  leave(connection: ClientConnection): void {
    const ids = [...connection.awarenessClients].filter((id) => this.owners.get(id) === connection);
    for (const id of ids) this.owners.delete(id);
    if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, connection);
  }

  /** Takes what the next flush sends, and forgets it. */
  take(): PresenceToSend {
    const encode = (ids: Iterable<number>) => awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...ids]);
    const publish = this.toPublish.size > 0 ? encode(this.toPublish) : null;
    const changed = this.changed.size > 0 ? awarenessFrame(encode(this.changed)) : null;
    const heartbeats: PresenceToSend['heartbeats'] = [];
    for (const id of this.heartbeats) {
      const owner = this.owners.get(id);
      if (owner) heartbeats.push({ owner, frame: awarenessFrame(encode([id])) });
    }
    this.toPublish.clear();
    this.changed.clear();
    this.heartbeats.clear();
    return { changed, heartbeats, publish };
  }

  destroy(): void {
    this.awareness.destroy();
  }
}

interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}
