import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import type { Actor } from '../../shared/model/actor';
import { logDirectEdits } from '../../shared/model/direct-edits';
import { documentRights } from '../../shared/model/document-rights';
import { documentName, parseDocumentName, type DocumentRef } from '../../shared/protocol/document-names';
import type { DocumentPersistence, PersistenceFactory } from '../platform/document-persistence';
import type { Session } from '../session/session';
import { PendingChanges } from './pending-changes';
import { RoomProvider } from './room-provider';
import { SyncedNegotiation } from './synced-negotiation';

/** The connection's state as the interface shows it. */
export interface ConnectionStatus {
  network: 'connected' | 'connecting' | 'offline';
  /** Changes made here that the server has not received yet. */
  pending: number;
  /** The server refused a write (y-protocols "permission denied"): the document is served read-only. */
  refusedWrite: string | null;
  /** The invitation no longer opens the negotiation (44xx close): why. */
  revoked: string | null;
}

interface Joining {
  name: string;
  doc: Y.Doc;
  /** The table carries presence (this.awareness, made once the table exists). */
  table: boolean;
  loaded: Promise<unknown>;
}

interface Kept {
  doc: Y.Doc;
  persistence: DocumentPersistence | null;
}

/**
 * One negotiation as this app holds it: a Y.Doc per document (table, every delegation's, our private
 * one), each kept on this computer (the persistence chosen at start: IndexedDB or the desktop store)
 * and all synced over one multiplexed connection (RoomProvider), which the server keeps subscribed to
 * every document the invitation reads, delegations added later included. The Y.Docs are the only
 * source of truth; the interface subscribes to `subscribe` and reads through `negotiation`.
 */
export class NegotiationConnection {
  private current!: SyncedNegotiation;
  readonly actor: Actor;
  /** Who is here and which paragraph each one is on (the table document's awareness). */
  readonly awareness: Awareness;
  private readonly provider: RoomProvider;
  private readonly docs = new Map<string, Kept>();
  private readonly listeners = new Set<() => void>();
  private readonly statusListeners = new Set<() => void>();
  private readonly pending: PendingChanges;
  private status: ConnectionStatus = { network: 'connecting', pending: 0, refusedWrite: null, revoked: null };
  private frame = 0;
  private versionNumber = 0;
  private readonly loads: Promise<unknown>[] = [];
  private joining: Joining[] = [];
  private joined: Promise<void> = Promise.resolve();
  private readonly tableName: string;
  private stopTable: () => void = () => undefined;
  /** Documents being synced afresh after a refused write. */
  private readonly resyncing = new Set<string>();

