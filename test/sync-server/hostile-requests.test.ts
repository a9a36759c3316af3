import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWitnessedServer, type WitnessedServer } from './harness';

/** Writes raw bytes to the server (then ends the stream when `end`) and collects what it answers until it closes (or `until` matches). */
function rawExchange(port: number, chunks: (string | Buffer)[], until?: RegExp, options: { end?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      for (const c of chunks) socket.write(c);
      if (options.end) socket.end();
    });
    let answer = '';
    const done = () => {
      socket.destroy();
      resolve(answer);
    };
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (until?.test(answer)) done();
    });
    socket.on('end', done);
    socket.on('close', done);
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? done() : reject(error)));
  });
}

/** An unmasked or otherwise broken WebSocket frame after a valid handshake: what the stock client never sends. */
function afterHandshake(port: number, path: string, frame: Buffer): Promise<string> {
  const handshake = `GET ${path} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`;
  return rawExchange(port, [handshake, frame]);
}

describe('hostile requests never stop the server', () => {
  let t: WitnessedServer;
  let cofacilitator: string;
  beforeAll(async () => {
    t = await startWitnessedServer();
    cofacilitator = await t.invite('cofacilitator', null);
  });
  afterAll(() => t.close());

  const http = (lines: string[], body = '') => `${lines.join('\r\n')}\r\n\r\n${body}`;

  it.each([
    ['a request line that is not HTTP', 'HELLO THERE\r\n\r\n', /^HTTP\/1\.1 400/],
    ['a header over the size limit', http(['GET / HTTP/1.1', 'Host: x', `X-Big: ${'a'.repeat(40_000)}`, 'Connection: close']), /^HTTP\/1\.1 431/],
    ['a malformed chunked body', http(['POST /api/negotiations HTTP/1.1', 'Host: x', 'Transfer-Encoding: chunked', 'Connection: close'], 'zz\r\nnot a chunk\r\n'), /^HTTP\/1\.1 4\d\d/],
    ['an upgrade without a key', http(['GET /x/table HTTP/1.1', 'Host: x', 'Upgrade: websocket', 'Connection: Upgrade', 'Sec-WebSocket-Version: 13']), /^HTTP\/1\.1 400/],
    ['an upgrade to an unknown WebSocket version', http(['GET /x/table HTTP/1.1', 'Host: x', 'Upgrade: websocket', 'Connection: Upgrade', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version: 7']), /^HTTP\/1\.1 400/],
    ['an upgrade to another protocol', http(['GET / HTTP/1.1', 'Host: x', 'Upgrade: h2c', 'Connection: Upgrade']), /^HTTP\/1\.1 400/],
    ['the session API with a bare "Bearer"', http(['GET /api/session HTTP/1.1', 'Host: x', 'Authorization: Bearer', 'Connection: close']), /^HTTP\/1\.1 401/],
    ['the session API with a token of control characters', http(['GET /api/session HTTP/1.1', 'Host: x', 'Authorization: Bearer \u0001\u0002%%%', 'Connection: close']), /^HTTP\/1\.1 (400|401)/],
  ])('answers %s and serves on', async (what, request, expected) => {
    const answer = await rawExchange(t.server.port, [request], /\r\n\r\n/);
    expect(answer).toMatch(expected);
    await t.stillServing(`after ${what}`);
  });

  it('refuses a body that is not JSON on every API, and serves on', async () => {
    for (const [path, auth] of [
      [`/api/negotiations/${t.negotiationId}/invitations`, cofacilitator],
      ['/api/negotiations', cofacilitator],
    ] as const) {
      const body = '{"delegation": "Mex';
      const answer = await rawExchange(t.server.port, [http(['POST ' + path + ' HTTP/1.1', 'Host: x', `Authorization: Bearer ${auth}`, 'Content-Type: application/json', `Content-Length: ${body.length}`, 'Connection: close'], body)], /\r\n\r\n.*\}/s);
      expect(answer).toMatch(/^HTTP\/1\.1 400/);
      expect(answer).toMatch(/JSON/);
    }
    await t.stillServing('after bad JSON');
  });

  it('survives a body cut off half-way', async () => {
    const answer = await rawExchange(t.server.port, [http(['POST /api/negotiations HTTP/1.1', 'Host: x', `Authorization: Bearer ${cofacilitator}`, 'Content-Length: 100000'], '{"title": "cut')], undefined, { end: true });
    expect(answer).not.toMatch(/^HTTP\/1\.1 2/);
    await t.stillServing('after a cut body');
  });

  it.each([
    ['an unmasked frame', Buffer.from([0x82, 0x02, 0x00, 0x00])],
    ['a frame with reserved bits set', Buffer.from([0xf2, 0x80, 1, 2, 3, 4])],
    ['an unknown opcode', Buffer.from([0x83, 0x80, 1, 2, 3, 4])],
    ['a fragmented ping', Buffer.from([0x09, 0x80, 1, 2, 3, 4])],
    ['a length that claims 2^63 bytes', Buffer.from([0x82, 0xff, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1, 2, 3, 4])],
    ['a close frame with an invalid code', Buffer.from([0x88, 0x82, 0, 0, 0, 0, 0x03, 0xe7])],
  ])('closes a WebSocket that sends %s, and serves on', async (what, frame) => {
    const answer = await afterHandshake(t.server.port, `/${t.doc}?token=${t.token}`, frame);
    expect(answer).toMatch(/^HTTP\/1\.1 101/);
    await t.stillServing(`after ${what}`);
  });

  it('answers a token in the query and a different one in the header by the query, and a garbage token with 4401', async () => {
    const answer = await rawExchange(
      t.server.port,
      [http([`GET /${t.doc}?token=${'%FF'.repeat(2_000)} HTTP/1.1`, 'Host: x', 'Upgrade: websocket', 'Connection: Upgrade', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version: 13', `Authorization: Bearer ${t.token}`])],
      /\x88/,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 101/);
    // The close frame: 0x88, a length, then the code 4401 (0x11 0x31).
    expect(answer).toContain('\x88');
    expect(answer).toContain('\x11\x31');
    await t.stillServing('after a garbage token');
  });
});
