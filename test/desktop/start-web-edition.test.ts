import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { replaceParagraphText } from '../../shared/model/facilitator-commands';
import { Negotiation } from '../../shared/model/negotiation';
import { plainParagraph } from '../../shared/text/rich-text';

const root = path.resolve(import.meta.dirname, '../..');
const children: ChildProcess[] = [];

interface Started {
  child: ChildProcess;
  out: () => string;
  url: string;
  cofacilitator: string;
  delegation: string;
}

/** Spawns `penholder start` as `npm start` does, with no Electron binary, and waits for its links. */
async function startApp(dataDir: string): Promise<Started> {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'penholder.mjs'), 'start', '--data', dataDir, '--port', '0', '--no-build'], {
    cwd: root,
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: path.join(dataDir, 'no-electron-here'), PENHOLDER_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const start = Date.now();
  while (!/Delegation \(.*\) join link:\n\s+\S+/.test(out)) {
    if (child.exitCode !== null) throw new Error(`penholder start exited (${child.exitCode}):\n${out}`);
    if (Date.now() - start > 20_000) throw new Error(`penholder start printed no links:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const url = /Penholder web edition: (http:\/\/\S+)/.exec(out)![1]!;
  const cofacilitator = /Co-facilitator join link:\n\s+(\S+)/.exec(out)![1]!;
  const delegation = /Delegation \(.*\) join link:\n\s+(\S+)/.exec(out)![1]!;
  return { child, out: () => out, url, cofacilitator, delegation };
}

async function stop(app: Started): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => app.child.once('exit', (code) => resolve(code)));
  app.child.kill('SIGTERM');
  return exited;
}

/** Joins the demo's table document with the stock y-websocket client, as a browser on the room's network would. */
async function joinTable(url: string, token: string): Promise<{ negotiation: Negotiation; close: () => void }> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url.replace(/^http/, 'ws'), 'demo-declaration/table', doc, { WebSocketPolyfill: WebSocket as never, params: { token }, disableBc: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no sync')), 10_000);
    provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return {
    negotiation: new Negotiation('demo-declaration', doc),
    close: () => {
      provider.destroy();
      provider.awareness.destroy();
      doc.destroy();
    },
  };
}

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

describe('penholder start without the Electron binary (the web edition)', () => {
  it('serves the renderer and a demo negotiation, says why, and keeps everything through a restart', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-start-'));
    const first = await startApp(dataDir);
    expect(first.out()).toMatch(/Electron was not started: ELECTRON_OVERRIDE_DIST_PATH is set but .* does not exist\./);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(first.cofacilitator).toMatch(new RegExp(`^${first.url}/join\\?token=ph_`));
    expect(first.delegation).toMatch(new RegExp(`^${first.url}/join\\?token=ph_`));

    const health = await fetch(`${first.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true });
    for (const page of [`${first.url}/`, first.cofacilitator]) {
      const res = await fetch(page);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(await res.text()).toMatch(/<title>Penholder/);
    }

    // The join links work: the page asks the server who the token belongs to.
    const token = new URL(first.cofacilitator).searchParams.get('token')!;
    const delegationToken = new URL(first.delegation).searchParams.get('token')!;
    const who = async (t: string) => (await fetch(`${first.url}/api/session`, { headers: { authorization: `Bearer ${t}` } })).json();
    expect(await who(token)).toMatchObject({ negotiationId: 'demo-declaration', role: 'cofacilitator' });
    expect(await who(delegationToken)).toMatchObject({ negotiationId: 'demo-declaration', role: 'delegation', delegation: { id: 'mexico', name: 'Mexico' } });

    // The demo is there, and a co-facilitator's change is stored.
    const a = await joinTable(first.url, token);
    expect(a.negotiation.table.meta().title).toMatch(/Political declaration/);
    expect(a.negotiation.table.order().length).toBeGreaterThanOrEqual(5);
    expect(a.negotiation.table.roster().map((d) => d.name)).toContain('Mexico');
    replaceParagraphText(a.negotiation, { role: 'cofacilitator', delegationId: null }, 'p-report', 'We request the Secretary-General to report at the eighty-first session.');
    await new Promise((r) => setTimeout(r, 300));
    a.close();
    expect(await stop(first)).toBe(0);

    const second = await startApp(dataDir);
    expect(second.out()).not.toMatch(/demo negotiation created/);
    expect(new URL(second.cofacilitator).searchParams.get('token')).toBe(token);
    const b = await joinTable(second.url, token);
    expect(plainParagraph(b.negotiation.table.paragraph('p-report')!.text).text).toBe('We request the Secretary-General to report at the eighty-first session.');
    b.close();
    expect(await stop(second)).toBe(0);
  });
});
