import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DesktopServices } from '../../../main/app/desktop-services';
import { readSourceFile } from '../../../main/files/read-source-file';
import type { FileDialogs } from '../../../main/files/file-service';
import { LOCAL_NETWORK_CHECKS } from '../../../main/app/chromium-switches';
import { appPagePolicy } from '../../../main/ipc/ipc-dispatcher';
import { chromiumSpki } from '../../../main/session/certificate-pins';
import { plainSecrets } from '../../../main/store/local-store';
import { eventChannel, type MenuCommand, type PenholderEvents } from '../../../shared/ipc/contract';
import { exportBytes } from '../../../shared/export/export-bytes';
import { chromiumPrinter, startServer } from '../../../sync-server';
import { quiet } from '../fixtures';
import { decodeIpc, encodeIpc } from './ipc-codec';
import { carryPinned } from './pinned-websocket-route';

export const CHROMIUM = '/usr/bin/chromium';

/** The dialogs a test answers in advance: each shown dialog takes the next answer (none left: cancelled). */
export class ScriptedDialogs implements FileDialogs {
  readonly answers: (string | null)[] = [];
  readonly shown: { kind: 'open' | 'save'; title: string }[] = [];
  async showOpen(options: { title: string }): Promise<string | null> {
    this.shown.push({ kind: 'open', title: options.title });
    return this.answers.shift() ?? null;
  }
  async showSave(options: { title: string }): Promise<string | null> {
    this.shown.push({ kind: 'save', title: options.title });
    return this.answers.shift() ?? null;
  }
}

let bridgeScript: Promise<string> | null = null;
/** The page side of the bridge (page-bridge.ts), bundled once per process. */
function pageBridge(): Promise<string> {
  bridgeScript ??= build({ entryPoints: [path.join(import.meta.dirname, 'page-bridge.ts')], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'chrome120', logLevel: 'silent' }).then((r) => r.outputFiles[0]!.text);
  return bridgeScript;
}

/** Serves the built renderer as the app's page (Electron serves it from app://penholder/). */
async function serveRenderer(dir: string): Promise<{ origin: string; fetch(url: string): Promise<{ status: number; headers: Record<string, string>; body: Buffer }>; close(): Promise<void> }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.webmanifest': 'application/manifest+json' };
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.normalize(path.join(dir, pathname === '/' ? 'index.html' : pathname));
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404);
      return void res.end();
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    fetch: async (url) => {
      const response = await fetch(url);
      return { status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) };
    },
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

export interface DesktopOptions {
  /** The app's user data directory (its SQLite store): the same one again is a restart. */
  userDataDir: string;
  /** The built renderer (test/renderer/e2e-setup.ts's buildRenderer). */
  rendererDir: string;
  dialogs?: ScriptedDialogs;
  /** Launch the window with the network off (Chromium's offline emulation). */
  offline?: boolean;
  /** A penholder:// link or a .penholder file the app is launched with (its command line). */
  openOnLaunch?: string;
}

/**
 * The desktop app without an Electron binary: the real main-process services (DesktopServices: SQLite
 * store, files, exports, session host, deep links) under Node, and the real renderer bundle in Chromium
 * with a window.penholder whose every call goes through the same IPC dispatcher as in Electron
 * (sender checked: the app's window, its top frame, the app's page; arguments validated against the
 * contract), values cloned as IPC clones them. Events the main process sends reach the page.
 */
export class DesktopHarness {
  readonly events: { event: keyof PenholderEvents; payload: unknown }[] = [];
  private constructor(
    readonly services: DesktopServices,
    readonly browser: Browser,
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly site: { origin: string; close(): Promise<void> },
    readonly dialogs: ScriptedDialogs,
    private readonly send: <E extends keyof PenholderEvents>(event: E, payload: PenholderEvents[E]) => void,
  ) {}

  /** Chooses an item of the application menu (or presses its shortcut): main/electron/main.ts sends it to the window so. */
  menu(command: MenuCommand): void {
    this.send('menu', { command });
  }

