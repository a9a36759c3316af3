import os from 'node:os';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DesktopServices, type DesktopDeps } from '../../main/app/desktop-services';
import { readSourceFile } from '../../main/files/read-source-file';
import { appPagePolicy, IpcRefused, type IpcEventLike } from '../../main/ipc/ipc-dispatcher';
import { plainSecrets } from '../../main/store/local-store';
import { callChannel, calls, createPenholderApi, eventChannel, type PenholderApi, type PenholderEvents } from '../../shared/ipc/contract';
import { IpcArgumentError } from '../../shared/ipc/validate';
import { startServer } from '../../sync-server';
import { quiet, tempDir } from './fixtures';

const APP_WINDOW = 7;
const appEvent: IpcEventLike = { sender: { id: APP_WINDOW }, senderFrame: { url: 'app://penholder/index.html', parent: null } };

/** The desktop services with a fake Electron around them, and window.penholder built in memory. */
function desktop(overrides: Partial<DesktopDeps> = {}) {
  const sent: { event: keyof PenholderEvents; payload: unknown }[] = [];
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const opened: string[] = [];
  const badge: number[] = [];
  const services = new DesktopServices({
    userDataDir: tempDir('ipc'),
    documentsDir: tempDir('docs'),
    staticDir: null,
    appInfo: { version: '0.1.0', platform: 'linux', offlineStore: 'sqlite' },
    dialogs: { showOpen: async () => null, showSave: async () => null },
    secrets: plainSecrets,
    openExternal: async (url) => void opened.push(url),
    notify: () => undefined,
    badge: { setBadgeCount: (n) => badge.push(n), setTrayTooltip: () => undefined },
    send: (event, payload) => {
      sent.push({ event, payload });
      for (const l of listeners.get(eventChannel(event)) ?? []) l(payload);
    },
    senderPolicy: appPagePolicy((id) => id === APP_WINDOW),
    startServer,
    readSource: readSourceFile,
    exportBytes: async () => new Uint8Array(),
    networkInterfaces: os.networkInterfaces,
    logger: quiet,
    ...overrides,
  });
  // What the preload does, with the IPC in memory (structuredClone stands for Electron's serialisation).
  const api: PenholderApi = createPenholderApi(
    async (channel, args) => structuredClone(await services.dispatcher.dispatch(channel, appEvent, structuredClone(args))),
    (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  );
  return { services, api, sent, opened, badge };
}

const open: DesktopServices[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

describe('the IPC contract, end to end in memory', () => {
  it('gives the renderer one typed API over every call of the contract', async () => {
    const { services, api, opened, badge } = desktop();
    open.push(services);
    expect(Object.keys(api).sort()).toEqual(['app', 'files', 'host', 'negotiations', 'on', 'server', 'session', 'shell', 'store']);
    expect(calls().length).toBeGreaterThanOrEqual(18);
    expect(await api.app.info()).toEqual({ version: '0.1.0', platform: 'linux', offlineStore: 'sqlite' });

    const pending: number[] = [];
    const stop = api.on('pending', (p) => pending.push(p.total));
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.getText('t').insert(0, 'We reaffirm');
    expect(await api.store.append('neg/table', updates[0]!, 'local')).toEqual({ total: 1, byDocument: { 'neg/table': 1 } });
    const loaded = await api.store.load('neg/table');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, loaded!);
    expect(copy.getText('t').toString()).toBe('We reaffirm');
    expect((await api.store.confirm('neg/table', Y.encodeStateVector(doc))).total).toBe(0);
    expect(pending).toEqual([1, 0]);
    expect(badge).toEqual([0, 1, 0]);
    stop();

    const recent = await api.negotiations.remember({ negotiationId: 'neg', title: 'Declaration', serverUrl: 'ws://10.0.0.5:1234', role: 'delegation', delegation: { id: 'mexico', name: 'Mexico' }, token: 'ph_abcdefgh12345' });
    expect(recent.hasToken).toBe(true);
    expect(await api.negotiations.token('neg')).toBe('ph_abcdefgh12345');
    expect((await api.host.interfaces()).some((i) => i.address === '127.0.0.1')).toBe(true);
    expect(await api.host.status()).toEqual({ running: false });
    expect(await api.files.open()).toBeNull(); // the dialog was cancelled
    await api.shell.openExternal('https://undocs.org/A/RES/75/283');
    expect(opened).toEqual(['https://undocs.org/A/RES/75/283']);
    await expect(api.shell.openExternal('file:///etc/passwd')).rejects.toThrow(IpcArgumentError);
    expect(() => api.on('nope' as 'open', () => undefined)).toThrow(/Unknown event/);
  });

  it('sends penholder:// links and opened files to the renderer', async () => {
    const { services, sent } = desktop();
    open.push(services);
    expect(await services.handleCommandLine(['/usr/bin/penholder', 'penholder://join?server=ws%3A%2F%2F10.0.0.5%3A1234&token=ph_abcdefgh12345'])).toEqual({ negotiationId: null, join: { serverUrl: 'ws://10.0.0.5:1234', token: 'ph_abcdefgh12345' } });
    expect(await services.handleCommandLine(['/usr/bin/penholder', 'penholder://join?server=javascript:alert(1)&token=ph_abcdefgh12345'])).toBeNull();
    expect(await services.handleCommandLine(['/usr/bin/penholder', 'penholder://open?negotiation=hlm-2021'])).toEqual({ negotiationId: 'hlm-2021', join: null });
    expect(await services.handleCommandLine(['/usr/bin/penholder', '--no-sandbox'])).toBeNull();
    expect(sent.filter((s) => s.event === 'open')).toHaveLength(2);
    // The window takes what came before it listened, once.
    expect(await services.dispatcher.dispatch(callChannel('app', 'takeOpens'), appEvent, [])).toHaveLength(2);
    expect(await services.dispatcher.dispatch(callChannel('app', 'takeOpens'), appEvent, [])).toEqual([]);

    // A hosted session's link pins its certificate; a fingerprint over plain ws:// is refused (no plain fallback).
    const fp = 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c';
    const hosted = await services.handleCommandLine(['penholder', `penholder://join?server=wss%3A%2F%2F10.0.0.5%3A4443&token=ph_abcdefgh12345&fp=${fp}`]);
    expect(hosted).toEqual({ negotiationId: null, join: { serverUrl: 'wss://10.0.0.5:4443', token: 'ph_abcdefgh12345', fingerprint: fp } });
    expect(services.pins.fingerprintFor('wss://10.0.0.5:4443')).toBe(fp);
    expect(services.pins.fingerprintFor('wss://10.0.0.5:4444')).toBeNull();
    expect(await services.handleCommandLine(['penholder', `penholder://join?server=ws%3A%2F%2F10.0.0.5%3A4443&token=ph_abcdefgh12345&fp=${fp}`])).toBeNull();
    expect(await services.handleCommandLine(['penholder', 'penholder://join?server=wss%3A%2F%2F10.0.0.5%3A4443&token=ph_abcdefgh12345&fp=short'])).toBeNull();
  });
});

describe('the main process validates each call', () => {
  const { services } = desktop();
  afterAll(() => services.close());
  const dispatch = (channel: string, args: unknown[], event: IpcEventLike = appEvent) => services.dispatcher.dispatch(channel, event, args);

  it('refuses senders that are not the app\'s window, its top frame, showing the app\'s page', async () => {
    const load = callChannel('store', 'load');
    await expect(dispatch(load, ['neg/table'])).resolves.toBeNull();
    await expect(dispatch(load, ['neg/table'], { sender: { id: 99 }, senderFrame: appEvent.senderFrame })).rejects.toBeInstanceOf(IpcRefused);
    await expect(dispatch(load, ['neg/table'], { sender: { id: APP_WINDOW }, senderFrame: { url: 'https://evil.example/', parent: null } })).rejects.toBeInstanceOf(IpcRefused);
    await expect(dispatch(load, ['neg/table'], { sender: { id: APP_WINDOW }, senderFrame: { url: 'app://penholder/index.html', parent: {} } })).rejects.toBeInstanceOf(IpcRefused);
    await expect(dispatch(load, ['neg/table'], { sender: { id: APP_WINDOW }, senderFrame: { url: 'app://penholder.evil/index.html', parent: null } })).rejects.toBeInstanceOf(IpcRefused);
    await expect(dispatch(load, ['neg/table'], { sender: { id: APP_WINDOW }, senderFrame: null })).rejects.toBeInstanceOf(IpcRefused);
    await expect(dispatch('penholder:fs.readFile', ['/etc/passwd'])).rejects.toBeInstanceOf(IpcRefused);
  });

  it('refuses bad arguments before any service sees them', async () => {
    const bad: [string, string, unknown[], RegExp][] = [
      ['store', 'load', [], /takes 1 argument/],
      ['store', 'load', ['neg/table', 'extra'], /takes 1 argument/],
      ['store', 'load', [42], /must be a string/],
      ['store', 'load', ['../../etc/passwd'], /not in the expected form/],
      ['store', 'load', ['neg/private/../table'], /not in the expected form/],
      ['store', 'append', ['neg/table', 'not bytes', 'local'], /must be bytes/],
      ['store', 'append', ['neg/table', new Uint8Array(17 * 1024 * 1024), 'local'], /at most/],
      ['store', 'append', ['neg/table', new Uint8Array([0, 0]), 'server'], /one of local, remote/],
      ['negotiations', 'remember', [{ negotiationId: 'neg', title: 'T', serverUrl: null, role: null, delegation: null, admin: true }], /unknown field "admin"/],
      ['negotiations', 'remember', [{ negotiationId: 'neg', title: 'T', serverUrl: 'file:///x', role: null, delegation: null }], /serverUrl is not in the expected form/],
      ['negotiations', 'remember', [{ negotiationId: 'NEG!', title: 'T', serverUrl: null, role: null, delegation: null }], /negotiationId/],
      ['negotiations', 'remember', [{ negotiationId: 'neg', title: 'T', serverUrl: null, role: 'secretary-general', delegation: null }], /one of cofacilitator, delegation, observer/],
      ['negotiations', 'remember', [Object.assign(Object.create({ polluted: true }), { negotiationId: 'neg' })], /a plain object/],
      ['host', 'start', [{ negotiationId: 'neg', address: 'evil.example', port: 80, delegations: [] }], /address is not in the expected form/],
      ['host', 'start', [{ negotiationId: 'neg', address: '127.0.0.1', port: 70000, delegations: [] }], /port must be 0–65535/],
      ['files', 'save', ['neg', { saveAs: 'yes', includePrivate: false }], /saveAs must be true or false/],
      ['files', 'export', ['neg', { kind: 'clean', format: 'exe' }], /format must be one of/],
      ['shell', 'openExternal', ['javascript:alert(1)'], /not in the expected form/],
      ['server', 'request', ['ws://h:1', 'ph_tokentoken', { method: 'GET', path: '/metrics' }], /path is not in the expected form/],
      ['server', 'request', ['ws://h:1', 'ph_tokentoken', { method: 'GET', path: '/api/negotiations/../../admin' }], /path is not in the expected form/],
      ['server', 'request', ['ws://h:1', 'ph_tokentoken', { method: 'PUT', path: '/api/session' }], /method must be one of/],
      ['server', 'request', ['http://h:1', 'ph_tokentoken', { method: 'GET', path: '/api/session' }], /not in the expected form/],
      ['server', 'request', ['ws://h:1', 'ph_tokentoken', { method: 'POST', path: '/api/negotiations', body: { title: 'x'.repeat(3 * 1024 * 1024) } }], /at most/],
    ];
    for (const [namespace, name, args, message] of bad) {
      await expect(dispatch(callChannel(namespace, name), args), `${namespace}.${name}`).rejects.toThrow(message);
    }
  });
});
