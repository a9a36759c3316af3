// The Electron main process: the thin shell around DesktopServices. Everything here is Electron glue;
// the behaviour lives in plain classes under main/ that the tests run under Node.
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeImage, Notification, protocol, safeStorage, screen, session, shell, Tray } from 'electron';
import pino from 'pino';
import type { PenholderEvents } from '../../shared/ipc/contract';
import { eventChannel } from '../../shared/ipc/contract';
import { chromiumPrinter, startServer } from '../../sync-server';
import { LOCAL_NETWORK_CHECKS } from '../app/chromium-switches';
import { CONTENT_SECURITY_POLICY } from '../app/content-security-policy';
import { DesktopServices } from '../app/desktop-services';
import { restoreWindowState, type WindowState } from '../app/window-state';
import { unsyncedText } from '../app/unsynced-badge';
import { readSourceFile } from '../files/read-source-file';
import { appPagePolicy } from '../ipc/ipc-dispatcher';
import { exportBytes } from '../../shared/export/export-bytes';
import { buildMenu } from './menu';

const APP_ORIGIN = 'app://penholder';
const root = app.getAppPath();
const rendererDir = path.join(root, 'renderer', 'dist');
const preload = path.join(root, 'main', 'dist', 'preload.cjs');

app.commandLine.appendSwitch('disable-features', LOCAL_NETWORK_CHECKS);
protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // penholder:// links. In development the OS must start Electron with the app's path.
  if (process.defaultApp) app.setAsDefaultProtocolClient('penholder', process.execPath, [path.resolve(process.argv[1] ?? '.')]);
  else app.setAsDefaultProtocolClient('penholder');
  void app.whenReady().then(start);
}

let window: BrowserWindow | null = null;
let tray: Tray | null = null;
const early: string[][] = [];
let services: DesktopServices | null = null;

function send<E extends keyof PenholderEvents>(event: E, payload: PenholderEvents[E]): void {
  for (const w of BrowserWindow.getAllWindows()) w.webContents.send(eventChannel(event), payload);
}

// A second launch (a penholder:// link, a double-clicked file) goes to this instance.
app.on('second-instance', (_event, argv) => {
  if (window) {
    if (window.isMinimized()) window.restore();
    window.focus();
  }
  if (services) void services.handleCommandLine(argv).catch(showError);
  else early.push(argv);
});
// macOS delivers links and files as events.
app.on('open-url', (event, url) => {
  event.preventDefault();
  if (services) void services.handleCommandLine(['', url]).catch(showError);
  else early.push(['', url]);
});
app.on('open-file', (event, file) => {
  event.preventDefault();
  if (services) void services.handleCommandLine(['', file]).catch(showError);
  else early.push(['', file]);
});

function showError(error: unknown): void {
  void dialog.showMessageBox({ type: 'error', message: 'Penholder', detail: error instanceof Error ? error.message : String(error) });
}

