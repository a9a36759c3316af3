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
  /** Something was applied or queued: flush it. */
  flush(): void;
  /** The update is applied (or dropped). */
  settled(): void;
  /** The update could not be read: close its sender. */
  malformed(reason: string): void;
  /** Applying failed unexpectedly: close its sender. */
  failed(error: unknown): void;
}

/**
 * Reads and slices `update` on the slicing thread, then applies a slice per event-loop turn, so that
 * the others are served meanwhile; the connection's later frames wait (`connection.applying`) and keep
 * their order. Should a slice wait on a later one (structs of several clients referring to each
 * other), the rest is applied at once rather than retried slice after slice.
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
  const apply = (slices: Uint8Array[]): void => {
    if (target.gone() || connection.closed || slices.length === 0) return done();
    Y.applyUpdate(target.doc, slices.shift()!, connection);
    if (slices.length > 0 && target.doc.store.pendingStructs) {
      Y.applyUpdate(target.doc, Y.diffUpdate(update, Y.encodeStateVector(target.doc)), connection);
      slices.length = 0;
    }
    target.flush();
    setImmediate(() => guarded(() => apply(slices)));
  };
  slicer.slice(update, STRUCTS_PER_SLICE).then(
    (slices) =>
      guarded(() => {
        if (target.gone() || connection.closed) return done();
        if (!target.refused()) return apply(slices);
        target.flush();
        done();
      }),
    (error: unknown) => {
      target.malformed(`malformed content: ${(error as Error).message}`);
      done();
    },
  );
}
