import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** y-websocket frames, written directly (the generator does not use WebsocketProvider). */
const frame = (write: (e: encoding.Encoder) => void): Uint8Array => {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
};

export const syncStep1 = (stateVector: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint8Array(e, stateVector);
  });

export const syncStep2 = (update: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, update);
  });

export const updateMessage = (update: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, update);
  });

/** An awareness frame with one client's state. */
export const awarenessMessage = (clientId: number, clock: number, state: unknown): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, 1);
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, clientId);
    encoding.writeVarUint(inner, clock);
    encoding.writeVarString(inner, JSON.stringify(state));
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  });

/** A decoded server frame: a sync message (0 step 1, 1 step 2, 2 update) or something else. */
export type ServerMessage = { kind: 'sync'; sub: number; payload: Uint8Array } | { kind: 'awareness' } | { kind: 'auth'; reason: string } | { kind: 'other'; type: number };

export function decodeServerMessage(data: Uint8Array): ServerMessage {
  const d = decoding.createDecoder(data);
  const type = decoding.readVarUint(d);
  if (type === 0) {
    const sub = decoding.readVarUint(d);
    return { kind: 'sync', sub, payload: decoding.readVarUint8Array(d) };
  }
  if (type === 1) return { kind: 'awareness' };
  if (type === 2) {
    decoding.readVarUint(d);
    return { kind: 'auth', reason: decoding.readVarString(d) };
  }
  return { kind: 'other', type };
}
