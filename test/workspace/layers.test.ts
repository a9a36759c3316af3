import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function lintMessages(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the layers and their one direction of dependency', () => {
  it('shared/ imports no Node, Electron or other layer', async () => {
    expect(await lintMessages('shared/model/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toEqual([expect.stringContaining('Node built-ins are not available')]);
    expect(await lintMessages('shared/model/x.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([expect.stringContaining('Only main/ may import electron')]);
    expect((await lintMessages('shared/model/x.ts', "import { startServer } from '../../sync-server/transport/start-server';\nexport const x = startServer;\n")).join()).toContain('shared/ imports nothing of the other layers');
  });

  it('renderer/ never imports Node, Electron, main/ or sync-server/', async () => {
    expect((await lintMessages('renderer/x.ts', "import { readFileSync } from 'fs';\nexport const x = readFileSync;\n")).join()).toContain('Node built-ins');
    expect((await lintMessages('renderer/x.ts', "import { startServer } from '../sync-server/start-server';\nexport const x = startServer;\n")).join()).toContain('renderer/ never imports');
    expect((await lintMessages('renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n")).join()).toContain('Only main/ may import electron');
  });

  it('only main/electron, the thin shell, imports electron', async () => {
    expect((await lintMessages('sync-server/x.ts', "import { app } from 'electron';\nexport const x = app;\n")).join()).toContain('Only main/ may import electron');
    expect(await lintMessages('main/electron/x.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([]);
    expect((await lintMessages('main/store/x.ts', "import { app } from 'electron';\nexport const x = app;\n")).join()).toContain('Only main/electron/ imports electron');
  });
});

describe('one tsconfig per runtime', () => {
  // Probes live outside every project's include, so a concurrent build never sees them.
  mkdirSync(join(root, '.tsbuild'), { recursive: true });
  const dir = mkdtempSync(join(root, '.tsbuild', 'layer-check-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function typeErrors(tsconfigOf: string, code: string): Promise<string> {
    const file = join(dir, `probe-${Math.random().toString(36).slice(2)}.ts`);
    writeFileSync(file, code);
    const config = join(dir, `tsconfig-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(config, JSON.stringify({ extends: join(root, tsconfigOf, 'tsconfig.json'), compilerOptions: { composite: false, noEmit: true, emitDeclarationOnly: false, declaration: false, rootDir: root }, include: [file], files: [] }));
    try {
      await promisify(execFile)(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', config], { cwd: root });
      return '';
    } catch (error) {
      return (error as { stdout: string }).stdout;
    }
  }

  it('DOM or Node use in shared/ fails to compile', async () => {
    expect(await typeErrors('shared', 'export const title = document.title;\n')).toMatch(/Cannot find name 'document'/);
    expect(await typeErrors('shared', 'export const cwd = process.cwd();\n')).toMatch(/Cannot find name 'process'/);
    expect(await typeErrors('shared', 'export const ok: number = [1, 2].length;\n')).toBe('');
  });

  it('Node use in renderer/ fails to compile, DOM use compiles', async () => {
    expect(await typeErrors('renderer', 'export const cwd = process.cwd();\n')).toMatch(/Cannot find name 'process'/);
    expect(await typeErrors('renderer', 'export const title = document.title;\n')).toBe('');
  });
});
