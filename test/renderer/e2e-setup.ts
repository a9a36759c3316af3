import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { build } from 'vite';
import * as Y from 'yjs';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { documentName } from '../../shared/protocol/document-names';
import type { Negotiation } from '../../shared/model/negotiation';
import { openDataDir, type DataDir, startServer, type RunningServer } from '../../sync-server';
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

/**
 * Builds the web edition once per process, into a folder of its own: test files run in parallel
 * processes, and two builds emptying the same renderer/dist would serve each other half a shell.
 */
let built: Promise<string> | null = null;
export function buildRenderer(): Promise<string> {
  built ??= (async () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-renderer-'));
    await build({ configFile: path.resolve('renderer/vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    return outDir;
  })();
  return built;
}

export interface Room {
  server: RunningServer;
  data: DataDir;
  dir: string;
  negotiationId: string;
  ids: string[];
  /** Ireland's is a co-facilitator's invitation given a name. */
  tokens: Record<'cofac' | 'mexico' | 'canada' | 'egypt' | 'ireland', string>;
  close(): Promise<void>;
}

/** A sync server on port 0 serving the built renderer, with the sample negotiation (as `prepare` changes it) and four invitations. */
export async function openRoom(prepare: (negotiation: Negotiation, ids: string[]) => void = () => undefined): Promise<Room> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-e2e-'));
  const data = openDataDir(path.join(dir, 'data'));
  const { negotiation, ids } = sampleNegotiation();
  prepare(negotiation, ids);
  await data.store.appendUpdate(documentName('sample', { kind: 'table' }), Y.encodeStateAsUpdate(negotiation.table.doc));
  // Proposals and positions `prepare` made are in the delegations' documents.
  for (const d of negotiation.delegations()) {
    if (d.proposalsMap.size + d.positionsMap.size > 0) await data.store.appendUpdate(documentName('sample', { kind: 'delegation', delegationId: d.delegationId }), Y.encodeStateAsUpdate(d.doc));
  }
  const invite = (id: string | null, name: string | null) =>
    data.invitations.create({ negotiationId: 'sample', role: id ? 'delegation' : 'cofacilitator', delegation: id && name ? { id, name } : null }).token;
  const tokens = { cofac: invite(null, null), mexico: invite('mexico', 'Mexico'), canada: invite('canada', 'Canada'), egypt: invite('egypt', 'Egypt'), ireland: data.invitations.create({ negotiationId: 'sample', role: 'cofacilitator', delegation: null, name: 'Ireland' }).token };
  const server = await startServer({ dataDir: path.join(dir, 'data'), port: 0, staticDir: await buildRenderer(), logger: pino({ level: 'silent' }) });
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

/** Joins the room in a new browser context through the web edition's invitation link; `opened`: every WebSocket the page opened, in order. */
export async function joinRoom(
  browser: Browser,
  room: Room,
  token: string,
  options: { locale?: string; width?: number; height?: number } = {},
): Promise<{ context: BrowserContext; page: Page; sockets(): string[]; opened: string[] }> {
  const context = await browser.newContext({ locale: options.locale ?? 'en-GB', viewport: { width: options.width ?? 1280, height: options.height ?? 900 } });
  const page = await context.newPage();
  const open = new Set<string>();
  const opened: string[] = [];
  page.on('websocket', (ws) => {
    const name = new URL(ws.url()).pathname.slice(1);
    open.add(name);
    opened.push(name);
    ws.on('close', () => open.delete(name));
  });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`${room.server.url}/join?token=${encodeURIComponent(token)}`);
  await page.locator('.net-connected').waitFor();
  await page.locator('article[data-label="OP2"]').waitFor();
  return { context, page, sockets: () => [...open].sort(), opened };
}

/** A participant's window in the room: its browser context, its page, the documents its WebSocket carries now. */
export type Joined = Awaited<ReturnType<typeof joinRoom>>;

/** The browser and the room a describe block's tests share, and the windows they open in it. */
export interface E2eRoom {
  readonly browser: Browser;
  readonly room: Room;
  /** Joins the room with an invitation; the window is closed after the tests. */
  join(token: string, options?: Parameters<typeof joinRoom>[3]): Promise<Joined>;
}

/**
 * Opens Chromium and a room (the sample negotiation as `prepare` changes it) before a describe block's
 * tests, and closes every window joined through it, the browser and the room after them.
 */
export function e2eRoom(prepare?: Parameters<typeof openRoom>[0]): E2eRoom {
  let browser: Browser | undefined;
  let room: Room | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    [browser, room] = await Promise.all([launch(), openRoom(prepare)]);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await room?.close();
  });
  const opened = <T,>(value: T | undefined): T => {
    if (!value) throw new Error('The browser and the room open before the tests (e2eRoom in a describe block).');
    return value;
  };
  return {
    get browser() {
      return opened(browser);
    },
    get room() {
      return opened(room);
    },
    async join(token, options) {
      const joined = await joinRoom(opened(browser), opened(room), token, options);
      contexts.push(joined.context);
      return joined;
    },
  };
}

/** A paragraph of the text on the page, by its label ("OP2"). */
export const op = (page: Page, label: string): Locator => page.locator(`article[data-label="${label}"]`);

/** A paragraph's words as its editor shows them (suggestions drawn in it included). */
export const textOf = (page: Page, label: string): Promise<string> => op(page, label).locator('.ProseMirror').innerText();

/** A paragraph's words as the table holds them: its editor without the suggestions drawn in it. */
export const tableText = (page: Page, label: string): Promise<string> =>
  op(page, label)
    .locator('.ProseMirror')
    .evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('ins.sugg').forEach((n) => n.remove());
      return copy.innerText;
    });

/** Writes a screenshot a person can look at (the whole page unless told otherwise). */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<Buffer> {
  // A whole-page capture of a scrolled page draws the sticky top bar in the middle: capture from the top.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  return page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}

/** Types a date (dd/mm/yyyy) and a time (hh:mm) into the date-time field named `label`. */
export async function fillDateTime(page: Page, label: string, date: string, time: string): Promise<void> {
  const group = page.getByRole('group', { name: label });
  await group.getByRole('textbox').nth(0).fill(date);
  await group.getByRole('textbox').nth(1).fill(time);
}
