import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';

/**
 * Bundles the Electron main process and the preload into main/dist: main.js (ESM, what package.json's
 * "main" names) and preload.cjs (a sandboxed preload is one CommonJS file that may require only
 * `electron`), sqlite-worker.js and slicer-worker.js (the sync server's storage and slicing threads). better-sqlite3 stays external: it is a native module loaded from node_modules.
 * So do ws and its optional native helpers (bufferutil, utf-8-validate): bundled, ws would look for
 * bufferutil's binary next to main.js, not find it, and unmask every client frame in JavaScript
 * (9.3 ms a 5.6 MB frame, 0.3 ms native); loaded from node_modules (unpacked from the archive, see
 * electron-builder.yml), it finds the prebuilt binary for the platform where there is one.
 */
export async function bundleMain(root: string, outdir = path.join(root, 'main', 'dist')): Promise<{ main: string; preload: string }> {
  const common: BuildOptions = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning', external: ['electron', 'better-sqlite3', 'ws', 'bufferutil', 'utf-8-validate'] };
  const main = path.join(outdir, 'main.js');
  const preload = path.join(outdir, 'preload.cjs');
  await build({
    ...common,
    entryPoints: [path.join(root, 'main', 'electron', 'main.ts')],
    outfile: main,
    format: 'esm',
    // Bundled CommonJS dependencies (pino) call require(): give the ESM bundle one.
    banner: { js: "import { createRequire as __penholderRequire } from 'node:module'; const require = __penholderRequire(import.meta.url);" },
  });
  // The sync server's threads, found next to main.js (sync-server/core/spawn-worker.ts): storage, the slicing of large updates, large documents.
  for (const worker of ['storage/sqlite/sqlite-worker', 'core/slicer-worker', 'core/document-worker']) {
    await build({
      ...common,
      entryPoints: [path.join(root, 'sync-server', `${worker}.ts`)],
      outfile: path.join(outdir, `${path.basename(worker)}.js`),
      format: 'esm',
      banner: { js: "import { createRequire as __penholderRequire } from 'node:module'; const require = __penholderRequire(import.meta.url);" },
    });
  }
  await build({ ...common, entryPoints: [path.join(root, 'main', 'electron', 'preload.ts')], outfile: preload, format: 'cjs' });
  return { main, preload };
}