async function start(): Promise<void> {
  const logger = pino({ level: process.env.PENHOLDER_LOG_LEVEL ?? 'info' });
  // The renderer from app://penholder/, with the Content-Security-Policy on every response.
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const file = path.normalize(path.join(rendererDir, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)));
    if (url.host !== 'penholder' || !file.startsWith(rendererDir + path.sep) || !fs.existsSync(file)) return new Response('not found', { status: 404 });
    const type = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.woff2': 'font/woff2', '.map': 'application/json' }[path.extname(file)] ?? 'application/octet-stream';
    return new Response(await fs.promises.readFile(file), { headers: { 'content-type': type, 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(permission === 'notifications' || permission === 'clipboard-sanitized-write'));

  const icon = nativeImage.createFromPath(path.join(root, 'build', 'icon.png'));
  tray = new Tray(icon.isEmpty() ? icon : icon.resize({ width: 16, height: 16 }));
  tray.setToolTip(unsyncedText(0));
  tray.on('click', () => window?.show());

  services = new DesktopServices({
    userDataDir: app.getPath('userData'),
    documentsDir: app.getPath('documents'),
    staticDir: fs.existsSync(rendererDir) ? rendererDir : null,
    appInfo: { version: app.getVersion(), platform: process.platform, offlineStore: 'sqlite' },
    dialogs: {
      showOpen: async (o) => {
        const options = { title: o.title, filters: o.filters, properties: ['openFile' as const] };
        const r = await (window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options));
        return r.canceled ? null : (r.filePaths[0] ?? null);
      },
      showSave: async (o) => {
        const options = { title: o.title, defaultPath: o.defaultPath, filters: o.filters };
        const r = await (window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options));
        return r.canceled ? null : (r.filePath ?? null);
      },
    },
    secrets: safeStorage.isEncryptionAvailable()
      ? { encrypt: (s) => safeStorage.encryptString(s), decrypt: (b) => safeStorage.decryptString(Buffer.from(b)) }
      : { encrypt: (s) => new TextEncoder().encode(s), decrypt: (b) => new TextDecoder().decode(b) },
    openExternal: (url) => shell.openExternal(url),
    notify: (deadline) => {
      if (!Notification.isSupported()) return;
      const n = new Notification({ title: deadline.title, body: deadline.body });
      n.on('click', () => {
        window?.show();
        services?.open({ negotiationId: deadline.negotiationId, join: null });
      });
      n.show();
    },
    badge: {
      setBadgeCount: (count) => void app.setBadgeCount(count),
      setTrayTooltip: (text) => tray?.setToolTip(text),
    },
    send,
    senderPolicy: appPagePolicy((id) => BrowserWindow.getAllWindows().some((w) => w.webContents.id === id), APP_ORIGIN),
    startServer,
    readSource: readSourceFile,
    exportBytes: (negotiation, choice) => exportBytes(negotiation, choice, chromiumPrinter()),
    logger,
  });
  services.dispatcher.register(ipcMain);
  // A hosted session's self-signed certificate is accepted only by the fingerprint pinned from its join
  // link: no "accept this certificate" prompt, no other certificate for that host. Others: Chromium decides.
  session.defaultSession.setCertificateVerifyProc((request, callback) => {
    if (request.errorCode === 0) return callback(-3);
    callback(services?.pins.acceptsHost(request.hostname, request.certificate.data) ? 0 : -2);
  });

  const openRecent = (negotiationId: string) => services!.open({ negotiationId, join: null });
  const refreshMenu = () =>
    Menu.setApplicationMenu(
      buildMenu(
        {
          command: (command) => send('menu', { command }),
          open: () => void services!.files.open().then((o) => o && (openRecent(o.negotiationId), refreshMenu()), showError),
          import: () => void services!.files.importText().then((o) => o && (openRecent(o.negotiationId), refreshMenu()), showError),
          recent: () => services!.store.recent(10),
          openRecent: (r) => openRecent(r.negotiationId),
        },
        !app.isPackaged,
      ),
    );
  refreshMenu();

  createWindow(services);
  for (const argv of [process.argv, ...early.splice(0)]) void services.handleCommandLine(argv).catch(showError);
  app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && createWindow(services!));
}

function createWindow(s: DesktopServices): void {
  const saved = restoreWindowState(s.store.setting<WindowState>('window'), screen.getAllDisplays().map((d) => d.workArea));
  window = new BrowserWindow({
    ...(saved.x !== null && saved.y !== null ? { x: saved.x, y: saved.y } : {}),
    width: saved.width,
    height: saved.height,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Penholder',
    backgroundColor: '#ffffff',
    webPreferences: { preload, contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, spellcheck: true },
  });
  if (saved.maximized) window.maximize();
  if (saved.fullScreen) window.setFullScreen(true);
  window.once('ready-to-show', () => window?.show());
  const keep = () => {
    if (!window) return;
    const b = window.getNormalBounds();
    s.store.setSetting('window', { x: b.x, y: b.y, width: b.width, height: b.height, maximized: window.isMaximized(), fullScreen: window.isFullScreen() } satisfies WindowState);
  };
  window.on('resized', keep);
  window.on('moved', keep);
  window.on('close', keep);
  window.on('closed', () => (window = null));
  void window.loadURL(`${APP_ORIGIN}/index.html`);
}

// No window opens inside the app and no page navigates away from it: links go to the system browser.
app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(({ url }) => {
    if (/^(https?:|mailto:)/.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (url.startsWith(`${APP_ORIGIN}/`)) return;
    event.preventDefault();
    if (/^(https?:|mailto:)/.test(url)) void shell.openExternal(url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

let quitting = false;
app.on('before-quit', (event) => {
  if (quitting || !services) return;
  event.preventDefault();
  quitting = true;
  void services.close().finally(() => app.quit());
});
