import type { Worker } from 'node:worker_threads';
import * as Y from 'yjs';
import { parseDocumentName } from '../../shared/protocol/document-names';
import type { DelegationFactsSnapshot } from './delegation-facts';
import type { DocumentReply, DocumentRequest } from './document-holder';
import { packUpdates } from './pack-updates';
import { spawnWorker } from './spawn-worker';

/**
 * Whether document `name` may be held on a thread of its own: not the table, whose rules check each
 * write on the serving thread against it; and only on a single node (other nodes' updates, and the
 * reads of the store when one is missing, are applied on the serving thread).
 */
export function mayHoldOffThread(name: string, clustered: boolean): boolean {
  const ref = parseDocumentName(name)?.ref;
  return ref !== undefined && ref.kind !== 'table' && !clustered;
}

/** What a thread needs to hold `doc`: its state, and what it holds back waiting for missing updates. */
export function seedOf(doc: Y.Doc): Uint8Array[] {
  const { pendingStructs, pendingDs } = doc.store;
  return [Y.encodeStateAsUpdate(doc), ...(pendingStructs ? [pendingStructs.update] : []), ...(pendingDs ? [pendingDs] : [])];
}

/** The thread holding a document could not read what it was given (a malformed update or state vector). */
export class UnreadableInput extends Error {
  constructor(
    message: string,
    /** What the document emitted all the same (applying failed part way), to be stored like any change. */
    readonly updates: Uint8Array[],
  ) {
    super(message);
    this.name = 'UnreadableInput';
  }
}

/**
 * One large document held on a thread of its own (document-worker.ts): its Y structures are applied
 * and collected in that thread's heap, not the serving thread's, whose turns then hold no step of it
 * and no garbage collection of it. The serving thread keeps what it needs at hand, updated by every
 * answer: the document's state vector, and for a delegation's document the facts the table's rules
 * read. Requests are answered in the order they were made.
 */
export class DocumentThread {
  /** The document's state vector as of the last answer. */
  stateVector: Uint8Array;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (reply: DocumentReply) => void; reject: (error: Error) => void }>();
  private stopped = false;

  private constructor(
    private readonly worker: Worker,
    stateVector: Uint8Array,
    /** The delegation's facts changed (every answer that changed them). */
    private readonly onFacts: (facts: DelegationFactsSnapshot) => void,
    /** The thread stopped while the document was held: what it held that is not stored is lost. */
    private readonly onFailure: (error: Error) => void,
  ) {
    this.stateVector = stateVector;
    worker.on('message', (reply: DocumentReply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      this.stateVector = reply.stateVector;
      if (reply.facts) this.onFacts(reply.facts);
      waiter?.resolve(reply);
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`the thread holding the document stopped (exit code ${code})`)));
  }

  /** Starts a thread holding document `name` as `seed` makes it (its state vector meanwhile: `stateVector`); null where no thread can start. */
  static start(name: string, seed: Uint8Array[], stateVector: Uint8Array, onFacts: (facts: DelegationFactsSnapshot) => void, onFailure: (error: Error) => void): DocumentThread | null {
    try {
      const ref = parseDocumentName(name)?.ref;
      const { views, transfer } = packUpdates(seed);
      const worker = spawnWorker('document-worker', import.meta.url, { delegationId: ref?.kind === 'delegation' ? ref.delegationId : null, seed: views }, transfer);
      worker.unref();
      return new DocumentThread(worker, stateVector, onFacts, onFailure);
    } catch {
      return null;
    }
  }

  /** Whether requests are waiting for their answer. */
  get busy(): boolean {
    return this.waiting.size > 0;
  }

  /** Applies a client's update; resolves with what the document emitted (nothing when it held nothing new). */
  async apply(update: Uint8Array): Promise<Uint8Array[]> {
    const { views, transfer } = packUpdates([update]);
    return this.updates(await this.request({ id: this.nextId++, op: 'apply', update: views[0]! }, transfer));
  }

  /** Whether `update` holds nothing the document lacks. */
  async known(update: Uint8Array): Promise<boolean> {
    const { views, transfer } = packUpdates([update]);
    const reply = await this.request({ id: this.nextId++, op: 'known', update: views[0]! }, transfer);
    if (!reply.ok) throw new UnreadableInput(reply.message, reply.updates);
    return reply.op === 'known' && reply.known;
  }

  /** What a client with `stateVector` lacks, as one update. */
  async diff(stateVector: Uint8Array): Promise<Uint8Array> {
    return this.updates(await this.request({ id: this.nextId++, op: 'diff', stateVector }, []))[0]!;
  }

  /** Resolves once the thread has applied what it started from (its state vector and facts are then at hand). */
  async ready(): Promise<void> {
    this.updates(await this.request({ id: this.nextId++, op: 'state' }, []));
  }

  /** Stops the thread; what waits is dropped. */
  close(): void {
    this.stopped = true;
    this.waiting.clear();
    void this.worker.terminate();
  }

  private updates(reply: DocumentReply): Uint8Array[] {
    if (!reply.ok) throw new UnreadableInput(reply.message, reply.updates);
    return reply.updates;
  }

  private request(request: DocumentRequest, transfer: ArrayBuffer[]): Promise<DocumentReply> {
    if (this.stopped) return Promise.reject(new Error('the thread holding the document stopped'));
    return new Promise((resolve, reject) => {
      this.waiting.set(request.id, { resolve, reject });
      this.worker.postMessage(request, transfer);
    });
  }

  private fail(error: Error): void {
    if (this.stopped) return;
    this.stopped = true;
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const w of waiting) w.reject(error);
    this.onFailure(error);
  }
}
