import * as Y from 'yjs';
import type { Actor } from '../../shared/model/actor';
import { parseDocumentName, type DocumentRef } from '../../shared/protocol/document-names';
import { documentRights } from '../../shared/model/document-rights';
import { Negotiation } from '../../shared/model/negotiation';

/** A small deterministic PRNG (mulberry32), so that a failing schedule replays from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REMOTE = Symbol('remote');

/** One participant's copy of the negotiation. */
export interface Replica {
  actor: Actor;
  negotiation: Negotiation;
  online: boolean;
}

interface Message {
  /** -1 for the hub. */
  to: number;
  from: number;
  path: string;
  update: Uint8Array;
  deliverAt: number;
}

/**
 * Replicas syncing through a hub that plays the sync server: it accepts a document's updates only from
 * those allowed to write it and relays them to everyone online, with random delays. A replica offline
 * neither sends nor receives; coming back it exchanges state with the hub, as a reconnecting provider does.
 */
export class ReplicaNetwork {
  readonly replicas: Replica[] = [];
  readonly hub: Negotiation;
  private queue: Message[] = [];
  private now = 0;
  private readonly watched = new Set<string>();
  /** Updates the hub refused because their sender may not write the document. */
  refused = 0;

  constructor(
    private readonly negotiationId: string,
    private readonly random: () => number,
    seed: Negotiation,
  ) {
    this.hub = new Negotiation(negotiationId, new Y.Doc());
    for (const [path, doc] of seed.documents()) if (!path.startsWith('private/')) Y.applyUpdate(this.hubDoc(path), Y.encodeStateAsUpdate(doc));
  }

  private ref(path: string): DocumentRef {
    const parsed = parseDocumentName(`${this.negotiationId}/${path}`);
    if (!parsed) throw new Error(`bad path ${path}`);
    return parsed.ref;
  }
  private hubDoc(path: string): Y.Doc {
    return this.hub.document(this.ref(path));
  }
  private doc(replica: Replica, path: string): Y.Doc {
    return replica.negotiation.document(this.ref(path));
  }

  add(actor: Actor): Replica {
    const replica: Replica = { actor, negotiation: new Negotiation(this.negotiationId, new Y.Doc()), online: true };
    this.replicas.push(replica);
    this.sync(replica);
    return replica;
  }

  /** Every shared document path the hub knows, plus those given. */
  paths(): string[] {
    return [...this.hub.documents().keys()];
  }

  private watch(index: number, path: string): void {
    const key = `${index}:${path}`;
    if (this.watched.has(key)) return;
    this.watched.add(key);
    const replica = this.replicas[index]!;
    this.doc(replica, path).on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE && replica.online) this.queue.push({ to: -1, from: index, path, update, deliverAt: this.delay() });
    });
  }

  private delay(): number {
    return this.now + 1 + Math.floor(this.random() * 4);
  }

  /** Watches the documents a command may have created on any replica. */
  watchAll(paths: string[]): void {
    this.replicas.forEach((_, i) => paths.forEach((p) => this.watch(i, p)));
  }

  /** Advances time by one tick, delivering what is due. */
  tick(): void {
    this.now++;
    const due = this.queue.filter((m) => m.deliverAt <= this.now);
    this.queue = this.queue.filter((m) => m.deliverAt > this.now);
    for (const m of due) {
      if (m.to === -1) {
        const sender = this.replicas[m.from]!;
        if (documentRights(sender.actor, this.ref(m.path)).write) this.receive(m.path, m.update, sender);
        else this.refused++;
      }
      else if (this.replicas[m.to]!.online) Y.applyUpdate(this.doc(this.replicas[m.to]!, m.path), m.update, REMOTE);
    }
  }

  /** The hub applies an update only from a writer of that document, and relays it. */
  private receive(path: string, update: Uint8Array, from?: Replica): void {
    Y.applyUpdate(this.hubDoc(path), update);
    this.replicas.forEach((r, to) => {
      if (r !== from && r.online) this.queue.push({ to, from: -1, path, update, deliverAt: this.delay() });
    });
  }

  /** Sends a replica's own writable documents to the hub, and the hub's state back, both ways as a diff. */
  private sync(replica: Replica): void {
    const index = this.replicas.indexOf(replica);
    for (const path of new Set([...this.paths(), ...replica.negotiation.documents().keys()])) {
      const ref = this.ref(path);
      if (ref.kind === 'private') continue;
      this.watch(index, path);
      const mine = this.doc(replica, path);
      if (documentRights(replica.actor, ref).write) {
        const diff = Y.encodeStateAsUpdate(mine, Y.encodeStateVector(this.hubDoc(path)));
        this.receive(path, diff, replica);
      }
      Y.applyUpdate(mine, Y.encodeStateAsUpdate(this.hubDoc(path), Y.encodeStateVector(mine)), REMOTE);
    }
  }

  setOnline(replica: Replica, online: boolean): void {
    if (replica.online === online) return;
    replica.online = online;
    if (online) this.sync(replica);
  }

  /** Everyone online, everything delivered. */
  settle(): void {
    for (const r of this.replicas) this.setOnline(r, true);
    while (this.queue.length) this.tick();
    for (const r of this.replicas) this.sync(r);
    while (this.queue.length) this.tick();
  }
}
