import net from 'node:net';

/** A client frame as the WebSocket protocol wants it: binary, final, masked (with a zero mask, so the payload reads as is). */
export function maskedFrame(payload: Uint8Array): Buffer {
  const length = payload.length;
  const header = length < 126 ? Buffer.from([0x82, 0x80 | length]) : length < 65536 ? Buffer.from([0x82, 0x80 | 126, length >> 8, length & 255]) : null;
  if (!header) throw new Error('frames over 64 KB are not needed here');
  return Buffer.concat([header, Buffer.from([0, 0, 0, 0]), payload]);
}

/**
 * A client that never reads: it opens a WebSocket by hand, sends `frames` right after the handshake,
 * and leaves everything the server sends in the network buffers (the socket is paused at once).
 */
export function nonReader(port: number, path: string, frames: Uint8Array[]): net.Socket {
  const socket = net.connect(port, '127.0.0.1', () => {
    socket.pause();
    socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`);
    for (const f of frames) socket.write(maskedFrame(f));
  });
  socket.on('error', () => undefined);
  return socket;
}

/** Sync step 1 with a state vector that knows one unknown client: the server answers with the whole document, encoded afresh each time. */
export const wholeDocumentRequest = (): Uint8Array => new Uint8Array([0, 0, 4, 1, 0xe7, 0x07, 0]);
