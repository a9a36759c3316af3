import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from './fixtures';

const root = path.resolve(import.meta.dirname, '../..');
const binary = path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

// `npm run dist`'s rebuild of better-sqlite3 for Electron, on a machine where Electron's headers cannot be
// had (this one: no cache, and the headers' server does not have them): it rebuilds nothing, says so
// plainly, and leaves the Node build the tests use untouched.
describe('npm run rebuild:native where Electron\'s headers cannot be had', () => {
  it('skips, saying what, why, what it means and what to do', async () => {
    const requests: string[] = [];
    const mirror = http.createServer((req, res) => (requests.push(`${req.method} ${req.url}`), res.writeHead(404), res.end()));
    await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', resolve));
    const before = fs.statSync(binary).mtimeMs;
    try {
      const url = `http://127.0.0.1:${(mirror.address() as AddressInfo).port}/headers`;
      const { stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(root, 'main/scripts/rebuild-native.ts')], {
        cwd: root,
        env: { ...process.env, HOME: tempDir('no-electron-gyp'), PENHOLDER_ELECTRON_HEADERS_URL: url },
      });
      const version = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
      expect(requests).toEqual([`HEAD /headers/v${version}/node-v${version}-headers.tar.gz`]);
      expect(stderr).toContain(`SKIPPED: better-sqlite3 was NOT rebuilt for Electron ${version} (ABI ${fs.readFileSync(path.join(root, 'node_modules/electron/abi_version'), 'utf8').trim()})`);
      expect(stderr).toMatch(/it answered HTTP 404/);
      expect(stderr).toMatch(/Electron cannot load/);
      expect(stderr).toMatch(/PENHOLDER_ELECTRON_HEADERS_URL/);
      expect(fs.statSync(binary).mtimeMs).toBe(before);
    } finally {
      mirror.close();
    }
  }, 60_000);
});
