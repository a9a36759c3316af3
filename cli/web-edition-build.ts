import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Runs a child to completion with its output on ours (stderr for everything when `quiet` keeps stdout clean); resolves its exit code. */
export function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; outputToStderr?: boolean }): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', options.outputToStderr ? process.stderr : 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** The built web edition (`<root>/renderer/dist`, which `npm install` builds), or null, saying what to do. */
export function builtWebEdition(root: string): string | null {
  const dist = path.join(root, 'renderer', 'dist');
  if (fs.existsSync(path.join(dist, 'index.html'))) return dist;
  console.error('The web edition is not built (renderer/dist): npm install builds it, or run npm run build:renderer. Until then / says so; syncing works.');
  return null;
}

/**
 * The web edition to serve: `<root>/renderer/dist`, built first when it is missing (`npm install` builds it;
 * a checkout without it is built on first use, saying so). The build goes to a folder of its own, renamed
 * into place, so that servers started together never serve each other's half-written build. Returns null
 * when it cannot be built (the server then says so at /, and syncs all the same).
 */
export async function ensureWebEdition(root: string, options: { noBuild?: boolean } = {}): Promise<string | null> {
  const dist = path.join(root, 'renderer', 'dist');
  if (fs.existsSync(path.join(dist, 'index.html'))) return dist;
  const scripts = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  if (options.noBuild || !scripts['build:renderer']) {
    console.error(`The web edition is not built (${options.noBuild ? '--no-build' : 'no build:renderer script'}); / will say so, but the sync server works.`);
    return null;
  }
  console.error('The web edition (renderer/dist) is not built yet: building it once now (npm run build:renderer), about a minute…');
  const out = fs.mkdtempSync(path.join(root, 'renderer', '.dist-'));
  try {
    const code = await run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build:renderer', '--', '--outDir', out, '--emptyOutDir'], { cwd: root, outputToStderr: true });
    if (code !== 0 || !fs.existsSync(path.join(out, 'index.html'))) {
      console.error('The web edition could not be built (see above); / will say so, but the sync server works. Run npm run build:renderer to retry.');
      return null;
    }
    if (!fs.existsSync(path.join(dist, 'index.html'))) {
      fs.rmSync(dist, { recursive: true, force: true });
      try {
        fs.renameSync(out, dist);
      } catch (error) {
        // Another server finished its build first.
        if (!fs.existsSync(path.join(dist, 'index.html'))) throw error;
      }
    }
    return dist;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
