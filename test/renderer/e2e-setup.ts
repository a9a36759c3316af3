import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { build } from 'vite';
import * as Y from 'yjs';
import { chromium, type Browser } from 'playwright-core';
import { documentName } from '../../shared/model/document-names';
import { openDataDir, type DataDir } from '../../sync-server/open-data-dir';
import { startServer, type RunningServer } from '../../sync-server/start-server';
import { sampleNegotiation } from '../model/fixture';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve('test-results/screenshots');

/** Whether the end-to-end tests can run; under CI a missing browser is a failure, never a skip. */
export function browserAvailable(): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing: the end-to-end tests need Debian's chromium (apt-get install chromium).`);
  return false;
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Builds the web edition once per process into renderer/dist. */
let built: Promise<unknown> | null = null;
export function buildRenderer(): Promise<unknown> {
  built ??= build({ configFile: path.resolve('renderer/vite.config.ts'), logLevel: 'warn' });
  return built;
}

export interface Room {
  server: RunningServer;
  data: DataDir;
  dir: string;
  negotiationId: string;
  ids: string[];
  tokens: Record<'cofac' | 'mexico' | 'canada' | 'egypt', string>;
  close(): Promise<void>;
}

/** A sync server on port 0 serving the built renderer, with the sample negotiation and four invitations. */
export async function openRoom(): Promise<Room> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-e2e-'));
  const data = openDataDir(path.join(dir, 'data'));
  const { negotiation, ids } = sampleNegotiation();
  await data.store.appendUpdate(documentName('sample', { kind: 'table' }), Y.encodeStateAsUpdate(negotiation.table.doc));
  const invite = (id: string | null, name: string | null) =>
    data.invitations.create({ negotiationId: 'sample', role: id ? 'delegation' : 'cofacilitator', delegation: id && name ? { id, name } : null }).token;
  const tokens = { cofac: invite(null, null), mexico: invite('mexico', 'Mexico'), canada: invite('canada', 'Canada'), egypt: invite('egypt', 'Egypt') };
  const server = await startServer({ dataDir: path.join(dir, 'data'), port: 0, staticDir: path.resolve('renderer/dist'), logger: pino({ level: 'silent' }) });
  return {
    server,
    data,
    dir,
    negotiationId: 'sample',
    ids,
    tokens,
    async close() {
      await server.close();
      await data.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
