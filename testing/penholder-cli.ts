import { execFile, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** The repository's root, where `bin/penholder.mjs` lives. */
export const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin', 'penholder.mjs');

/** How the real `penholder` binary exited and what it printed. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `penholder` command line, as a person or a Secretariat script would, from the
 * repository's root; never throws on a non-zero exit (the code says it). A run over `timeoutMs` is killed.
 */
export function penholder(...args: string[]): Promise<CliResult> {
  return penholderWith({}, ...args);
}

/** `penholder` with options: extra environment, a time limit (120 s by default). */
export function penholderWith(options: { env?: Record<string, string>; timeoutMs?: number }, ...args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, timeout: options.timeoutMs ?? 120_000, maxBuffer: 256 * 2 ** 20, env: { ...process.env, ...options.env } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** How to run the server process: extra environment, a command that wraps node (prlimit, setpriv), flags for node. */
export interface ServeOptions {
  env?: Record<string, string>;
  wrapper?: string[];
  nodeArgs?: string[];
}

/** Spawns `penholder serve --data DIR --port 0`, its output piped. */
export function spawnServe(dir: string, options: ServeOptions = {}): ChildProcess {
  const [command, ...args] = [...(options.wrapper ?? []), process.execPath, ...(options.nodeArgs ?? []), BIN, 'serve', '--data', dir, '--port', '0'];
  return spawn(command!, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
}

/** Starts `penholder serve` on port 0 in a child process; resolves with its ws:// URL once it listens. */
export function serve(dir: string, env: Record<string, string> = {}, options: Omit<ServeOptions, 'env'> = {}): Promise<{ child: ChildProcess; wsUrl: string; url: string }> {
  const child = spawnServe(dir, { ...options, env });
  return new Promise((resolve, reject) => {
    let out = '';
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on http:\/\/([^\s]+)/.exec(out);
      if (m) resolve({ child, wsUrl: `ws://${m[1]}`, url: `http://${m[1]}` });
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code, signal) => reject(new Error(`serve exited with ${code ?? signal}: ${out}`)));
  });
}
