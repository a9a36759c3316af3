import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Where the Electron binary is, or why there is none. */
export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

/**
 * Finds the Electron binary the way `require('electron')` does (node_modules/electron/path.txt, or
 * ELECTRON_OVERRIDE_DIST_PATH), without requiring the package: its index.js starts a download when the
 * binary is missing, which must not happen on a machine that cannot download it.
 */
export function findElectronBinary(options: { env?: NodeJS.ProcessEnv; resolveFrom?: string } = {}): ElectronBinary {
  const env = options.env ?? process.env;
  let dir: string;
  try {
    const require = createRequire(options.resolveFrom ?? import.meta.url);
    dir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { found: false, reason: 'the electron package is not installed (npm install)' };
  }
  const pathFile = path.join(dir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const full = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return fs.existsSync(full) ? { found: true, path: full } : { found: false, reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${full} does not exist` };
  }
  if (!relative) {
    return { found: false, reason: `the Electron binary was never downloaded (no ${pathFile}; the electron package's postinstall could not fetch it, as on machines without access to its download site)` };
  }
  const full = path.join(dir, 'dist', relative);
  return fs.existsSync(full) ? { found: true, path: full } : { found: false, reason: `the Electron binary ${full} is missing` };
}
