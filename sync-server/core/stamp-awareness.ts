import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { STAMP_KEY, type AwarenessStamp } from '../../shared/protocol/awareness-stamp';

/**
 * Rewrites a client's awareness update: drops entries for awareness client ids that `mayUse` refuses
 * (ids another connection already uses, so nobody can overwrite someone else's presence) and sets
 * `state[STAMP_KEY]` to the connection's authenticated identity, whatever the client wrote there.
 * Returns null when no entry is left. Throws on a malformed update.
 */
export function stampAwareness(update: Uint8Array, stamp: AwarenessStamp, mayUse: (clientId: number) => boolean): { update: Uint8Array; clientIds: number[] } | null {
  const decoder = decoding.createDecoder(update);
  const entries: { clientId: number; clock: number; state: string }[] = [];
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const parsed: unknown = JSON.parse(decoding.readVarString(decoder));
    if (!mayUse(clientId)) continue;
    // A state is an object or null (removed); anything else is not presence and is refused.
    if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed))) throw new Error('awareness state is not an object');
    const state = parsed === null ? null : { ...(parsed as Record<string, unknown>), [STAMP_KEY]: stamp };
    entries.push({ clientId, clock, state: JSON.stringify(state) });
  }
  if (entries.length === 0) return null;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, e.state);
  }
  return { update: encoding.toUint8Array(encoder), clientIds: entries.map((e) => e.clientId) };
}
