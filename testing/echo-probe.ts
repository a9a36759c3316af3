import WebSocket from 'ws';
import * as Y from 'yjs';
import { decodeServerMessage, updateFrame } from '../shared/protocol/messages';

/** A participant typing on one document and timing the server's echo of each of its own edits. */
export interface EchoProbe {
  /** Send → echo of every edit echoed so far, in ms, in the order they were sent. */
  readonly latencies: number[];
  /** The moment (performance.now()) each latency's edit was sent. */
  readonly sentAt: number[];
  /** Send → echo of each, on `options.clock` (a thread's own clock: see thread-clock.ts), when given. */
  readonly clockLatencies: number[];
  /** Edits sent and not echoed yet. */
  readonly unanswered: number;
  /** How the server closed the probe's socket, if it did. */
  readonly closed: { code: number; reason: string } | null;
  /** Stops typing and closes the socket. */
  stop(): void;
}

/**
 * Opens a plain y-websocket connection to `documentName` and writes one small edit every `everyMs`
 * (open loop: a slow echo does not slow the typing, so a stall is felt by every edit made during it),
 * timing each until the server echoes it back. Resolves once the socket is open.
 */
export function echoProbe(wsUrl: string, documentName: string, token: string, options: { everyMs?: number; clock?: () => number } = {}): Promise<EchoProbe> {
  const everyMs = options.everyMs ?? 20;
  const clock = options.clock ?? (() => 0);
  const ws = new WebSocket(`${wsUrl}/${documentName}?token=${encodeURIComponent(token)}`);
  ws.binaryType = 'nodebuffer';
  const writer = new Y.Doc();
  const echoed = new Y.Doc();
  const typed = writer.getMap<number>('probe');
  const seen = echoed.getMap<number>('probe');
  const pending = new Map<string, { at: number; clock: number }>();
  const latencies: number[] = [];
  const sentAt: number[] = [];
  const clockLatencies: number[] = [];
  let closed: { code: number; reason: string } | null = null;
  let n = 0;
  writer.on('update', (update: Uint8Array) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(updateFrame(update));
  });
  ws.on('message', (data: Buffer) => {
    let message;
    try {
      message = decodeServerMessage(new Uint8Array(data));
    } catch {
      return;
    }
    if (message.type !== 'update' && message.type !== 'sync-step2') return;
    Y.applyUpdate(echoed, message.update);
    const [now, clocked] = [performance.now(), clock()];
    for (const [key, sent] of pending) {
      if (!seen.has(key)) continue;
      pending.delete(key);
      latencies.push(now - sent.at);
      sentAt.push(sent.at);
      clockLatencies.push(clocked - sent.clock);
    }
  });
  ws.on('close', (code, reason) => (closed = { code, reason: reason.toString() }));
  ws.on('error', () => undefined);
  let timer: NodeJS.Timeout | null = null;
  return new Promise((resolve, reject) => {
    ws.once('unexpected-response', () => reject(new Error('the echo probe\'s upgrade was refused')));
    ws.once('open', () => {
      timer = setInterval(() => {
        if (ws.readyState !== WebSocket.OPEN) return;
        const key = String(n++);
        pending.set(key, { at: performance.now(), clock: clock() });
        typed.set(key, n);
      }, everyMs);
      resolve({
        latencies,
        sentAt,
        clockLatencies,
        get unanswered() {
          return pending.size;
        },
        get closed() {
          return closed;
        },
        stop() {
          if (timer) clearInterval(timer);
          ws.close();
          writer.destroy();
          echoed.destroy();
        },
      });
    });
  });
}

/** The `q` quantile (0–1) of `values` (nearest rank), or NaN when there are none. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
