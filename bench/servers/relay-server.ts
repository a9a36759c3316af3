/**
 * The physical floor: a plain `ws` relay that does no Yjs work. Every binary frame is forwarded as it
 * is to every other socket on the same URL path. Prints `{"port": N}`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

const rooms = new Map<string, Set<WebSocket>>();
const server = http.createServer((_req, res) => res.end('relay'));
const wss = new WebSocketServer({ server, perMessageDeflate: false });
wss.on('connection', (ws, req) => {
  const room = (req.url ?? '/').split('?')[0]!;
  let peers = rooms.get(room);
  if (!peers) rooms.set(room, (peers = new Set()));
  peers.add(ws);
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    for (const peer of peers) if (peer !== ws && peer.readyState === 1) peer.send(data, { binary: isBinary });
  });
  ws.on('close', () => peers.delete(ws));
  ws.on('error', () => undefined);
});
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: (server.address() as AddressInfo).port })));
process.on('SIGTERM', () => process.exit(0));
