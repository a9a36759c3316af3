import { spawn, spawnSync, fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { freePort } from '../testing/local-services';

const ROOT = path.resolve(import.meta.dirname, '..');
const BUILD = path.join(ROOT, 'bench-results', 'build');

/** The servers compared. */
export type ServerKind = 'penholder' | 'penholder-nodurable' | 'y-websocket@1.5.4' | '@y/websocket-server@0.1.1' | 'ws-relay';

/**
 * Bundles the bench's TypeScript entry points with esbuild (tsx's own), so that the servers and the
 * generators run in plain `node` without a loader thread in their CPU and RSS. Falls back to tsx.
 */
let built: Record<string, string> | null = null;
export function entry(name: 'penholder-server' | 'relay-server' | 'generator' | 'penholder-cluster-node'): { file: string; execArgv: string[] } {
  if (!built) {
    built = {};
    // The server's threads (sqlite-worker.js, slicer-worker.js, document-worker.js) sit beside the bundled server, where it looks for them.
    const sources = {
      'penholder-server': 'servers/penholder-server.ts',
      'relay-server': 'servers/relay-server.ts',
      generator: 'generator.ts',
      'penholder-cluster-node': 'servers/penholder-cluster-node.ts',
      'sqlite-worker': '../sync-server/storage/sqlite/sqlite-worker.ts',
      'slicer-worker': '../sync-server/core/slicer-worker.ts',
      'document-worker': '../sync-server/core/document-worker.ts',
    };
    const esbuild = path.join(ROOT, 'node_modules', '.bin', 'esbuild');
    for (const [key, src] of Object.entries(sources)) {
      const out = path.join(BUILD, key.endsWith('-worker') ? `${key}.js` : `${key}.mjs`);
      const result = fs.existsSync(esbuild)
        ? spawnSync(esbuild, [path.join(import.meta.dirname, src), '--bundle', '--platform=node', '--format=esm', '--target=node20', '--packages=external', `--outfile=${out}`, '--log-level=error'], { stdio: 'inherit' })
        : null;
      if (result?.status === 0) built[key] = out;
    }
  }
  const file = built[name];
  if (file) return { file, execArgv: [] };
  return { file: path.join(import.meta.dirname, name === 'generator' ? 'generator.ts' : `servers/${name}.ts`), execArgv: ['--import', 'tsx'] };
}

/** A Penholder node over a shared PostgreSQL and Redis (bench/cluster-scenario.ts), on a free loopback port. */
export async function startClusterNode(postgres: string, redis: string, options: { cpuProfileDir?: string } = {}): Promise<BenchServer> {
  const { file, execArgv } = entry('penholder-cluster-node');
  const profile = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  const child = spawn(process.execPath, [...profile, ...execArgv, file, postgres, redis], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`a cluster node exited with ${code}`)));
  });
  return serverHandle('penholder', child, port);
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const start = Date.now();
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const c = net.connect({ port, host: '127.0.0.1' }, () => {
        c.destroy();
        resolve(true);
      });
      c.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() - start > timeoutMs) throw new Error(`nothing listens on port ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A server process started by the harness. */
export interface BenchServer {
  kind: ServerKind;
  pid: number;
  port: number;
  wsUrl: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts a server on a free loopback port; Penholder over `dataDir`. */
export async function startBenchServer(kind: ServerKind, dataDir: string | null, options: { cpuProfileDir?: string; env?: Record<string, string> } = {}): Promise<BenchServer> {
  const profile = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  let child: ChildProcess;
  let port: number;
  if (kind === 'penholder' || kind === 'penholder-nodurable' || kind === 'ws-relay') {
    const { file, execArgv } = entry(kind === 'ws-relay' ? 'relay-server' : 'penholder-server');
    const args = kind === 'ws-relay' ? [] : [dataDir!, ...(kind === 'penholder-nodurable' ? ['--no-durability'] : [])];
    child = spawn(process.execPath, [...execArgv, ...profile, file, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...options.env } });
    port = await new Promise<number>((resolve, reject) => {
      const lines = readline.createInterface({ input: child.stdout! });
      lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
      child.once('exit', (code) => reject(new Error(`${kind} exited with ${code}`)));
    });
  } else {
    port = await freePort();
    const script = kind === 'y-websocket@1.5.4' ? 'node_modules/y-websocket-stock/bin/server.js' : 'node_modules/@y/websocket-server/src/server.js';
    child = spawn(process.execPath, [...profile, path.join(ROOT, script)], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) } });
    await waitForPort(port, 10_000);
  }
  return serverHandle(kind, child, port);
}

/** A started server process: stopped with SIGTERM, then SIGKILL after 5 s. */
function serverHandle(kind: ServerKind, child: ChildProcess, port: number): BenchServer {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    kind,
    pid: child.pid!,
    port,
    wsUrl: `ws://127.0.0.1:${port}`,
    child,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** CPU time (user + system) of a process in seconds, from /proc. */
export function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (CLK_TCK = 100)
}

/** Resident set size of a process in MB, from /proc. */
export function rssMB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** A generator child process, driven by request/response over IPC. */
export class GeneratorProcess {
  private next = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  readonly child: ChildProcess;

  constructor() {
    const { file, execArgv } = entry('generator');
    this.child = fork(file, [], { cwd: ROOT, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (raw) => {
      const m = raw as { id: number; result?: unknown; error?: string };
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.result);
    });
    this.child.on('exit', (code) => {
      for (const p of this.pending.values()) p.reject(new Error(`the generator exited with ${code}`));
      this.pending.clear();
    });
  }

  call<T>(cmd: string, args: Record<string, unknown> = {}): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, cmd, ...args });
    });
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await this.call('close').catch(() => undefined);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  }
}
