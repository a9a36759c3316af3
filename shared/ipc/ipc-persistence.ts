import * as Y from 'yjs';
import type { PendingSummary, PenholderApi } from './contract';

/**
 * Keeps a Y.Doc in the desktop app's local store through window.penholder (the desktop counterpart of
 * the web edition's IdbPersistence): `load()` applies what is kept before any connection, so that only
 * the difference syncs; every later update is appended, local ones as pending; `confirm` or `synced`
 * marks them received by the server.
 */
export class IpcPersistence {
  private destroyed = false;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this || this.destroyed) return;
    const kind = this.isRemote(origin) ? 'remote' : 'local';
    // In order: an update is kept before the next one, and before a confirmation asked after it.
    this.queue = this.queue.then(() => this.api.store.append(this.name, update, kind)).catch((error: unknown) => this.onError(error));
  };

  constructor(
    private readonly api: Pick<PenholderApi, 'store'>,
    readonly name: string,
    readonly doc: Y.Doc,
    /** Whether an update's origin is the server (the WebsocketProvider applies the server's updates with itself as origin). */
    private readonly isRemote: (origin: unknown) => boolean,
    /** Told when the store refuses an update (the renderer shows it); by default kept in `lastError`. */
    private readonly onError: (error: unknown) => void = (error) => (this.lastError = error),
  ) {}

  /** The last error of the store, when no onError was given. */
  lastError: unknown = null;

  /** Applies what this computer keeps, then keeps every later update. */
  async load(): Promise<void> {
    const kept = await this.api.store.load(this.name);
    if (kept) Y.applyUpdate(this.doc, kept, this);
    this.doc.on('update', this.onUpdate);
  }

  /** The server's state vector for the document: the local updates it covers are confirmed. */
  async confirm(serverStateVector: Uint8Array): Promise<PendingSummary> {
    // A confirmation asked in the same turn as an update (another 'update' listener ran first) waits for it to be queued.
    await Promise.resolve();
    await this.queue;
    return this.api.store.confirm(this.name, serverStateVector);
  }

  /**
   * The provider completed a sync: everything this replica held has been exchanged. Confirms with the
   * replica's own state vector (use `confirm` with the server's when it is known).
   */
  synced(): Promise<PendingSummary> {
    return this.confirm(Y.encodeStateVector(this.doc));
  }

  /** Waits until every update so far is kept. */
  flush(): Promise<unknown> {
    return this.queue;
  }

  /** Forgets what this computer keeps of the document, once every update so far has been kept (they go too). */
  async clear(): Promise<void> {
    await this.queue;
    await this.api.store.discard(this.name);
  }

  destroy(): void {
    this.destroyed = true;
    this.doc.off('update', this.onUpdate);
  }
}
