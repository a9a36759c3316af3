import WebSocket from 'ws';

/**
 * Opens a WebSocket (`ws`) and resolves once it is open; rejects when the upgrade is refused. A `slow`
 * socket reads nothing (its TCP socket is paused), as a client that stopped reading would.
 */
export function openSocket(url: string, options: { slow?: boolean } = {}): Promise<WebSocket> {
  const ws = new WebSocket(url);
  ws.on('error', () => undefined);
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      if (options.slow) ws.pause();
      resolve(ws);
    });
    ws.once('unexpected-response', () => reject(new Error(`${url.split('?')[0]} refused the socket`)));
  });
}
