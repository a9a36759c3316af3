import type { WebSocketRoute } from 'playwright-core';
import type WebSocket from 'ws';
import { pinnedWebSocket } from '../../../main/session/certificate-pins';

/**
 * Carries a page's WebSocket to a hosted session over a socket that connects only to the certificate
 * pinned for it, as Electron's certificate verify procedure lets the app's window connect
 * (main/electron/main.ts). Chromium's own pin (--ignore-certificate-errors-spki-list) is read at launch,
 * so a session hosted after the window opened is reached through here; nothing else is.
 */
export function carryPinned(route: WebSocketRoute, fingerprint: string): void {
  const Pinned = pinnedWebSocket(fingerprint);
  const server: WebSocket = new Pinned(route.url());
  const waiting: (string | Buffer)[] = [];
  route.onMessage((message) => (server.readyState === server.OPEN ? server.send(message) : waiting.push(message)));
  server.on('open', () => {
    for (const message of waiting.splice(0)) server.send(message);
  });
  server.on('message', (data, isBinary) => route.send(isBinary ? (data as Buffer) : data.toString()));
  route.onClose(() => server.close());
  // The server's close code reaches the page (4403: revoked); a refused certificate closes as a failure.
  server.on('close', (code, reason) => void route.close(code >= 3000 || code === 1000 ? { code, reason: reason.toString() } : { code: 1011 }).catch(() => undefined));
  server.on('error', () => void route.close({ code: 1011 }).catch(() => undefined));
}