  static async launch(options: DesktopOptions): Promise<DesktopHarness> {
    const dialogs = options.dialogs ?? new ScriptedDialogs();
    const site = await serveRenderer(options.rendererDir);
    const windows = new Set<Page>();
    const ids = new WeakMap<Page, number>();
    let harness: DesktopHarness | null = null;
    const send = <E extends keyof PenholderEvents>(event: E, payload: PenholderEvents[E]): void => {
      harness?.events.push({ event, payload });
      const message: [string, unknown] = [eventChannel(event), encodeIpc(payload)];
      // As webContents.send: a window that is not there yet does not get it (it takes opens at start).
      for (const page of windows) void page.evaluate(([c, p]) => (window as unknown as { __penholderEmit(c: string, p: unknown): void }).__penholderEmit(c, p), message).catch(() => undefined);
    };
    const services = new DesktopServices({
      userDataDir: options.userDataDir,
      documentsDir: options.userDataDir,
      staticDir: options.rendererDir,
      appInfo: { version: 'harness', platform: process.platform, offlineStore: 'sqlite' },
      dialogs,
      secrets: plainSecrets,
      openExternal: async () => undefined,
      notify: () => undefined,
      badge: { setBadgeCount: () => undefined, setTrayTooltip: () => undefined },
      send,
      senderPolicy: appPagePolicy((id) => id === 1, site.origin),
      startServer,
      readSource: readSourceFile,
      exportBytes: (negotiation, choice) => exportBytes(negotiation, choice, chromiumPrinter()),
      networkInterfaces: os.networkInterfaces,
      logger: quiet,
    });
    if (options.openOnLaunch) await services.handleCommandLine(['penholder', options.openOnLaunch]);
    // Electron's certificate verify procedure accepts a hosted session's certificate only by the fingerprint
    // pinned from its link (main/electron/main.ts); Chromium's own form of that pin is this switch.
    const pinned = services.pins.fingerprints().map(chromiumSpki);
    const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', `--disable-features=${LOCAL_NETWORK_CHECKS}`];
    if (pinned.length) args.push(`--ignore-certificate-errors-spki-list=${pinned.join(',')}`);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args });
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 }, offline: options.offline ?? false });
    await context.addInitScript({ content: await pageBridge() });
    // A session hosted after launch (by this window's own co-facilitator, say): pinned since, reached so.
    await context.routeWebSocket(
      (url) => url.protocol === 'wss:' && services.pins.fingerprintFor(url.href) !== null,
      (route) => carryPinned(route, services.pins.fingerprintFor(route.url())!),
    );
    // The app's page is local (app://penholder/ in Electron): it loads with the network off too.
    await context.route(`${site.origin}/**`, async (route) => route.fulfill(await site.fetch(route.request().url())));
    await context.exposeBinding('__penholderInvoke', async (source, channel: string, args: unknown) => {
      const frame = source.frame;
      const event = { sender: { id: ids.get(source.page) ?? 0 }, senderFrame: { url: frame.url(), parent: frame.parentFrame() } };
      // As Electron: arguments and result are cloned; an error reaches the page as a rejected promise.
      return encodeIpc(await services.dispatcher.dispatch(channel, event, decodeIpc(args) as unknown[]));
    });
    const page = await context.newPage();
    ids.set(page, 1);
    page.on('pageerror', (e) => console.error('page error:', e.message));
    if (process.env.PENHOLDER_HARNESS_DEBUG) page.on('console', (m) => console.log('page:', m.text()));
    await page.goto(`${site.origin}/index.html`);
    windows.add(page);
    harness = new DesktopHarness(services, browser, context, page, site, dialogs, send);
    return harness;
  }

  /** Opens a penholder:// link or a .penholder file as the operating system would hand it to the app. */
  openFromSystem(linkOrFile: string): Promise<PenholderEvents['open'] | null> {
    return this.services.handleCommandLine(['penholder', linkOrFile]);
  }

  /** Quits: the window closes, then the services (store closed, hosted session stopped). */
  async quit(): Promise<void> {
    await this.context.close();
    await this.browser.close();
    await this.services.close();
    await this.site.close();
  }
}

export const harnessDir = (prefix: string): string => fs.mkdtempSync(path.join(os.tmpdir(), `penholder-${prefix}-`));
