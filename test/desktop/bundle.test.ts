import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';
import { bundleMain } from '../../main/bundle';

const root = path.resolve(import.meta.dirname, '../..');

describe('the Electron bundles', () => {
  it('builds main.js and a preload that requires nothing but electron (as a sandboxed preload must)', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-bundle-'));
    const { main, preload } = await bundleMain(root, out);
    const preloadCode = fs.readFileSync(preload, 'utf8');
    const required = new Set([...preloadCode.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]));
    expect([...required]).toEqual(['electron']);
    expect(preloadCode).toContain('exposeInMainWorld');
    expect(preloadCode).toContain('createPenholderApi');
    expect(preloadCode.length).toBeLessThan(20_000);

    const mainCode = fs.readFileSync(main, 'utf8');
    const imported = new Set([...mainCode.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]!));
    const allowed = new Set(['electron', 'better-sqlite3', 'ws', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    expect([...imported].filter((m) => !allowed.has(m))).toEqual([]);
    // ws is loaded from node_modules, where it finds bufferutil's native binary; bundled, it would not.
    expect(imported).toContain('ws');
    expect(mainCode).not.toContain('node-gyp-build');
    expect(mainCode).toContain('contextIsolation: true');
    expect(mainCode).toContain('sandbox: true');
    expect(mainCode).toContain('nodeIntegration: false');
    // The threads' entries lie next to main.js, where the bundled server looks for them.
    const workerCode = fs.readFileSync(path.join(out, 'sqlite-worker.js'), 'utf8');
    expect(workerCode).toContain('better-sqlite3');
    expect(fs.readFileSync(path.join(out, 'slicer-worker.js'), 'utf8')).toContain('decodeUpdate');
    expect(mainCode).toContain('"sqlite-worker"');
    expect(mainCode).toContain('"slicer-worker"');
  }, 60_000);
});
