import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, makeDataDir, startTestServer, waitFor, type TestClient } from './harness';
import { serve, spawnServe } from '../../testing/penholder-cli';

/** The process ignores SIGXFSZ, so that writing past the file-size limit fails with EFBIG as on a full disk. */
const ignoreXfsz = ['--import', 'data:text/javascript,process.on("SIGXFSZ",()=>{})'];
const fileSizeLimit = (bytes: number) => ['prlimit', `--fsize=${bytes}`];

const children: ChildProcess[] = [];
const clients: TestClient[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
  for (const c of children.splice(0)) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Runs `penholder serve` to its exit; resolves with its exit code and what it printed. */
function failedStart(dir: string, wrapper: string[], nodeArgs: string[] = []): Promise<{ code: number | null; output: string }> {
  const child = spawnServe(dir, { wrapper, nodeArgs });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describe('the data directory', () => {
  it('creates penholder.sqlite and its WAL files readable by their owner only', async () => {
    const { server, negotiationId, invite, dir } = await startTestServer();
    const client = connectClient(server.wsUrl, `${negotiationId}/private/mexico`, await invite('delegation', 'Mexico'));
    clients.push(client);
    await client.synced;
    client.doc.getText('draft').insert(0, 'our fallback for OP7');
    await waitFor(() => fs.existsSync(path.join(dir, 'penholder.sqlite-wal')) && fs.existsSync(path.join(dir, 'penholder.sqlite-shm')), 'the WAL files');
    for (const f of ['penholder.sqlite', 'penholder.sqlite-wal', 'penholder.sqlite-shm']) expect((fs.statSync(path.join(dir, f)).mode & 0o777).toString(8), f).toBe('600');
    await server.close();
  });

  it('refuses to start on a directory it cannot write, naming it and the cause', { timeout: 60_000 }, async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-readonly-'));
    dirs.push(parent);
    const dir = path.join(parent, 'data');
    fs.chmodSync(parent, 0o555);
    // Root writes anywhere: it then runs without the capabilities that override file modes, so it still reads
    // its own checkout (a clone under a 0700 directory, which another user could not enter) but not this one.
    const asRoot = process.getuid?.() === 0;
    const { code, output } = await failedStart(dir, asRoot ? ['setpriv', '--bounding-set', '-dac_override,-dac_read_search'] : []);
    expect(code).toBe(1);
    expect(output).toContain(`The data directory ${dir} cannot be written`);
    expect(output).toMatch(/EACCES|permission denied/i);
  });

  it('refuses to start when nothing can be written to the directory, naming it', { timeout: 60_000 }, async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-full-'));
    dirs.push(parent);
    const dir = path.join(parent, 'data');
    const { code, output } = await failedStart(dir, fileSizeLimit(2_000), ignoreXfsz);
    expect(code).toBe(1);
    expect(output).toContain(`data directory ${dir}`);
    expect(output).not.toMatch(/^penholder serve: disk I\/O error$/m);
  });

  it('answers /healthz 503, naming the directory, once writes fail; the server serves on', { timeout: 90_000 }, async () => {
    const made = await makeDataDir();
    const token = await made.invite('delegation', 'Mexico');
    const started = await serve(made.dir, {}, { wrapper: fileSizeLimit(3_000_000), nodeArgs: ignoreXfsz });
    children.push(started.child);
    const health = async () => {
      const res = await fetch(`${started.url}/healthz`);
      return { status: res.status, body: (await res.json()) as { ok: boolean; error?: string } };
    };
    expect((await health()).status).toBe(200);
    const writer = connectClient(started.wsUrl, `${made.negotiationId}/private/mexico`, token, { maxBackoffTime: 60_000 });
    clients.push(writer);
    await writer.synced;
    // Half a megabyte a write: the WAL reaches the 3 MB limit within a few.
    for (let i = 0; i < 20 && writer.closes.length === 0; i++) {
      writer.doc.getText('draft').insert(0, `${i % 10}`.repeat(500_000));
      await new Promise((r) => setTimeout(r, 50)); // pacing the writes, not waiting for anything
    }
    await waitFor(() => writer.closes.some((c) => c.code === 1011), 'the failed write closing the client with 1011', 30_000);
    const after = await health();
    expect(after.status).toBe(503);
    expect(after.body.ok).toBe(false);
    expect(after.body.error).toContain(made.dir);
    expect(started.child.exitCode).toBeNull();
  });
});
