import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodePath } from './decode-path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Penholder</title>
<p>This Penholder server syncs negotiations, but the web edition is not built here.
Open your invitation link with the Penholder app, or build the renderer's web edition (renderer/dist).</p>`;

/**
 * Serves the renderer's built web edition: files under `dir`, and its index.html at `/` and at
 * `/join?token=…` (the page that joins with an invitation). Without a build, `/` says so.
 */
export function serveStatic(dir: string | null, req: IncomingMessage, res: ServerResponse, pathname: string): void {
  const root = dir ? path.resolve(dir) : null;
  const index = root ? path.join(root, 'index.html') : null;
  const isPage = pathname === '/' || pathname === '/join' || pathname === '/index.html';
  if (isPage && (!index || !fs.existsSync(index))) return send(res, 200, TYPES['.html']!, NOT_BUILT, req.method);
  const decoded = decodePath(pathname);
  if (decoded === null) return send(res, 400, 'text/plain', 'malformed percent-escape in the path\n', req.method);
  let file = isPage ? index! : root ? path.join(root, decoded) : null;
  // Never outside the directory, whatever ../ or encoded slashes the path holds.
  if (!file || !file.startsWith(root + path.sep)) return send(res, 404, 'text/plain', 'not found\n', req.method);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!fs.existsSync(file)) return send(res, 404, 'text/plain', 'not found\n', req.method);
  send(res, 200, TYPES[path.extname(file)] ?? 'application/octet-stream', fs.readFileSync(file), req.method);
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, method: string | undefined): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'x-content-type-options': 'nosniff' });
  res.end(method === 'HEAD' ? undefined : body);
}
