import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

async function start(dataDir: string, staticDir: string): Promise<{ child: ChildProcess; delegation: string }> {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'penholder.mjs'), 'start', '--web', '--data', dataDir, '--port', '0', '--static', staticDir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const t0 = Date.now();
  while (!/Delegation \(Mexico\) join link:\n\s+\S+/.test(out)) {
    if (child.exitCode !== null || Date.now() - t0 > 20_000) throw new Error(`penholder start:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, delegation: /Delegation \(Mexico\) join link:\n\s+(\S+)/.exec(out)![1]! };
}

// The same renderer, as `npm start` serves it where there is no Electron: a delegate opens the printed link.
describe.skipIf(!fs.existsSync(CHROMIUM) && process.env.CI !== 'true')('npm start\'s web edition in Chromium', () => {
  it('opens the demo negotiation from the printed delegation link', async () => {
    // Built into a directory of its own, so that other tests rebuilding renderer/dist cannot interfere.
    const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-web-'));
    await build({ configFile: path.join(root, 'renderer/vite.config.ts'), root: path.join(root, 'renderer'), build: { outDir: staticDir, emptyOutDir: true }, logLevel: 'warn' });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-start-web-'));
    const app = await start(dataDir, staticDir);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
    try {
      const page = await browser.newPage();
      await page.goto(app.delegation);
      // Paragraph editors mount lazily (in view, or when the page is idle): one paragraph's text says
      // nothing about another's, so each is awaited on its own.
      const body = () => page.locator('body').innerText();
      await expect.poll(body, { timeout: 20_000 }).toMatch(/We reaffirm our commitment to prevent and combat trafficking/);
      await expect.poll(body, { timeout: 20_000 }).toMatch(/Mexico/);
      await expect.poll(body, { timeout: 20_000 }).toMatch(/\[armed conflict,\]/);
    } finally {
      await browser.close();
      app.child.kill('SIGTERM');
    }
  }, 90_000);
});