  constructor(
    readonly session: Session,
    /** Where documents are kept on this computer (renderer/platform/start-persistence.ts); null: nowhere. */
    private readonly persistence: PersistenceFactory | null,
    storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null = null,
  ) {
    this.actor = { role: session.role, delegationId: session.delegation?.id ?? null, privateAccess: session.privateAccess !== false, ...(session.label ? { name: session.label } : {}) };
    this.pending = new PendingChanges(storage);
    this.tableName = documentName(session.negotiationId, { kind: 'table' });
    this.provider = new RoomProvider(session.wsUrl, session.negotiationId, session.token);
    this.provider.on('status', () => this.updateStatus({}));
    this.provider.on('sync', (name, synced) => {
      if (synced) {
        this.pending.synced(name);
        this.docs
          .get(name)
          ?.persistence?.synced?.()
          .catch((error: unknown) => console.warn(`could not confirm ${name} on this computer`, error));
      }
      this.updateStatus({});
    });
    this.provider.on('denied', (name) => {
      this.updateStatus({ refusedWrite: name });
      this.resync(name);
    });
    this.provider.on('closed', (code, reason) => this.updateStatus({ revoked: reason || `code ${code}` }));
    const table = this.open({ kind: 'table' });
    this.awareness = new Awareness(table);
    this.useTable(table);
    if (this.actor.delegationId && this.actor.role === 'delegation') this.negotiation.private(this.actor.delegationId);
    // Connect once what this computer kept is loaded, so that the first exchange sends only differences.
    void this.ready().then(() => {
      if (typeof navigator === 'undefined' || navigator.onLine !== false) this.provider.connect();
    });
    this.updateStatus({});
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.onNetwork);
      window.addEventListener('offline', this.onNetwork);
    }
  }

  /** The negotiation as this app holds it; after a refused write to the table, a new one over a fresh copy. */
  get negotiation(): SyncedNegotiation {
    return this.current;
  }

  private useTable(table: Y.Doc): void {
    this.stopTable();
    this.current = new SyncedNegotiation(this.session.negotiationId, table, (ref) => this.open(ref));
    // Every delegation on the roster has a document everyone reads; open each as it appears.
    const roster = this.current.table.rosterMap;
    const openRoster = (): void => void this.current.delegations();
    roster.observe(openRoster);
    openRoster();
    // A co-facilitator's own typing in the text is a decision too: it goes to the log under their name.
    const stopLogging = logDirectEdits(this.current.table, this.actor);
    this.stopTable = () => {
      roster.unobserve(openRoster);
      stopLogging();
    };
  }

  /**
   * The server refused a write to a document: this copy now holds a change the server will never have,
   * and every later change made here would build on it and wait forever. So the copy is dropped, here
   * and as kept on this computer, and the document is synced afresh from the server; the interface reads
   * the new copy at its next render (the refused change is gone from the screen too).
   */
  private resync(name: string): void {
    const kept = this.docs.get(name);
    const ref = parseDocumentName(name)?.ref;
    if (!kept || !ref || this.resyncing.has(name)) return;
    this.resyncing.add(name);
    this.provider.remove(name);
    this.docs.delete(name);
    kept.persistence?.destroy();
    const cleared = (kept.persistence?.clear?.() ?? Promise.resolve()).catch((error: unknown) => console.warn(`could not forget the refused copy of ${name} on this computer`, error));
    const doc = this.open(ref, cleared);
    if (ref.kind === 'table') this.useTable(doc);
    else {
      this.current.attach(ref, doc);
      kept.doc.destroy();
    }
    // The presence (awareness) was made on the first table copy; it stays, and so does that copy.
    void this.ready().then(() => this.resyncing.delete(name));
    this.changed();
  }

  /** The system says the network is gone or back: close the connection (changes then wait) or reopen it. */
  private readonly onNetwork = (): void => {
    if (navigator.onLine !== false) this.provider.connect();
    else this.provider.disconnect();
    this.updateStatus({});
  };

  /** Resolves once what this computer kept has been loaded into the documents opened so far. */
  async ready(): Promise<void> {
    await Promise.all(this.loads);
  }

  /** A number that changes after any change to any document (at most once per frame). */
  version(): number {
    return this.versionNumber;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getStatus = (): ConnectionStatus => this.status;

  subscribeStatus = (listener: () => void): (() => void) => {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  };

  /** Whether this app may write a document (the server enforces the same rule). */
  mayWrite(ref: DocumentRef): boolean {
    return documentRights(this.actor, ref).write;
  }

  destroy(): void {
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.onNetwork);
      window.removeEventListener('offline', this.onNetwork);
    }
    this.stopTable();
    this.provider.destroy();
    this.awareness.destroy();
    for (const k of this.docs.values()) {
      k.persistence?.destroy();
      k.doc.destroy();
    }
    this.docs.clear();
    if (typeof cancelAnimationFrame === 'function') cancelAnimationFrame(this.frame);
    else clearTimeout(this.frame);
  }

  /** Makes a document's copy, kept on this computer (loaded once `before` settles) and synced. */
  private open(ref: DocumentRef, before: Promise<unknown> = Promise.resolve()): Y.Doc {
    const name = documentName(this.session.negotiationId, ref);
    const existing = this.docs.get(name);
    if (existing) return existing.doc;
    const doc = new Y.Doc();
    const provider = this.provider;
    const persistence = this.persistence ? this.persistence(name, doc, (origin) => origin === provider) : null;
    this.docs.set(name, { doc, persistence });
    // A private document opened through an invitation the co-facilitators issued stays on this computer.
    const served = documentRights(this.actor, ref).read;
    if (served) this.pending.track([name]);
    doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (served && origin !== provider && origin !== persistence) {
        const sent = provider.connected && provider.isSynced(name);
        this.pending.changed(name, sent);
        // Sent at once over a synced connection: the kept copy need not wait for the next sync to count it.
        if (sent) persistence?.synced?.().catch((error: unknown) => console.warn(`could not confirm ${name} on this computer`, error));
        this.updateStatus({});
      }
      this.changed();
    });
    const loaded = persistence ? before.then(() => persistence.load()).catch((error: unknown) => console.warn(`could not read ${name} from this computer`, error)) : before;
    this.loads.push(served ? this.join({ name, doc, table: ref.kind === 'table', loaded }) : loaded);
    return doc;
  }

  /**
   * Adds a document to the connection once loaded, so that its first sync sends only what the server
   * lacks. Documents opened in one task (the whole roster, when the table arrives) join together once
   * all are loaded: their greetings leave in one frame, not one round trip each.
   */
  private join(joining: Joining): Promise<void> {
    this.joining.push(joining);
    if (this.joining.length === 1) {
      this.joined = new Promise<void>((resolve) =>
        queueMicrotask(() => {
          const batch = this.joining;
          this.joining = [];
          void Promise.all(batch.map((j) => j.loaded)).then(() => {
            for (const j of batch) if (this.docs.has(j.name)) this.provider.add(j.name, j.doc, j.table ? this.awareness : null);
            resolve();
          });
        }),
      );
    }
    return this.joined;
  }

  private changed(): void {
    if (this.frame) return;
    const flush = (): void => {
      this.frame = 0;
      this.versionNumber++;
      for (const l of [...this.listeners]) l();
    };
    this.frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(flush) : (setTimeout(flush, 0) as unknown as number);
  }

  private updateStatus(change: Partial<ConnectionStatus>): void {
    const room = this.provider;
    const merged = { ...this.status, ...change };
    const browserOffline = typeof navigator !== 'undefined' && navigator.onLine === false;
    const network: ConnectionStatus['network'] =
      room.connected && room.isSynced(this.tableName) && !browserOffline
        ? 'connected'
        : !browserOffline && merged.revoked === null && (room.connected || room.unsuccessfulReconnects < 2)
          ? 'connecting'
          : 'offline';
    const next: ConnectionStatus = { ...merged, network, pending: this.pending.total() };
    const s = this.status;
    if (next.network === s.network && next.pending === s.pending && next.refusedWrite === s.refusedWrite && next.revoked === s.revoked) return;
    this.status = next;
    for (const l of [...this.statusListeners]) l();
  }
}
