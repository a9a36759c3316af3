import * as encoding from 'lib0/encoding';
import { MessageType, SyncType, decodeServerMessage as decode } from '../shared/protocol/messages';

/** y-websocket frames, written directly (the generator does not use WebsocketProvider). */
export { syncStep1Frame as syncStep1, syncStep2Frame as syncStep2, updateFrame as updateMessage } from '../shared/protocol/messages';

/** An awareness frame with one client's state. */
export const awarenessMessage = (clientId: number, clock: number, state: unknown): Uint8Array => {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.awareness);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
};

/** A decoded server frame: a sync message (SyncType: step 1, step 2, update) or something else. */
export type ServerMessage = { kind: 'sync'; sub: number; payload: Uint8Array } | { kind: 'awareness' } | { kind: 'auth'; reason: string } | { kind: 'other'; type: number };

export function decodeServerMessage(data: Uint8Array): ServerMessage {
  const m = decode(data);
  switch (m.type) {
    case 'sync-step1':
      return { kind: 'sync', sub: SyncType.step1, payload: m.stateVector };
    case 'sync-step2':
      return { kind: 'sync', sub: SyncType.step2, payload: m.update };
    case 'update':
      return { kind: 'sync', sub: SyncType.update, payload: m.update };
    case 'awareness':
      return { kind: 'awareness' };
    case 'permission-denied':
      return { kind: 'auth', reason: m.reason };
    case 'query-awareness':
      return { kind: 'other', type: MessageType.queryAwareness };
  }
}
