import { spawn, type ChildProcess } from 'node:child_process';

/** Starts `penholder serve` on port 0 in a child process; resolves with its ws:// URL once it listens. */
export function serve(dir: string, env: Record<string, string> = {}): Promise<{ child: ChildProcess; wsUrl: string; url: string }> {
  const child = spawn(process.execPath, ['bin/penholder.mjs', 'serve', '--data', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
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
