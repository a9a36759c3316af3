import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';
import type { Actor } from '../../shared/model/actor';
import { documentRights } from '../../shared/model/document-rights';
import { documentName, type DocumentRef } from '../../shared/protocol/document-names';
import { readStamp } from '../../shared/protocol/awareness-stamp';
import { MessageType } from '../../shared/protocol/messages';
import type { DocumentPersistence, PersistenceFactory } from '../platform/document-persistence';
import type { Session } from '../session/session';
import { DelegationLinks } from './delegation-links';
import { PendingChanges } from './pending-changes';
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

interface Synced {
  name: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  persistence: DocumentPersistence | null;
}

/** How often the documents of delegations not in the room are fetched again (ms). */
const SWEEP_EVERY = 5 * 60_000;

/**
 * One negotiation as this app holds it: a Y.Doc per document (table, every delegation's, our private
 * one), each kept on this computer (the persistence chosen at start: IndexedDB or the desktop store) and synced by its own stock y-websocket provider. The Y.Docs are the
 * only source of truth; the interface subscribes to `subscribe` and reads through `negotiation`.
 * The table and our own documents stay connected; a delegation's document stays connected while that
 * delegation is in the room and is otherwise fetched now and then (see DelegationLinks).
 */
export class NegotiationConnection {
  readonly negotiation: SyncedNegotiation;
  readonly actor: Actor;
  private readonly docs = new Map<string, Synced>();
  private readonly listeners = new Set<() => void>();
  private readonly statusListeners = new Set<() => void>();
  private readonly pending: PendingChanges;
  private status: ConnectionStatus = { network: 'connecting', pending: 0, refusedWrite: null, revoked: null };
  private frame = 0;
  private versionNumber = 0;
  private readonly loads: Promise<void>[] = [];
  readonly links = new DelegationLinks();
  private sweepTimer: ReturnType<typeof setInterval> | null = null;

  constructor(
    readonly session: Session,
    /** Where documents are kept on this computer (renderer/platform/start-persistence.ts); null: nowhere. */
    private readonly persistence: PersistenceFactory | null,
    storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null = null,
  ) {
    this.actor = { role: session.role, delegationId: session.delegation?.id ?? null };
    this.pending = new PendingChanges(storage);
    this.links.setOnline(typeof navigator === 'undefined' || navigator.onLine !== false);
    const table = this.open({ kind: 'table' });
    this.awareness.on('change', this.onAwareness);
    this.sweepTimer = setInterval(() => this.links.sweep(), SWEEP_EVERY);
    this.negotiation = new SyncedNegotiation(session.negotiationId, table, (ref) => this.open(ref));
    // Every delegation on the roster has a document everyone reads; open each as it appears.
    const roster = this.negotiation.table.rosterMap;
    const openRoster = (): void => void this.negotiation.delegations();
    roster.observe(openRoster);
    openRoster();
    if (this.actor.delegationId && this.actor.role === 'delegation') this.negotiation.private(this.actor.delegationId);
    this.updateStatus({});
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.onNetwork);
      window.addEventListener('offline', this.onNetwork);
    }
  }

  /** The system says the network is gone or back: close the sockets (changes then wait) or reopen them. */
  private readonly onNetwork = (): void => {
    const online = navigator.onLine !== false;
    for (const [path, s] of this.docs) {
      if (path.startsWith('delegation/')) continue;
      if (online && !s.provider.shouldConnect) s.provider.connect();
      else if (!online && s.provider.shouldConnect) s.provider.disconnect();
    }
    this.links.setOnline(online);
    this.updateStatus({});
  };

  /** Who is in the room changed: the delegations present keep their documents connected. */
  private readonly onAwareness = (): void => {
    const present = new Set<string>();
    for (const [clientId, state] of this.awareness.getStates()) {
      const stamp = readStamp(state);
      if (clientId !== this.awareness.clientID && stamp?.delegationId) present.add(stamp.delegationId);
    }
    this.links.setPresent(present);
  };

  /** Resolves once what this computer kept has been loaded into the documents opened so far. */
  async ready(): Promise<void> {
    await Promise.all(this.loads);
  }

  /** The awareness of the table document: who is here and which paragraph each one is on. */
  get awareness(): Awareness {
    return this.docs.get('table')!.provider.awareness;
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
    this.awareness.off('change', this.onAwareness);
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.links.destroy();
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.onNetwork);
      window.removeEventListener('offline', this.onNetwork);
    }
    for (const s of this.docs.values()) {
      s.provider.destroy();
      s.persistence?.destroy();
      s.doc.destroy();
    }
    this.docs.clear();
    cancelAnimationFrame(this.frame);
  }

  private open(ref: DocumentRef): Y.Doc {
    const path = ref.kind === 'table' ? 'table' : `${ref.kind}/${ref.delegationId}`;
    const existing = this.docs.get(path);
    if (existing) return existing.doc;
    const name = documentName(this.session.negotiationId, ref);
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(this.session.wsUrl, name, doc, { params: { token: this.session.token }, disableBc: true, connect: false, maxBackoffTime: 2500 });
    const persistence = this.persistence ? this.persistence(name, doc, (origin) => origin === provider) : null;
    if (ref.kind !== 'table') provider.awareness.setLocalState(null);
    const synced: Synced = { name, doc, provider, persistence };
    this.docs.set(path, synced);
    this.pending.track([name]);
    // y-protocols' auth message: the server refused a write and serves this document read-only.
    provider.messageHandlers[MessageType.auth] = (_encoder, decoder) => {
      decoder.pos = decoder.arr.length;
      this.updateStatus({ refusedWrite: name });
    };
    provider.on('status', () => this.updateStatus({}));
    provider.on('sync', (isSynced: boolean) => {
      if (isSynced) {
        this.pending.synced(name);
        persistence?.synced?.().catch((error: unknown) => console.warn(`could not confirm ${name} on this computer`, error));
      }
      this.updateStatus({});
    });
    provider.on('closed', (event: { code: number; reason: string }) => this.updateStatus({ revoked: event.reason || `code ${event.code}` }));
    doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin !== provider && origin !== persistence) {
        this.pending.changed(name, provider.wsconnected && provider.synced);
        this.updateStatus({});
      }
      this.changed();
    });
    const load = (persistence ? persistence.load().catch((error: unknown) => console.warn(`could not read ${name} from this computer`, error)) : Promise.resolve()).then(() => {
      if (ref.kind === 'delegation') this.links.add(ref.delegationId, provider, ref.delegationId === this.actor.delegationId);
      else if (typeof navigator === 'undefined' || navigator.onLine !== false) provider.connect();
      else this.updateStatus({});
    });
    this.loads.push(load);
    return doc;
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
    const table = this.docs.get('table')?.provider;
    const browserOffline = typeof navigator !== 'undefined' && navigator.onLine === false;
    const network: ConnectionStatus['network'] =
      table?.wsconnected && table.synced && !browserOffline ? 'connected' : !browserOffline && (table?.wsconnected || (table?.wsconnecting && table.wsUnsuccessfulReconnects < 2)) ? 'connecting' : 'offline';
    const next: ConnectionStatus = { ...this.status, ...change, network, pending: this.pending.total() };
    const s = this.status;
    if (next.network === s.network && next.pending === s.pending && next.refusedWrite === s.refusedWrite && next.revoked === s.revoked) return;
    this.status = next;
    for (const l of [...this.statusListeners]) l();
  }
}
