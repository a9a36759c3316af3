// main/electron/main.ts run under Node against a fake Electron: the shell's wiring, without the binary.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { callChannel } from '../../shared/ipc/contract';
import { tempDir } from './fixtures';

type Handler = (...args: unknown[]) => unknown;
const root = path.resolve(import.meta.dirname, '../..');
const userData = tempDir('electron-main');
/** A hosted session's certificate (main/session/session-certificate.ts), pinned by nobody here. */
const SELF_SIGNED = fs.readFileSync(path.join(import.meta.dirname, 'self-signed-cert.pem'), 'utf8');

const fake = vi.hoisted(() => {
  const appHandlers = new Map<string, Handler[]>();
  const ipcHandlers = new Map<string, Handler>();
  const protocols = new Map<string, (request: Request) => Promise<Response>>();
  const windows: FakeWindow[] = [];
  const opened: string[] = [];
  const calls: string[] = [];
  let ready: () => void = () => undefined;
  const whenReady = new Promise<void>((resolve) => (ready = resolve));
  let nextId = 1;
  class FakeWindow {
    readonly webContents: { id: number; sent: [string, unknown][]; send: (c: string, p: unknown) => void };
    url = '';
    constructor(readonly options: Record<string, unknown>) {
      const sent: [string, unknown][] = [];
      this.webContents = { id: nextId++, sent, send: (c, p) => void sent.push([c, p]) };
      windows.push(this);
    }
    static getAllWindows = () => windows;
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    once() {}
    on() {}
    maximize() {}
    setFullScreen() {}
    isMinimized = () => false;
    restore() {}
    focus() {}
    show() {}
    getNormalBounds = () => ({ x: 1, y: 2, width: 1000, height: 700 });
    isMaximized = () => false;
    isFullScreen = () => false;
  }
  class FakeTray {
    tooltip = '';
    setToolTip(t: string) {
      this.tooltip = t;
    }
    on() {}
  }
  return { appHandlers, ipcHandlers, protocols, windows, opened, calls, whenReady, ready: () => ready(), FakeWindow, FakeTray };
});

vi.mock('electron', () => ({
  app: {
    getAppPath: () => root,
    getPath: (name: string) => (name === 'userData' ? userData : path.join(userData, name)),
    getVersion: () => '0.1.0',
    isPackaged: false,
    requestSingleInstanceLock: () => true,
    commandLine: { appendSwitch: (name: string, value: string) => void fake.calls.push(`switch ${name}=${value}`) },
    setAsDefaultProtocolClient: (scheme: string) => void fake.calls.push(`protocol-client ${scheme}`),
    whenReady: () => fake.whenReady,
    on: (event: string, handler: Handler) => void fake.appHandlers.set(event, [...(fake.appHandlers.get(event) ?? []), handler]),
    setBadgeCount: (n: number) => void fake.calls.push(`badge ${n}`),
    quit: () => void fake.calls.push('quit'),
  },
  BrowserWindow: fake.FakeWindow,
  Tray: fake.FakeTray,
  dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showSaveDialog: async () => ({ canceled: true }), showMessageBox: async () => ({}) },
  ipcMain: { handle: (channel: string, h: Handler) => void fake.ipcHandlers.set(channel, h), removeHandler: (channel: string) => void fake.ipcHandlers.delete(channel) },
  Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => void fake.calls.push(`menu ${(m as unknown[]).length}`) },
  nativeImage: { createFromPath: () => ({ isEmpty: () => false, resize: () => ({}) }) },
  Notification: Object.assign(class {}, { isSupported: () => false }),
  protocol: {
    registerSchemesAsPrivileged: (schemes: { scheme: string; privileges: Record<string, boolean> }[]) => void fake.calls.push(`privileged ${schemes.map((s) => s.scheme).join()} ${JSON.stringify(schemes[0]?.privileges)}`),
    handle: (scheme: string, h: (request: Request) => Promise<Response>) => void fake.protocols.set(scheme, h),
  },
  safeStorage: { isEncryptionAvailable: () => false },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (h: Handler) => void fake.calls.push(`permissions ${String(h(null, 'media', (ok: boolean) => fake.calls.push(`media ${ok}`)))}`),
      // An unpinned self-signed certificate is refused; a publicly valid one is left to Chromium.
      setCertificateVerifyProc: (h: Handler) => {
        h({ hostname: '10.0.0.5', errorCode: -202, certificate: { data: SELF_SIGNED } }, (r: number) => fake.calls.push(`unpinned certificate ${r}`));
        h({ hostname: 'un.org', errorCode: 0, certificate: { data: SELF_SIGNED } }, (r: number) => fake.calls.push(`valid certificate ${r}`));
      },
    },
  },
  shell: { openExternal: async (url: string) => void fake.opened.push(url) },
}));

