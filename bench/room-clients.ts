import * as Y from 'yjs';
import { decodeServerMessage, syncStep1Frame, syncStep2Frame, updateFrame } from '../shared/protocol/messages';
import { decodeRoomFrame, encodeRoomFrame, roomPath, type RoomMessage } from '../shared/protocol/room-frame';
import { RawSocket } from './raw-socket';

const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());
const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

/** What a participant's client keeps: a Y.Doc for the documents it watches or writes; the others are only counted. */
export interface Tracked {
  docs: Map<string, Y.Doc>;
}

/** How a benchmark client reaches the server: the room protocol (one socket) or the plain one (one socket per document). */
export interface BenchClient {
  sockets: RawSocket[];
  /** Documents that completed their first sync (a sync step 2 arrived). */
  synced: Set<string>;
  /** Sends an update to one document. */
  send(document: string, update: Uint8Array): void;
  close(): void;
}

/** Applies a server message to a tracked document, and answers a sync step 1 (with our state, or nothing). */
function handle(tracked: Tracked, synced: Set<string>, document: string, message: Uint8Array, reply: (m: Uint8Array) => void): void {
  const m = decodeServerMessage(message);
  const doc = tracked.docs.get(document);
  if (m.type === 'sync-step1') reply(syncStep2Frame(doc ? Y.encodeStateAsUpdate(doc, m.stateVector) : EMPTY_UPDATE));
  else if (m.type === 'sync-step2' || m.type === 'update') {
    if (m.type === 'sync-step2') synced.add(document);
    if (doc) Y.applyUpdate(doc, m.update, 'server');
  }
}

/** A participant on the room protocol: one socket; it greets with a sync step 1 for every document, in one frame. */
export async function roomClient(wsUrl: string, negotiationId: string, token: string, documents: string[], tracked: Tracked): Promise<BenchClient> {
  const synced = new Set<string>();
  let socket: RawSocket | null = null;
  const socketReady = RawSocket.connect(`${wsUrl}${roomPath(negotiationId)}?token=${encodeURIComponent(token)}`, (payload) => {
    const replies: RoomMessage[] = [];
    for (const { document, message } of decodeRoomFrame(payload)) handle(tracked, synced, document, message, (m) => replies.push({ document, message: m }));
    if (replies.length > 0) socket?.send(encodeRoomFrame(replies));
  });
  socket = await socketReady;
  socket.send(encodeRoomFrame(documents.map((document) => ({ document, message: syncStep1Frame(tracked.docs.has(document) ? Y.encodeStateVector(tracked.docs.get(document)!) : EMPTY_STATE_VECTOR) }))));
  const s = socket;
  return { sockets: [s], synced, send: (document, update) => s.send(encodeRoomFrame([{ document, message: updateFrame(update) }])), close: () => s.close() };
}

/** The same participant on the plain protocol, as the app did before: one socket per document. */
export async function perDocumentClient(wsUrl: string, token: string, documents: string[], tracked: Tracked): Promise<BenchClient> {
  const synced = new Set<string>();
  const sockets = new Map<string, RawSocket>();
  // A few connections at a time: hundreds of simultaneous handshakes overflow the listen backlog.
  for (let i = 0; i < documents.length; i += 20) {
    await Promise.all(
      documents.slice(i, i + 20).map(async (document) => {
        let socket: RawSocket | null = null;
        socket = await RawSocket.connect(`${wsUrl}/${document}?token=${encodeURIComponent(token)}`, (payload) => handle(tracked, synced, document, payload, (m) => socket?.send(m)));
        socket.send(syncStep1Frame(tracked.docs.has(document) ? Y.encodeStateVector(tracked.docs.get(document)!) : EMPTY_STATE_VECTOR));
        sockets.set(document, socket);
      }),
    );
  }
  return {
    sockets: [...sockets.values()],
    synced,
    send: (document, update) => sockets.get(document)?.send(updateFrame(update)),
    close: () => {
      for (const s of sockets.values()) s.close();
    },
  };
}
