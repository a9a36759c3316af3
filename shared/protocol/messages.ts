import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** y-websocket message types (the first varUint of every message). */
export const MessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;
/** Sync sub-messages (y-protocols/sync). */
export const SyncType = { step1: 0, step2: 1, update: 2 } as const;
/** Auth sub-messages (y-protocols/auth): the server refused a write and serves the document read-only. */
export const AuthType = { permissionDenied: 0 } as const;

/** A message a client sent, decoded. */
export type ClientMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' }
  | { type: 'auth' };

/** A message that is not the y-websocket protocol. */
export class ProtocolError extends Error {}

/** Decodes one client message; throws ProtocolError for anything that is not a y-websocket message. */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.sync: {
        const sub = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (sub === SyncType.step1) return { type: 'sync-step1', stateVector: payload };
        if (sub === SyncType.step2 || sub === SyncType.update) return { type: 'update', update: payload };
        throw new ProtocolError(`unknown sync message ${sub}`);
      }
      case MessageType.awareness:
        return { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
      case MessageType.queryAwareness:
        return { type: 'query-awareness' };
      case MessageType.auth:
        return { type: 'auth' };
      default:
        throw new ProtocolError(`unknown message type ${type}`);
    }
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError('truncated frame');
  }
}

/** A message the server sent, decoded (what a client acts on). */
export type ServerMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-step2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'permission-denied'; reason: string }
  | { type: 'query-awareness' };

/** Decodes one server message; throws ProtocolError for anything else. */
export function decodeServerMessage(message: Uint8Array): ServerMessage {
  try {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.sync: {
        const sub = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (sub === SyncType.step1) return { type: 'sync-step1', stateVector: payload };
        if (sub === SyncType.step2) return { type: 'sync-step2', update: payload };
        if (sub === SyncType.update) return { type: 'update', update: payload };
        throw new ProtocolError(`unknown sync message ${sub}`);
      }
      case MessageType.awareness:
        return { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
      case MessageType.auth: {
        const sub = decoding.readVarUint(decoder);
        if (sub !== AuthType.permissionDenied) throw new ProtocolError(`unknown auth message ${sub}`);
        return { type: 'permission-denied', reason: decoding.readVarString(decoder) };
      }
      case MessageType.queryAwareness:
        return { type: 'query-awareness' };
      default:
        throw new ProtocolError(`unknown message type ${type}`);
    }
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError('truncated message');
  }
}

const frame = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
};

/** A sync message of the given kind carrying a state vector or an update. */
const syncFrame =
  (kind: (typeof SyncType)[keyof typeof SyncType]) =>
  (payload: Uint8Array): Uint8Array =>
    frame((e) => {
      encoding.writeVarUint(e, MessageType.sync);
      encoding.writeVarUint(e, kind);
      encoding.writeVarUint8Array(e, payload);
    });

/** Sync step 1: the sender's state vector, asking for what it lacks. */
export const syncStep1Frame: (stateVector: Uint8Array) => Uint8Array = syncFrame(SyncType.step1);

/** Sync step 2: what the other side lacks. */
export const syncStep2Frame: (update: Uint8Array) => Uint8Array = syncFrame(SyncType.step2);

/** A document update (several merged into one). */
export const updateFrame: (update: Uint8Array) => Uint8Array = syncFrame(SyncType.update);

/** An awareness update. */
export const awarenessFrame = (update: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.awareness);
    encoding.writeVarUint8Array(e, update);
  });

/** Asks for everyone's awareness state. */
export const queryAwarenessFrame = (): Uint8Array => frame((e) => encoding.writeVarUint(e, MessageType.queryAwareness));

/** y-protocols' auth `permission-denied`, which the stock client reports with the reason. */
export const permissionDeniedFrame = (reason: string): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.auth);
    encoding.writeVarUint(e, AuthType.permissionDenied);
    encoding.writeVarString(e, reason);
  });
