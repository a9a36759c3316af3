import * as Y from 'yjs';
import type { Logger } from 'pino';
import type { ClientConnection } from './client-connection';
import type { DocumentStore } from '../storage/document-store';
import { MERGE_BELOW_BYTES } from './slice-update';
import { mergeUpdates } from '../../shared/protocol/merge-updates';
import { updateFrame } from '../../shared/protocol/messages';

/** The origin of changes other nodes made durable and published (never stored or published again). */
export const REMOTE_ORIGIN = Symbol('penholder-remote');
/**
 * The origin of another node's update applied while this document held updates back for missing ones:
 * what it lets in may be a client's of this node, not yet stored, so it is stored like the server's own.
 */
export const REMOTE_RESOLVING_ORIGIN = Symbol('penholder-remote-resolving');

/** What OtherNodes needs of the hosted document it follows the other nodes for. */
export interface OtherNodesHost {
  readonly name: string;
  readonly doc: Y.Doc;
  readonly connections: ReadonlySet<ClientConnection>;
  readonly store: DocumentStore;
  readonly logger: Logger;
  /** Whether the document was dropped from memory. */
  gone(): boolean;
}

/**
 * A hosted document's side of the other nodes of a cluster: their updates, durable before they were
 * published, are applied and sent on to this node's clients; one that waits for an update this node
 * never heard of makes it read the store, which has it.
 */
export class OtherNodes {
  /** Other nodes' updates applied and not yet sent: only sent to this node's clients, never stored again. */
  private queued: Uint8Array[] = [];
  private sendScheduled = false;
  private resyncing = false;
  private lastResync = 0;

  constructor(private readonly host: OtherNodesHost) {}

  /** Applies an update another node made durable; it is sent to this node's clients, not stored again. */
  apply(update: Uint8Array): void {
    if (this.host.gone()) return;
    const { doc } = this.host;
    const holdingBack = doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
    try {
      Y.applyUpdate(doc, update, holdingBack ? REMOTE_RESOLVING_ORIGIN : REMOTE_ORIGIN);
    } catch (error) {
      this.host.logger.error({ err: error, doc: this.host.name }, 'ignored a malformed update from another node');
    }
    this.resyncIfMissing();
  }

  /**
   * The document emitted `update` for another node's change: it leaves as soon as the fan-out's callback
   * that brought it returns (the updates of one read from Redis merged), without waiting for the rest of
   * the turn nor for this node's own commit in progress (nothing of it can depend on what is not
   * published yet). Queued frames (sync answers) still wait for the flush that makes them safe.
   */
  received(update: Uint8Array): void {
    this.queued.push(update);
    if (this.sendScheduled) return;
    this.sendScheduled = true;
    process.nextTick(() => {
      this.sendScheduled = false;
      if (this.host.gone() || this.queued.length === 0) return;
      const updates = this.queued.splice(0);
      const merged = updates.length > 1 && updates.reduce((sum, u) => sum + u.length, 0) <= MERGE_BELOW_BYTES ? [mergeUpdates(updates)] : updates;
      const frames = merged.map(updateFrame);
      for (const connection of [...this.host.connections]) connection.sendNow(frames);
    });
  }

  /**
   * An update that waits for one this node never heard of (a node died between its commit and its
   * publish, or a message was lost) makes it read the store, which has it.
   */
  resyncIfMissing(): void {
    const { store } = this.host.doc;
    if (!(store.pendingStructs || store.pendingDs) || this.resyncing) return;
    this.resyncing = true;
    // At most one read a second: what stays missing after a read (it was never stored) costs little.
    setTimeout(() => {
      this.lastResync = Date.now();
      void this.resync()
        .catch((error: unknown) => this.host.logger.warn({ err: error, doc: this.host.name }, 'could not resynchronise from the store'))
        .finally(() => (this.resyncing = false));
    }, Math.max(50, 1_000 - (Date.now() - this.lastResync))).unref();
  }

  /** Reads the document from the store again and sends this node's clients what they miss. */
  async resync(): Promise<void> {
    if (this.host.gone()) return;
    const stored = await this.host.store.load(this.host.name);
    if (stored) this.apply(stored);
  }
}
