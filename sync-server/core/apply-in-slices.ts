import * as Y from 'yjs';
import type { ClientConnection } from './client-connection';
import { STRUCTS_PER_SLICE } from './slice-update';
import type { UpdateSlicer } from './update-slicer';

/** What applying a large update in slices needs of the document it goes to (HostedDocument). */
export interface SlicedTarget {
  readonly doc: Y.Doc;
  /** Whether the document was dropped from memory meanwhile. */
  gone(): boolean;
  /** Whether the hooks refuse the update (the client is told why). */
  refused(): boolean;
  /** Something was applied or queued: flush it; resolves once it is durable and sent. */
  flush(): Promise<void>;
  /** The update is applied (or dropped). */
  settled(): void;
  /** The update could not be read: close its sender. */
  malformed(reason: string): void;
  /** Applying failed unexpectedly: close its sender. */
  failed(error: unknown): void;
}

/**
 * How long one step of applying slices may hold the thread (at least one slice is applied): a bystander's
 * echo waits for two or three turns, each holding a step, so that a step of 5 ms made it wait 10–15 ms.
 */
const STEP_MS = 2;
/** Steps applied and not yet durable, at most. */
export const STEPS_IN_FLIGHT = 4;

/**
 * Reads and slices `update` on the slicing thread, then applies it a step (STEP_MS of slices) a turn,
 * with at most STEPS_IN_FLIGHT steps not yet durable, so that the others are served meanwhile and
 * their writes never wait behind more than a few steps in a commit; the connection's later frames wait
 * (`connection.applying`) and keep their order. The slices come in an order where none waits for a
 * later one; should one wait all the same (the update refers to something the document lacks), the rest
 * is applied at once rather than retried slice after slice.
 */
export function applyInSlices(slicer: UpdateSlicer, connection: ClientConnection, update: Uint8Array, target: SlicedTarget): void {
  connection.applying = true;
  const done = (): void => {
    connection.applying = false;
    target.settled();
    connection.applied?.();
  };
  const guarded = (step: () => void): void => {
    try {
      step();
    } catch (error) {
      target.failed(error);
      done();
    }
  };
  const inFlight: Promise<void>[] = [];
  const apply = (slices: Uint8Array[]): void => {
    if (target.gone() || connection.closed || slices.length === 0) return done();
    // As many slices as fit in a step, in one transaction (one update to store and send).
    const started = performance.now();
    target.doc.transact(() => {
      do {
        Y.applyUpdate(target.doc, slices.shift()!, connection);
      } while (slices.length > 0 && !target.doc.store.pendingStructs && performance.now() - started < STEP_MS);
    }, connection);
    if (slices.length > 0 && target.doc.store.pendingStructs) {
      Y.applyUpdate(target.doc, Y.diffUpdate(update, Y.encodeStateVector(target.doc)), connection);
      slices.length = 0;
    }
    // A failed commit drops the document: the next step finds it gone.
    inFlight.push(target.flush().catch(() => undefined));
    const waited = inFlight.length > STEPS_IN_FLIGHT ? inFlight.shift()! : Promise.resolve();
    void waited.then(() => setImmediate(() => guarded(() => apply(slices))));
  };
  slicer.slice(update, STRUCTS_PER_SLICE).then(
    (slices) =>
      guarded(() => {
        if (target.gone() || connection.closed) return done();
        if (!target.refused()) return apply(slices);
        void target.flush();
        done();
      }),
    (error: unknown) => {
      target.malformed(`malformed content: ${(error as Error).message}`);
      done();
    },
  );
}
