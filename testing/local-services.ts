import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * Real PostgreSQL and Redis on loopback, from Debian's `postgresql` and `redis-server` packages, each in
 * a private temporary directory on a free port: for the cluster tests (test/cluster) and the cluster
 * benchmark (bench/cluster-scenario.ts). Not used by the server itself.
 */

function findPostgresBin(): string | null {
  const candidates: string[] = [];
  if (process.env.PENHOLDER_PG_BIN) candidates.push(process.env.PENHOLDER_PG_BIN);
  const root = '/usr/lib/postgresql';
  if (fs.existsSync(root)) {
    const versions = fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(root, v, 'bin')));
  }
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    // no pg_config on PATH
  }
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'postgres'))) ?? null;
}

function findOnPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir, name);
    if (fs.existsSync(file)) return file;
  }
  return fs.existsSync(`/usr/bin/${name}`) ? `/usr/bin/${name}` : null;
}

const pgBin = findPostgresBin();

/** Servers still running; killed if the test process exits without stopping them (a crash, a timeout). */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});
const track = (child: ChildProcess): ChildProcess => {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
};
const redisBin = findOnPath('redis-server');

/** Whether the binaries are here, and why not. */
export const services = {
  available: pgBin !== null && redisBin !== null,
  reason: [pgBin ? null : 'PostgreSQL (initdb, postgres) not found: apt-get install postgresql', redisBin ? null : 'redis-server not found: apt-get install redis-server'].filter(Boolean).join('; '),
};


function requireBinaries(): void {
  if (!services.available) throw new Error(`PostgreSQL and Redis are needed: ${services.reason}`);
}

/** A free TCP port on 127.0.0.1 (the OS picks it; it is released right away for the server to take). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** PostgreSQL refuses to run as root: run it as the `postgres` user (or nobody) when we are root. */
function serviceUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  for (const name of ['postgres', 'nobody']) {
    try {
      const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
      return { uid, gid };
    } catch {
      // no such user
    }
  }
  throw new Error('running as root, and neither a postgres nor a nobody user exists to run PostgreSQL');
}

/** A private PostgreSQL server. */
export class TestPostgres {
  private child: ChildProcess | null = null;
  private log = '';
  private databases = 0;

  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly user: { uid: number; gid: number } | null,
  ) {}

  /** initdb into a temporary directory and start the server. */
  static async start(): Promise<TestPostgres> {
    requireBinaries();
    const user = serviceUser();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-pg-'));
    if (user) fs.chownSync(dir, user.uid, user.gid);
    const init = spawnSync(path.join(pgBin!, 'initdb'), ['-D', path.join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--no-instructions'], {
      encoding: 'utf8',
      ...(user ?? {}),
      cwd: dir,
    });
    if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
    const pgServer = new TestPostgres(dir, await freePort(), user);
    await pgServer.start();
    return pgServer;
  }

  get url(): string {
    return this.urlOf('postgres');
  }

  /** The postmaster's process id (its backends are its children), null while stopped. */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  urlOf(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** A new empty database; its URL. */
  async createDatabase(): Promise<string> {
    const name = `t${++this.databases}`;
    const client = new pg.Client({ connectionString: this.url });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${name}`);
    } finally {
      await client.end();
    }
    return this.urlOf(name);
  }

  /** Starts (or restarts) the server on the same port and data. */
  async start(): Promise<void> {
    if (this.child) return;
    this.log = '';
    const child = track(spawn(
      path.join(pgBin!, 'postgres'),
      ['-D', path.join(this.dir, 'data'), '-p', String(this.port), '-k', this.dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'shared_buffers=32MB'],
      { ...(this.user ?? {}), cwd: this.dir, stdio: ['ignore', 'ignore', 'pipe'] },
    ));
    child.stderr!.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    this.child = child;
    child.once('exit', () => {
      if (this.child === child) this.child = null;
    });
    await waitUntil(async () => {
      if (!this.child) throw new Error(`postgres exited: ${this.log}`);
      const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 1_000 });
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.end();
        return true;
      } catch {
        return false;
      }
    }, 'PostgreSQL to accept connections');
  }

  /** Stops the server: SIGINT is PostgreSQL's fast shutdown (clients are disconnected). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGINT');
    await exited;
  }

  /** Stops the server and removes its directory. */
  async destroy(): Promise<void> {
    await this.stop();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A private Redis server, without persistence. */
export class TestRedis {
  private child: ChildProcess | null = null;

  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  static async start(): Promise<TestRedis> {
    requireBinaries();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-redis-'));
    const redis = new TestRedis(dir, await freePort());
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** The server's process id, null while stopped. */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  async start(): Promise<void> {
    if (this.child) return;
    let out = '';
    const child = track(spawn(redisBin!, ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.dir], { stdio: ['ignore', 'pipe', 'pipe'] }));
    this.child = child;
    child.once('exit', () => {
      if (this.child === child) this.child = null;
    });
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        out += chunk.toString();
        if (/Ready to accept connections/i.test(out)) resolve();
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${out}`)));
    });
  }

  /** kill -9: Redis vanishes without a goodbye. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  async destroy(): Promise<void> {
    await this.kill();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