afterAll(async () => {
  for (const h of fake.appHandlers.get('before-quit') ?? []) h({ preventDefault: () => undefined });
  await new Promise((r) => setTimeout(r, 100));
});

describe('the Electron main process, on a fake Electron', () => {
  it('opens one secure window on the app:// page, registers the contract, and guards navigation', async () => {
    await import('../../main/electron/main');
    fake.ready();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    expect(fake.calls).toEqual(expect.arrayContaining(['protocol-client penholder', 'media false', 'switch disable-features=LocalNetworkAccessChecks', 'unpinned certificate -2', 'valid certificate -3']));
    expect(fake.calls.find((c) => c.startsWith('privileged app'))).toMatch(/"standard":true,"secure":true/);

    const [window] = fake.windows;
    expect(window!.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, preload: path.join(root, 'main/dist/preload.cjs') });
    expect(window!.url).toBe('app://penholder/index.html');

    // The renderer's files, with the CSP; nothing outside renderer/dist.
    const serve = fake.protocols.get('app')!;
    const outside = await serve(new Request('app://penholder/..%2F..%2Fpackage.json'));
    expect(outside.status).toBe(404);
    if (fs.existsSync(path.join(root, 'renderer/dist/index.html'))) {
      const page = await serve(new Request('app://penholder/index.html'));
      expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    }

    // Every call of the contract is registered, and checked.
    const load = fake.ipcHandlers.get(callChannel('store', 'load'))!;
    expect(fake.ipcHandlers.size).toBeGreaterThanOrEqual(18);
    const event = (id: number, url: string) => ({ sender: { id }, senderFrame: { url, parent: null } });
    await expect(load(event(window!.webContents.id, 'app://penholder/index.html'), 'neg/table')).resolves.toBeNull();
    await expect(load(event(999, 'app://penholder/index.html'), 'neg/table')).rejects.toThrow(/not allowed/);
    await expect(load(event(window!.webContents.id, 'https://example.org/'), 'neg/table')).rejects.toThrow(/not allowed/);

    // New windows are refused; web links go to the system browser; navigation away is prevented.
    const contents = { handlers: new Map<string, Handler>(), openHandler: null as Handler | null, on(e: string, h: Handler) { this.handlers.set(e, h); }, setWindowOpenHandler(h: Handler) { this.openHandler = h; } };
    for (const h of fake.appHandlers.get('web-contents-created') ?? []) h({}, contents);
    expect(contents.openHandler!({ url: 'https://undocs.org/A/RES/75/283' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    let prevented = 0;
    contents.handlers.get('will-navigate')!({ preventDefault: () => prevented++ }, 'https://evil.example/');
    contents.handlers.get('will-navigate')!({ preventDefault: () => prevented++ }, 'app://penholder/index.html');
    expect(prevented).toBe(1);
    expect(fake.opened).toEqual(['https://undocs.org/A/RES/75/283', 'https://evil.example/']);

    // A second launch with a penholder:// link reaches the renderer of the first.
    for (const h of fake.appHandlers.get('second-instance') ?? []) h({}, ['penholder', 'penholder://join?server=ws%3A%2F%2F10.0.0.5%3A1234&token=ph_abcdefgh12345']);
    await vi.waitFor(() => expect(window!.webContents.sent.some(([c]) => c === 'penholder-event:open')).toBe(true));
    expect(window!.webContents.sent.find(([c]) => c === 'penholder-event:open')![1]).toEqual({ negotiationId: null, join: { serverUrl: 'ws://10.0.0.5:1234', token: 'ph_abcdefgh12345' } });
    expect(fs.existsSync(path.join(userData, 'penholder-local.sqlite'))).toBe(true);
  });
});
