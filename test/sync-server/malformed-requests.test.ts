import net from 'node:net';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWitnessedServer, type WitnessedServer } from './harness';

/** Sends raw bytes as an HTTP request (so that no client library cleans up the path) and returns the answer. */
function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('malformed request paths never stop the server', () => {
  let t: WitnessedServer;
  beforeAll(async () => {
    t = await startWitnessedServer();
  });
  afterAll(() => t.close());


  it.each([
    ['a malformed percent-escape', '/%E0%A4%A'],
    ['a lone percent sign', '/%'],
    ['a malformed escape under /api/', '/api/negotiations/x/invitations/%E0%A4%A'],
    ['an absolute-form URL that does not parse', 'http://[::1'],
  ])('answers %s over HTTP with 400 or 404 and serves on', async (_what, target) => {
    const answer = await rawRequest(t.server.port, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 (400|401|404)/);
    await t.stillServing(`after-http-${target}`);
  });

  it('closes a WebSocket on a malformed path with 4404 and serves on', async () => {
    const ws = new WebSocket(`${t.server.wsUrl}/%E0%A4%A?token=${t.token}`);
    const closed = await new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    expect(closed.code).toBe(4404);
    expect(closed.reason).toContain('malformed');
    await t.stillServing('after-ws');
  });
});
