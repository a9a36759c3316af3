import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** A client's update larger than this is applied in slices, one per event-loop turn. */
export const SLICE_ABOVE_BYTES = 256 * 1024;
/** Updates a document flushes together are merged into one (stored and sent as one) only below this many bytes: merging more holds the thread (256 KB: 6–10 ms), and larger ones are steps of a large update. */
export const MERGE_BELOW_BYTES = 32 * 1024;
/** Structs per slice: a millisecond or two of integration each (1,000 took 25–40 ms on a loaded machine). */
export const STRUCTS_PER_SLICE = 200;

type Decoded = ReturnType<typeof Y.decodeUpdate>;
type Struct = Decoded['structs'][number];

/**
 * Splits an update (as Y.decodeUpdate read it) into updates of at most `maxStructs` structs each, in an
 * order where every struct comes after those of the update it refers to (its origins, its parent), each
 * client's structs staying in order; the delete set goes with the last. Applied one after the other
 * they make the same document as the whole, none waiting for a later one in Yjs's pending structs, so
 * that each can be applied in its own event-loop turn and one large update, written by many clients,
 * does not hold the thread for its whole length.
 */
export function sliceUpdate(decoded: Decoded, maxStructs: number): Uint8Array[] {
  const { ds } = decoded;
  const structs = inDependencyOrder(decoded.structs);
  const slices: Uint8Array[] = [];
  for (let start = 0; start < structs.length || slices.length === 0; start += maxStructs) {
    const part = structs.slice(start, start + maxStructs);
    const byClient = new Map<number, typeof part>();
    for (const s of part) {
      const list = byClient.get(s.id.client);
      if (list) list.push(s);
      else byClient.set(s.id.client, [s]);
    }
    const encoder = new Y.UpdateEncoderV1();
    encoding.writeVarUint(encoder.restEncoder, byClient.size);
    for (const [client, list] of byClient) {
      encoding.writeVarUint(encoder.restEncoder, list.length);
      encoder.writeClient(client);
      encoding.writeVarUint(encoder.restEncoder, list[0]!.id.clock);
      for (const s of list) s.write(encoder, 0);
    }
    const last = start + maxStructs >= structs.length;
    writeDeleteSet(encoder, last ? ds.clients : new Map());
    slices.push(encoder.toUint8Array());
  }
  return slices;
}

/**
 * The structs of an update in an order Yjs can integrate one by one: as Yjs itself does with a whole
 * update, a struct whose origin, right origin or parent is a struct of the update not yet placed waits
 * while that struct's client is placed up to it. References outside the update (already in the document,
 * or missing) do not hold anything back.
 */
function inDependencyOrder(structs: Struct[]): Struct[] {
  const byClient = new Map<number, Struct[]>();
  for (const s of structs) {
    const list = byClient.get(s.id.client);
    if (list) list.push(s);
    else byClient.set(s.id.client, [s]);
  }
  const next = new Map<number, number>([...byClient.keys()].map((c) => [c, 0]));
  /** A referenced struct of the update not placed yet: its client, else null. */
  const waitsFor = (id: Y.ID | null): number | null => {
    if (!id) return null;
    const list = byClient.get(id.client);
    if (!list) return null;
    const placed = next.get(id.client)!;
    if (placed >= list.length) return null;
    const last = list[list.length - 1]!;
    return id.clock >= list[placed]!.id.clock && id.clock < last.id.clock + last.length ? id.client : null;
  };
  const dependency = (s: Struct): number | null => {
    if (!(s instanceof Y.Item)) return null;
    const parent = s.parent instanceof Y.ID ? s.parent : null;
    return waitsFor(s.origin) ?? waitsFor(s.rightOrigin) ?? waitsFor(parent);
  };
  const ordered: Struct[] = [];
  const stack: number[] = [];
  const onStack = new Set<number>();
  for (const client of byClient.keys()) {
    stack.push(client);
    onStack.add(client);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const list = byClient.get(top)!;
      const i = next.get(top)!;
      if (i >= list.length) {
        stack.pop();
        onStack.delete(top);
        continue;
      }
      const wanted = dependency(list[i]!);
      if (wanted !== null && wanted !== top && !onStack.has(wanted)) {
        stack.push(wanted);
        onStack.add(wanted);
        continue;
      }
      // Placed (a reference into a client already waiting on this one cannot be met first: Yjs keeps it pending).
      ordered.push(list[i]!);
      next.set(top, i + 1);
      // Back to whoever waited for this client, to see whether it still does.
      if (stack.length > 1) {
        stack.pop();
        onStack.delete(top);
      }
    }
  }
  return ordered;
}

/** As Yjs writes a delete set (its own writer is not exported). */
function writeDeleteSet(encoder: Y.UpdateEncoderV1, clients: Map<number, { clock: number; len: number }[]>): void {
  encoding.writeVarUint(encoder.restEncoder, clients.size);
  for (const [client, items] of clients) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, items.length);
    for (const item of items) {
      encoder.writeDsClock(item.clock);
      encoder.writeDsLen(item.len);
    }
  }
}
