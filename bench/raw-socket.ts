import crypto from 'node:crypto';
import net from 'node:net';

/**
 * A lean WebSocket client over a raw TCP socket: the load generator holds hundreds of these, so it
 * parses frame headers in place and only hands a payload to `onMessage` when someone wants it
 * (receivers only count frames). Client frames use an all-zero mask (valid; the server unmasks a no-op).
 */
export class RawSocket {
  /** Frames received, by y-websocket message type (0 sync, 1 awareness, 2 auth, …). */
  readonly framesByType = [0, 0, 0, 0];
  frames = 0;
  bytes = 0;
  closedWith: { code: number; reason: string } | null = null;
  onClose: ((code: number, reason: string) => void) | null = null;
  private chunks: Buffer[] = [];
  /** The parts so far of a message that arrives in fragments. */
  private readonly fragments: Buffer[] = [];
  private buffered = 0;
  private need = 2;

  private constructor(
    private readonly socket: net.Socket,
    private readonly onMessage: ((payload: Buffer, socket: RawSocket) => void) | null,
  ) {}

  /** Opens `ws://host:port/path`; rejects when the upgrade is refused. */
  static connect(url: string, onMessage: ((payload: Buffer, socket: RawSocket) => void) | null = null): Promise<RawSocket> {
    const u = new URL(url);
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: u.hostname, port: Number(u.port), noDelay: true });
      const key = crypto.randomBytes(16).toString('base64');
      let head = Buffer.alloc(0);
      const onError = (error: Error) => reject(error);
      socket.once('error', onError);
      socket.on('connect', () => {
        socket.write(`GET ${u.pathname}${u.search} HTTP/1.1\r\nHost: ${u.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`);
      });
      const onHead = (chunk: Buffer) => {
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        socket.off('data', onHead);
        socket.off('error', onError);
        const status = head.subarray(0, head.indexOf('\r\n')).toString();
        if (!/^HTTP\/1\.1 101/.test(status)) {
          socket.destroy();
          return reject(new Error(`upgrade refused: ${status}`));
        }
        const ws = new RawSocket(socket, onMessage);
        socket.on('data', (c: Buffer) => ws.receive(c));
        socket.on('error', () => undefined);
        socket.on('close', () => {
          ws.closedWith ??= { code: 1006, reason: 'socket closed' };
          ws.onClose?.(ws.closedWith.code, ws.closedWith.reason);
        });
        resolve(ws);
        const rest = head.subarray(end + 4);
        if (rest.length > 0) ws.receive(rest);
      };
      socket.on('data', onHead);
    });
  }

  /** Sends one binary frame. */
  send(payload: Uint8Array): void {
    const n = payload.length;
    const header = n < 126 ? 6 : n < 65536 ? 8 : 14;
    const frame = Buffer.allocUnsafe(header + n);
    frame[0] = 0x82;
    if (n < 126) frame[1] = 0x80 | n;
    else if (n < 65536) {
      frame[1] = 0x80 | 126;
      frame.writeUInt16BE(n, 2);
    } else {
      frame[1] = 0x80 | 127;
      frame.writeBigUInt64BE(BigInt(n), 2);
    }
    frame.writeUInt32BE(0, header - 4); // the mask: zero
    frame.set(payload, header);
    this.socket.write(frame);
  }

  close(): void {
    if (this.socket.destroyed) return;
    const frame = Buffer.from([0x88, 0x82, 0, 0, 0, 0, 0x03, 0xe8]);
    this.socket.end(frame);
    setTimeout(() => this.socket.destroy(), 1000).unref();
  }

  destroy(): void {
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    this.bytes += chunk.length;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    if (this.buffered < this.need) return;
    let buf = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.buffered);
    let off = 0;
    for (;;) {
      const avail = buf.length - off;
      if (avail < 2) {
        this.need = 2;
        break;
      }
      const b0 = buf[off]!;
      let len = buf[off + 1]! & 0x7f;
      let h = 2;
      if (len === 126) {
        if (avail < 4) {
          this.need = 4;
          break;
        }
        len = buf.readUInt16BE(off + 2);
        h = 4;
      } else if (len === 127) {
        if (avail < 10) {
          this.need = 10;
          break;
        }
        len = Number(buf.readBigUInt64BE(off + 2));
        h = 10;
      }
      if (avail < h + len) {
        this.need = h + len;
        break;
      }
      this.frame(b0 & 0x0f, (b0 & 0x80) !== 0, buf, off + h, len);
      off += h + len;
    }
    buf = buf.subarray(off);
    this.chunks = buf.length > 0 ? [buf] : [];
    this.buffered = buf.length;
  }

  private frame(opcode: number, fin: boolean, buf: Buffer, start: number, len: number): void {
    if (opcode === 0x2 || opcode === 0x0) {
      // A message the server sent in fragments (a large answer, as its reader drains) is one message.
      const part = buf.subarray(start, start + len);
      if (!fin) {
        this.fragments.push(Buffer.from(part));
        return;
      }
      const message = this.fragments.length > 0 ? Buffer.concat([...this.fragments.splice(0), part]) : part;
      this.frames++;
      const type = message.length > 0 ? message[0]! : 255;
      if (type < 4) this.framesByType[type]!++;
      this.onMessage?.(message, this);
    } else if (opcode === 0x9) {
      // ping: answer with a pong carrying the same payload
      const payload = buf.subarray(start, start + len);
      const frame = Buffer.alloc(6 + len);
      frame[0] = 0x8a;
      frame[1] = 0x80 | len;
      frame.set(payload, 6);
      this.socket.write(frame);
    } else if (opcode === 0x8) {
      const code = len >= 2 ? buf.readUInt16BE(start) : 1005;
      this.closedWith = { code, reason: buf.subarray(start + 2, start + len).toString() };
      this.socket.end();
    }
  }
}
