import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ConnectionSocket } from '../core/client-connection';
import { CloseCode } from '../../shared/protocol/close-codes';
import type { SyncServer } from '../core/sync-server';
import { decodePath } from './decode-path';
import { RoomConnection } from '../core/room-connection';
import { roomNegotiation } from '../../shared/protocol/room-frame';

/** How often sockets are pinged; one that misses a pong is dropped (a laptop that left the Wi-Fi). */
const PING_MS = 30_000;

/** The token of an upgrade request: `?token=` first, else `Authorization: Bearer`. */
export function tokenOf(req: IncomingMessage, url: URL): string | null {
  return url.searchParams.get('token') || /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] || null;
}

/**
 * Speaks the y-websocket protocol over `ws` on an HTTP server: `ws://HOST:PORT/<negotiation>/<document>?token=…`
 * for one document, `ws://HOST:PORT/<negotiation>?token=…` for all of them multiplexed (see RoomConnection).
 * `onError` hears what failed while accepting a socket (that socket is closed with 1011; the server serves on).
 * Returns a function that stops accepting and terminates the pinging.
 */
export function attachWebsocket(http: Server, core: SyncServer, maxFrameBytes: number, onError: (error: unknown) => void): () => void {
  // maxPayload makes ws refuse a larger frame before buffering it, closing with 1009.
  // allowSynchronousEvents: false hands over a socket's frames one per event-loop turn, so that a client
  // whose frames arrive together (a burst, or a backlog after a stall) cannot hold up the others, nor the
  // turn's end where updates are made durable and sent; what it sent meanwhile waits in ws's bounded
  // buffer, then in the network's. Read in one go, 3,200 updates a second from 320 writers drove a server
  // past its capacity to seconds-long turns and 2 GB; handed over so, it stayed under 260 MB.
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes, perMessageDeflate: false, allowSynchronousEvents: false });
  const alive = new WeakSet<WebSocket>();

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    wss.handleUpgrade(req, socket, head, (ws) => {
      // An 'error' without a listener would throw out of the emitter and stop the process.
      ws.on('error', () => undefined);
      try {
        accept(ws, req);
      } catch (error) {
        // Whatever the request held, it costs at most its own socket.
        onError(error);
        ws.close(CloseCode.internalError, 'the server could not open this connection');
      }
    });
  });

  const accept = (ws: WebSocket, req: IncomingMessage): void => {
    const url = parseUrl(req.url);
    if (!url) return ws.close(CloseCode.notFound, 'malformed request URL');
    // The frames of one turn to one client leave in one write (one writev) rather than one each.
    const tcp = (ws as unknown as { _socket?: Socket })._socket;
    const raw: ConnectionSocket = {
      send: (frame, written) => ws.send(frame, written),
      sendFragment: (part, fin, written) => ws.send(part, { fin }, written),
      get bufferedAmount() {
        return ws.bufferedAmount;
      },
      close: (code, reason) => ws.close(code, reason),
      terminate: () => ws.terminate(),
      remoteAddress: req.socket.remoteAddress,
      cork: () => tcp?.cork(),
      uncork: () => tcp?.uncork(),
    };
    const name = decodePath(url.pathname);
    if (name === null) return ws.close(CloseCode.notFound, 'malformed percent-escape in the document path');
    // Counted per address and in the memory budget once per socket, whichever protocol it speaks.
    const accepted = core.acceptSocket(raw);
    if (typeof accepted === 'string') return ws.close(CloseCode.tooManyConnections, accepted);
    ws.on('close', accepted.release);
    const endpoint = open(accepted.socket, name, tokenOf(req, url));
    accepted.socket.closeConnection = (code, reason) => endpoint.close(code, reason);
    alive.add(ws);
    ws.on('pong', () => alive.add(ws));
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary) return endpoint.close(CloseCode.policyViolation, 'text frames are not the y-websocket protocol');
      endpoint.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    });
    ws.on('close', (code: number, reason: Buffer) => endpoint.gone(code, reason.toString()));
    // ws reports oversized or invalid frames as errors, then closes the socket itself.
    ws.on('error', (error: Error) => endpoint.gone(CloseCode.policyViolation, error.message));
  };

  /** `/<negotiation>` alone is the multiplexed protocol (one socket for every document); a document's path is the plain one. */
  const open = (socket: ConnectionSocket, path: string, token: string | null): Endpoint => {
    const negotiationId = roomNegotiation(path);
    if (negotiationId) {
      const room = new RoomConnection(socket, negotiationId, core, onError);
      room.start(token);
      return room;
    }
    const connection = core.connect(socket, path.replace(/^\/+/, ''), token);
    return { receive: (frame) => core.receive(connection, frame), close: (code, reason) => connection.close(code, reason), gone: (code, reason) => connection.gone(code, reason) };
  };

  const ping = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, PING_MS);
  ping.unref();

  return () => {
    clearInterval(ping);
    wss.close();
  };
}

/** What the socket's events drive: one document's connection, or a room of them. */
interface Endpoint {
  receive(frame: Uint8Array): void;
  close(code: number, reason: string): void;
  gone(code: number, reason: string): void;
}

function parseUrl(raw: string | undefined): URL | null {
  try {
    return new URL(raw ?? '/', 'http://localhost');
  } catch {
    return null;
  }
}
