import * as Y from 'yjs';
import type { Logger } from 'pino';
import { CloseCode } from '../../shared/protocol/close-codes';
import type { DocumentStore } from '../storage/document-store';
import type { DocumentFanout } from './document-fanout';
import { HostedDocument } from './hosted-document';
import { DOCUMENT_MEMORY_FACTOR, type MemoryBudget } from './memory-budget';
import { AuthRefusal, callHooks, type ServerHooks } from './server-hooks';
import type { ServerLimits } from './server-limits';
import type { UpdateSlicer } from './update-slicer';

/** What loading and unloading documents needs of the server. */
export interface HostedDocumentsOptions {
  store: DocumentStore;
  hooks: ServerHooks[];
  limits: ServerLimits;
  logger: Logger;
  fanout: DocumentFanout | null;
  budget: MemoryBudget;
  slicer: UpdateSlicer;
}

/**
 * The documents in memory: each loaded completely from the store (and subscribed to other nodes) before
 * anyone syncs against it, counted in the memory budget, and unloaded once idle for `idleUnloadMs`.
 */
export class HostedDocuments {
  private readonly documents = new Map<string, Promise<HostedDocument>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  private closing = false;

  constructor(private readonly options: HostedDocumentsOptions) {}

  /** The number of documents in memory (or loading). */
  get size(): number {
    return this.documents.size;
  }

  /** The document in memory, loaded completely from the store first. */
  async host(name: string): Promise<HostedDocument> {
    const timer = this.unloadTimers.get(name);
    if (timer) {
      clearTimeout(timer);
      this.unloadTimers.delete(name);
    }
    let loading = this.documents.get(name);
    if (!loading) {
      loading = this.load(name);
      this.documents.set(name, loading);
      loading.catch(() => {
        this.documents.delete(name);
        this.options.budget.setDocument(name, 0);
      });
    }
    const hosted = await loading;
    // The copy may have been dropped after a storage failure while we waited.
    if (hosted.destroyed) {
      if (this.documents.get(name) === loading) this.documents.delete(name);
      this.options.budget.setDocument(name, 0);
      return this.host(name);
    }
    return hosted;
  }

  /** Unloads the document once it has had no connection for `idleUnloadMs` (unless it is hosted again meanwhile). */
  scheduleUnload(hosted: HostedDocument): void {
    if (hosted.connections.size > 0 || this.closing || this.unloadTimers.has(hosted.name)) return;
    const timer = setTimeout(() => {
      this.unloadTimers.delete(hosted.name);
      if (hosted.destroyed) return;
      if (!hosted.idle) return this.scheduleUnload(hosted);
      this.documents.delete(hosted.name);
      this.options.budget.setDocument(hosted.name, 0);
      callHooks(this.options.hooks, 'onUnloadDocument', { documentName: hosted.name });
      void hosted.unload().catch((error: unknown) => this.options.logger.error({ err: error, doc: hosted.name }, 'compaction on unload failed'));
    }, this.options.limits.idleUnloadMs);
    timer.unref();
    this.unloadTimers.set(hosted.name, timer);
  }

  /** No document is unloaded on a timer any more: the server is closing and unloads them all. */
  stopUnloading(): void {
    this.closing = true;
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
  }

  /** Writes what is pending in every document, then unloads each (compacting its log). */
  async unloadAll(): Promise<void> {
    this.stopUnloading();
    const docs = await Promise.allSettled([...this.documents.values()]);
    for (const d of docs) {
      if (d.status !== 'fulfilled') continue;
      await d.value.scheduleFlush().catch(() => undefined);
      // A shared store may be down at shutdown: what was echoed is durable already; compaction can wait.
      await d.value.unload().catch((error: unknown) => this.options.logger.error({ err: error, doc: d.value.name }, 'compaction on shutdown failed'));
    }
    this.documents.clear();
  }

  private async load(name: string): Promise<HostedDocument> {
    const { store, hooks, logger, limits, fanout, budget, slicer } = this.options;
    // Subscribe first and hold what arrives, then read the store: nothing written by another node
    // between the read and the subscription can be missed (updates are idempotent).
    let hosted: HostedDocument | null = null;
    const held: ((h: HostedDocument) => void)[] = [];
    const deliver = (f: (h: HostedDocument) => void) => (hosted ? f(hosted) : held.push(f));
    const subscription = fanout
      ? await fanout.subscribe(name, {
          update: (u) => deliver((h) => h.applyRemoteUpdate(u)),
          awareness: (u, node) => deliver((h) => h.applyRemoteAwareness(u, node)),
          resync: () => deliver((h) => void h.resync().catch((error: unknown) => logger.warn({ err: error, doc: name }, 'could not resynchronise from the store'))),
        })
      : null;
    try {
      const doc = new Y.Doc();
      const rows = store.loadUpdates ? await store.loadUpdates(name) : [await store.load(name)].filter((u): u is Uint8Array => u !== null);
      const bytes = rows.reduce((sum, row) => sum + row.length, 0) * DOCUMENT_MEMORY_FACTOR;
      if (!budget.fitsDocument(bytes)) {
        logger.warn({ doc: name, estimatedBytes: bytes, budget: budget.usage() }, 'a document does not fit in the memory budget; refused its connections for now');
        throw new AuthRefusal(CloseCode.tryAgainLater, 'the server is at its memory budget and cannot load this document now; try again later');
      }
      budget.setDocument(name, bytes);
      const loaded = new HostedDocument(
        name,
        doc,
        store,
        hooks,
        logger,
        limits.compactAfterUpdates,
        subscription,
        { maxIds: limits.maxAwarenessIdsPerConnection, maxStateBytes: limits.maxAwarenessStateBytes },
        slicer,
        limits.offThreadAboveBytes,
      );
      // A large document (not the table) is applied on a thread of its own, never here; the rules get its facts from there first.
      if (!(await loaded.holdOffThread(rows))) loaded.loadHere(rows);
      callHooks(hooks, 'onLoadDocument', { documentName: name, doc });
      hosted = loaded;
      // The stored rows are the document's whole state: the first sync of an empty client is answered with them as stored.
      hosted.setFullState(rows);
    } catch (error) {
      subscription?.unsubscribe();
      throw error;
    }
    for (const f of held.splice(0)) f(hosted);
    return hosted;
  }
}
