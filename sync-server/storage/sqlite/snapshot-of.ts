import * as Y from 'yjs';

/**
 * A document's state as one update: the updates applied to a garbage-collecting Y.Doc and encoded
 * again. Unlike `Y.mergeUpdates`, deleted content is dropped, so loading the snapshot decodes only what
 * the document holds, not its whole history. Updates still waiting for a missing one are kept.
 */
export function snapshotOf(updates: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      for (const u of updates) Y.applyUpdate(doc, u);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
