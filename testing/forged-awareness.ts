import * as encoding from 'lib0/encoding';

/**
 * An awareness update announcing `states` (awareness client id → JSON state) at `clock`, as a hostile
 * client could forge it: any ids, any number of them, states of any size.
 */
export function forgedAwareness(states: readonly (readonly [number, unknown])[], clock = 1): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, states.length);
  for (const [id, state] of states) {
    encoding.writeVarUint(encoder, id);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}
