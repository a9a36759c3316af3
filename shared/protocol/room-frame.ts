import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { ID_PATTERN } from './document-names';
import { ProtocolError } from './messages';

/**
 * The multiplexed ("room") protocol: one WebSocket per participant at `ws://HOST:PORT/<negotiation id>`
 * carries every document the invitation may read. A frame holds one or more entries, each a document's
 * full name (`<negotiation id>/table`, as in the per-document URLs) and one ordinary y-websocket
 * message for it: `varString(document) varUint8Array(message)`, repeated to the end of the frame.
 */
export interface RoomMessage {
  document: string;
  message: Uint8Array;
}

/** The most entries a frame may hold (a room of 193 delegations syncs in one frame of about 400). */
export const MAX_ROOM_FRAME_ENTRIES = 2048;

/** Frames a sender fills up to about this many bytes before starting another. */
export const ROOM_FRAME_TARGET_BYTES = 512 * 1024;

/** The path of a negotiation's multiplexed connection. */
export const roomPath = (negotiationId: string): string => `/${negotiationId}`;

/** The negotiation a connection path opens as a room (`<negotiation id>` alone), or null for anything else. */
export function roomNegotiation(path: string): string | null {
  const id = path.replace(/^\/+/, '').replace(/\/+$/, '');
  return ID_PATTERN.test(id) ? id : null;
}

/** Encodes entries into one frame. */
export function encodeRoomFrame(messages: readonly RoomMessage[]): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const m of messages) {
    encoding.writeVarString(encoder, m.document);
    encoding.writeVarUint8Array(encoder, m.message);
  }
  return encoding.toUint8Array(encoder);
}

/** Encodes entries into frames of about ROOM_FRAME_TARGET_BYTES each (an entry is never split). */
export function encodeRoomFrames(messages: readonly RoomMessage[]): Uint8Array[] {
  const frames: Uint8Array[] = [];
  let batch: RoomMessage[] = [];
  let bytes = 0;
  for (const m of messages) {
    if (batch.length > 0 && (bytes + m.message.length > ROOM_FRAME_TARGET_BYTES || batch.length === MAX_ROOM_FRAME_ENTRIES)) {
      frames.push(encodeRoomFrame(batch));
      batch = [];
      bytes = 0;
    }
    batch.push(m);
    bytes += m.message.length + m.document.length + 8;
  }
  if (batch.length > 0) frames.push(encodeRoomFrame(batch));
  return frames;
}

/** Decodes a frame; throws ProtocolError when it is truncated, empty or holds too many entries. */
export function decodeRoomFrame(frame: Uint8Array): RoomMessage[] {
  const decoder = decoding.createDecoder(frame);
  const messages: RoomMessage[] = [];
  try {
    while (decoding.hasContent(decoder)) {
      if (messages.length === MAX_ROOM_FRAME_ENTRIES) throw new ProtocolError(`more than ${MAX_ROOM_FRAME_ENTRIES} messages in one frame`);
      const document = decoding.readVarString(decoder);
      messages.push({ document, message: decoding.readVarUint8Array(decoder) });
    }
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError('truncated room frame');
  }
  if (messages.length === 0) throw new ProtocolError('an empty room frame');
  return messages;
}
