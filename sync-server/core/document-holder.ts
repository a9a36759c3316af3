import * as Y from 'yjs';
import { delegationFactsOf, FACT_MAPS, type DelegationFactsSnapshot } from './delegation-facts';
import { isKnownUpdate } from './known-update';
import { SLICE_ABOVE_BYTES, sliceUpdate, STRUCTS_PER_SLICE } from './slice-update';

/**
 * A large update is applied in transactions of slices holding about this many bytes: each emits an
 * update of about that size, so that storing them never makes a commit of megabytes, which everyone's
 * writes would wait for (the group commit takes small writes first, and larger ones 128 KB at a time).
 */
const STEP_BYTES = 64 * 1024;

/** What the thread holding a document starts from. */
export interface DocumentWorkerData {
  /** Set for a delegation's document: its facts are read for the table's rules after each change. */
  delegationId: string | null;
  /** The document's state (and what it held back waiting for missing updates), applied in order. */
  seed: Uint8Array[];
}

/** Apply a client's update; tell whether an update holds nothing new; the state a client with `stateVector` lacks; the document's state vector and facts as they are. */
export type DocumentRequest = { id: number; op: 'apply'; update: Uint8Array } | { id: number; op: 'known'; update: Uint8Array } | { id: number; op: 'diff'; stateVector: Uint8Array } | { id: number; op: 'state' };

/** What every answer carries: the document's state vector after the request, and its facts when they changed. */
interface After {
  id: number;
  stateVector: Uint8Array;
  facts: DelegationFactsSnapshot | null;
}
/**
 * The answer: for `apply`, the updates the document emitted (what was new in it, and what it let in of
 * what it held back); for `diff`, the one update; for `known`, whether nothing is new (and no updates).
 * `ok: false`: the update or state vector could not be read, or applying failed; `updates` holds what the
 * document emitted all the same (nothing, when it could not be read).
 */
export type DocumentReply = After & { updates: Uint8Array[] } & ({ ok: true; op: 'apply' | 'diff' | 'state' } | { ok: true; op: 'known'; known: boolean } | { ok: false; message: string });

/** A document held apart from the serving thread, answering its requests one after the other (document-worker.ts runs one). */
export class DocumentHolder {
  private readonly doc = new Y.Doc();
  private emitted: Uint8Array[] = [];
  private factsChanged: boolean;

  constructor(
    private readonly delegationId: string | null,
    seed: readonly Uint8Array[],
  ) {
    this.factsChanged = delegationId !== null;
    const factTypes = new Set<unknown>(FACT_MAPS.map((name) => this.doc.getMap(name)));
    this.doc.on('update', (update: Uint8Array) => this.emitted.push(update));
    this.doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (this.delegationId === null || this.factsChanged) return;
      for (const type of [...tr.changed.keys(), ...tr.changedParentTypes.keys()]) if (factTypes.has(type)) this.factsChanged = true;
    });
    this.doc.transact(() => {
      for (const update of seed) Y.applyUpdate(this.doc, update);
    });
    this.emitted = [];
  }

  answer(request: DocumentRequest): DocumentReply {
    try {
      switch (request.op) {
        case 'apply':
          this.emitted = [];
          this.apply(request.update);
          return { ...this.after(request.id), ok: true, op: 'apply', updates: this.emitted.splice(0) };
        case 'known':
          return { ...this.after(request.id), ok: true, op: 'known', known: isKnownUpdate(this.doc, request.update), updates: [] };
        case 'state':
          return { ...this.after(request.id), ok: true, op: 'state', updates: [] };
        case 'diff':
          return { ...this.after(request.id), ok: true, op: 'diff', updates: [Y.encodeStateAsUpdate(this.doc, request.stateVector)] };
      }
    } catch (error) {
      return { ...this.after(request.id), ok: false, message: error instanceof Error ? error.message : String(error), updates: this.emitted.splice(0) };
    }
  }

  /** Applies `update`, read whole first so that a malformed one throws before it touches the document; a large one in steps (STEP_BYTES). */
  private apply(update: Uint8Array): void {
    const decoded = Y.decodeUpdate(update);
    if (update.length <= SLICE_ABOVE_BYTES) return Y.applyUpdate(this.doc, update);
    const slices = sliceUpdate(decoded, STRUCTS_PER_SLICE);
    while (slices.length > 0) {
      let bytes = 0;
      this.doc.transact(() => {
        do {
          bytes += slices[0]!.length;
          Y.applyUpdate(this.doc, slices.shift()!);
        } while (slices.length > 0 && !this.doc.store.pendingStructs && bytes < STEP_BYTES);
      });
      // A slice that waits for a later one (the update refers to something the document lacks): the rest at once, not retried slice after slice.
      if (slices.length > 0 && this.doc.store.pendingStructs) {
        Y.applyUpdate(this.doc, Y.diffUpdate(update, Y.encodeStateVector(this.doc)));
        return;
      }
    }
  }

  private after(id: number): After {
    const facts = this.factsChanged && this.delegationId !== null ? delegationFactsOf(this.delegationId, this.doc) : null;
    this.factsChanged = false;
    return { id, stateVector: Y.encodeStateVector(this.doc), facts };
  }
}
