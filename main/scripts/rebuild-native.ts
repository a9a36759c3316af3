// `npm run rebuild:native` (a step of `npm run dist`): rebuilds better-sqlite3 for Electron's ABI, so that
// the packaged app can load it. Needs Electron's headers: from node-gyp's cache (~/.electron-gyp), or
// downloadable from PENHOLDER_ELECTRON_HEADERS_URL (default Electron's own). Where neither can be had it
// rebuilds nothing and says so, what that means and what to do, and exits 0 so that the rest of the
// build can still be looked at (the tests keep the Node build of better-sqlite3 they need).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MODULE = 'better-sqlite3';
const electronDir = path.join(root, 'node_modules', 'electron');
const electronVersion = (JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')) as { version: string }).version;
const electronAbi = fs.existsSync(path.join(electronDir, 'abi_version')) ? fs.readFileSync(path.join(electronDir, 'abi_version'), 'utf8').trim() : 'unknown';
const headerBase = (process.env.PENHOLDER_ELECTRON_HEADERS_URL ?? 'https://www.electronjs.org/headers').replace(/\/+$/, '');
const cached = path.join(os.homedir(), '.electron-gyp', electronVersion, 'include', 'node', 'node_version.h');

/** Whether the headers' archive answers at the URL, or why not. */
async function reachable(url: string): Promise<true | string> {
  try {
    const response = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(10_000) });
    return response.ok ? true : `it answered HTTP ${response.status}`;
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? (error as Error).message;
  }
}

function skipped(reason: string): never {
  console.error(
    [
      `SKIPPED: ${MODULE} was NOT rebuilt for Electron ${electronVersion} (ABI ${electronAbi}).`,
      `  Why: Electron's headers are not in ${path.dirname(path.dirname(path.dirname(cached)))} and could not be downloaded: ${reason}.`,
      `  What it means: node_modules/${MODULE} stays built for Node ${process.versions.node} (ABI ${process.versions.modules}); a package made now`,
      `  would carry that build, which Electron cannot load (the app would stop at its first use of the local store).`,
      `  What to do: run \`npm run dist\` on a machine that reaches ${headerBase}, or set PENHOLDER_ELECTRON_HEADERS_URL to a mirror`,
      `  of Electron's headers, or put them in ~/.electron-gyp/${electronVersion}. Afterwards \`npm rebuild ${MODULE}\` restores the Node build the tests use.`,
    ].join('\n'),
  );
  process.exit(0);
}

if (!fs.existsSync(cached)) {
  const url = `${headerBase}/v${electronVersion}/node-v${electronVersion}-headers.tar.gz`;
  const answer = await reachable(url);
  if (answer !== true) skipped(`${url}: ${answer}`);
}
let rebuild: (options: Record<string, unknown>) => Promise<void>;
try {
  ({ rebuild } = (await import('@electron/rebuild')) as unknown as { rebuild: typeof rebuild });
} catch (error) {
  skipped(`@electron/rebuild could not be loaded under Node ${process.versions.node} (${(error as Error).message})`);
}
console.log(`rebuilding ${MODULE} for Electron ${electronVersion} (ABI ${electronAbi})…`);
await rebuild({ buildPath: root, electronVersion, onlyModules: [MODULE], force: true, headerURL: headerBase });
console.log(`rebuilt ${MODULE} for Electron ${electronVersion}; \`npm rebuild ${MODULE}\` restores the Node build the tests use.`);
