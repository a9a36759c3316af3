import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** A client's update larger than this is applied in slices, one per event-loop turn. */
export const SLICE_ABOVE_BYTES = 256 * 1024;
/** Updates a document flushes together are merged into one (stored and sent as one) only below this many bytes: merging more holds the thread (256 KB: 6–10 ms), and larger ones are steps of a large update. */
export const MERGE_BELOW_BYTES = 32 * 1024;
/** Structs per slice: a millisecond or two of integration each (1,000 took 25–40 ms on a loaded machine). */
export const STRUCTS_PER_SLICE = 200;

type Decoded = ReturnType<typeof Y.decodeUpdate>;

/**
 * Splits an update (as Y.decodeUpdate read it) into updates of at most `maxStructs` structs each, in
 * the order they were written, each client's structs staying consecutive; the delete set goes with the
 * last. Applied one after the other they make the same document as the whole (a struct whose origin is
 * in a later slice waits in Yjs's pending structs until it arrives), so that each can be applied in its
 * own event-loop turn and one large update does not hold the thread for its whole length.
 */
export function sliceUpdate(decoded: Decoded, maxStructs: number): Uint8Array[] {
  const { structs, ds } = decoded;
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
