import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';

/** Children still running; killed if the test process exits without stopping them (a crash, a timeout). */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A child process started by a test or a benchmark. */
export interface StartedProcess {
  child: ChildProcess;
  /** The match of `ready` in its output. */
  ready: RegExpExecArray;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Its peak resident memory in bytes (Linux's VmHWM), or null where /proc is not there. */
  peakRss(): number | null;
  /** Its current resident memory in bytes (VmRSS), or null. */
  rss(): number | null;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it exited. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts a process and resolves once its output (stdout or stderr) matches `ready`; fails with its
 * output when it exits first or `timeoutMs` passes.
 */
export async function startProcess(command: string, args: string[], options: { ready: RegExp; timeoutMs?: number } & SpawnOptions): Promise<StartedProcess> {
  const { ready, timeoutMs = 30_000, ...spawnOptions } = options;
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...spawnOptions });
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => running.delete(child));
  let out = '';
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} ${args.join(' ')} was not ready within ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      const m = ready.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${command} ${args.join(' ')} exited (${code ?? signal}) before it was ready:\n${out}`));
    });
  });
  const status = (field: string): number | null => {
    try {
      const line = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      return line ? Number(line[1]) * 1024 : null;
    } catch {
      return null;
    }
  };
  return {
    child,
    ready: match,
    output: () => out,
    peakRss: () => status('VmHWM'),
    rss: () => status('VmRSS'),
    async stop(graceMs = 5_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
