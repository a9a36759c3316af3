import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * A thread's young generation, in MB. V8's default lets each thread's grow to 48 MB and keep it: with three
 * threads beside the serving one that was about 10 MB of a cold-loaded server's resident memory; a smaller
 * one costs these threads more frequent, shorter scavenges (their slicing time did not change with it).
 */
const limits: ResourceLimits = { maxYoungGenerationSizeMb: 8 };

/**
 * Starts the worker `name` that sits next to the module at `base` (its import.meta.url): the compiled
 * `name.js` when bundled (the desktop app, the benchmark), else `name.ts` loaded through tsx, as the
 * command line and the tests load everything.
 */
export function spawnWorker(name: string, base: string, workerData: unknown, transferList: ArrayBuffer[] = []): Worker {
  const compiled = new URL(`./${name}.js`, base);
  if (fs.existsSync(fileURLToPath(compiled))) return new Worker(compiled, { workerData, transferList, resourceLimits: limits });
  const tsx = createRequire(base).resolve('tsx/esm/api').replace(/index\.cjs$/, 'index.mjs');
  const entry = new URL(`./${name}.ts`, base).href;
  const boot = `const { workerData } = require('node:worker_threads'); import(workerData.tsx).then((m) => { m.register(); return import(workerData.entry); });`;
  return new Worker(boot, { eval: true, resourceLimits: limits, workerData: { ...(workerData as object), tsx: pathToFileURL(tsx).href, entry }, transferList });
}
