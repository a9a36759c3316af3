import * as Y from 'yjs';

/**
 * Whether applying `update` would leave `doc` unchanged: every struct is already integrated and every
 * deletion already applied. A read-only client's sync step 2 is usually such an update (empty, or a
 * replay of what it received), and must not be reported as a refused write. Throws on a malformed update.
 */
export function isKnownUpdate(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    if (struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client)) return false;
  }
  if (ds.clients.size === 0) return true;
  const known = Y.createDeleteSetFromStructStore(doc.store);
  for (const [client, ranges] of ds.clients) {
    const have = known.clients.get(client) ?? [];
    for (const r of ranges) {
      // `have` is sorted and merged: the range must lie inside one of its ranges.
      if (!have.some((h) => h.clock <= r.clock && r.clock + r.len <= h.clock + h.len)) return false;
    }
  }
  return true;
}
