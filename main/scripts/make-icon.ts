// Draws the app icon (build/icon.png, 512×512) without any image library: a UN-blue rounded square
// with a pair of white square brackets around a pen stroke: the negotiator's "[ … ]".
// Run: node --import tsx main/scripts/make-icon.ts
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const SIZE = 512;

/** Encodes RGBA pixels as a PNG. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) Buffer.from(rgba.subarray(y * width * 4, (y + 1) * width * 4)).copy(raw, y * (width * 4 + 1) + 1);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** The icon's pixels. */
export function drawIcon(size = SIZE): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const s = size / 512;
  const inRoundedSquare = (x: number, y: number) => {
    const m = 32 * s;
    const r = 96 * s;
    const cx = Math.min(Math.max(x, m + r), size - m - r);
    const cy = Math.min(Math.max(y, m + r), size - m - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= m && x <= size - m && y >= m && y <= size - m;
  };
  const rect = (x: number, y: number, x0: number, y0: number, x1: number, y1: number) => x >= x0 * s && x < x1 * s && y >= y0 * s && y < y1 * s;
  const bracket = (x: number, y: number) =>
    rect(x, y, 120, 128, 160, 384) || rect(x, y, 120, 128, 200, 164) || rect(x, y, 120, 348, 200, 384) || rect(x, y, 352, 128, 392, 384) || rect(x, y, 312, 128, 392, 164) || rect(x, y, 312, 348, 392, 384);
  // A slanted pen stroke between the brackets.
  const stroke = (x: number, y: number) => {
    const u = x / s;
    const v = y / s;
    const d = Math.abs(v - (870.4 - 2.4 * u)) / Math.hypot(1, 2.4);
    return d < 12 && v > 152 && v < 360;
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      if (!inRoundedSquare(x + 0.5, y + 0.5)) continue;
      const white = bracket(x, y) || stroke(x, y);
      px[i] = white ? 255 : 0x00;
      px[i + 1] = white ? 255 : 0x5b;
      px[i + 2] = white ? 255 : 0x96;
      px[i + 3] = 255;
    }
  }
  return px;
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const out = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../build/icon.png');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, encodePng(SIZE, SIZE, drawIcon()));
  console.log(`wrote ${out}`);
}
