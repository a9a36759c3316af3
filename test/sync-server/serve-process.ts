import { spawn, type ChildProcess } from 'node:child_process';

/** How to run the server process: extra environment, a command that wraps node (prlimit, setpriv), flags for node. */
export interface ServeOptions {
  env?: Record<string, string>;
  wrapper?: string[];
  nodeArgs?: string[];
}

/** Spawns `penholder serve --data DIR --port 0`, its output piped. */
export function spawnServe(dir: string, options: ServeOptions = {}): ChildProcess {
  const [command, ...args] = [...(options.wrapper ?? []), process.execPath, ...(options.nodeArgs ?? []), 'bin/penholder.mjs', 'serve', '--data', dir, '--port', '0'];
  return spawn(command!, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
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
