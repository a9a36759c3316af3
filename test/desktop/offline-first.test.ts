import os from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { DesktopServices } from '../../main/app/desktop-services';
import { readSourceFile } from '../../main/files/read-source-file';
import { appPagePolicy, type IpcEventLike } from '../../main/ipc/ipc-dispatcher';
import { ensureDemo } from '../../main/launch/web-edition';
import { plainSecrets } from '../../main/store/local-store';
import { createPenholderApi } from '../../shared/ipc/contract';
import { IpcPersistence } from '../../shared/ipc/ipc-persistence';
import { replaceParagraphText } from '../../shared/model/facilitator-commands';
import { Negotiation } from '../../shared/model/negotiation';
import { plainParagraph } from '../../shared/text/rich-text';
import { startServer, type RunningServer } from '../../sync-server';
import { connect, quiet, settle, tempDir } from './fixtures';

const appEvent: IpcEventLike = { sender: { id: 1 }, senderFrame: { url: 'app://penholder/index.html', parent: null } };
const NAME = 'demo-declaration/table';
const cofac = { role: 'cofacilitator' as const, delegationId: null };

/** The desktop app (its services, and window.penholder in memory) on a user data directory. */
function launchApp(userDataDir: string) {
  const services = new DesktopServices({
    userDataDir,
    documentsDir: userDataDir,
    staticDir: null,
    appInfo: { version: '0', platform: 'linux', offlineStore: 'sqlite' },
    dialogs: { showOpen: async () => null, showSave: async () => null },
    secrets: plainSecrets,
    openExternal: async () => undefined,
    notify: () => undefined,
    badge: { setBadgeCount: () => undefined, setTrayTooltip: () => undefined },
    send: () => undefined,
    senderPolicy: appPagePolicy((id) => id === 1),
    startServer,
    readSource: readSourceFile,
    exportBytes: async () => new Uint8Array(),
    networkInterfaces: os.networkInterfaces,
    logger: quiet,
  });
  const api = createPenholderApi(async (channel, args) => structuredClone(await services.dispatcher.dispatch(channel, appEvent, structuredClone(args))), () => () => undefined);
  return { services, api };
}

function provider(wsUrl: string, doc: Y.Doc, token: string) {
  return new WebsocketProvider(wsUrl, NAME, doc, { WebSocketPolyfill: WebSocket as never, params: { token }, disableBc: true, connect: false });
}
const synced = (p: WebsocketProvider) => new Promise<void>((resolve) => p.once('sync', () => resolve()));

let server: RunningServer | null = null;
afterAll(async () => server?.close());

describe('offline first, through window.penholder and the local store', () => {
  it('loads before connecting, keeps offline edits through a restart, and sends them once back online', async () => {
    const serverDir = tempDir('offline-server');
    const { invitations } = await ensureDemo(serverDir);
    server = await startServer({ dataDir: serverDir, port: 0, logger: quiet, staticDir: null });
    const userData = tempDir('offline-app');

    // First run, online: the table is fetched and kept.
    let app = launchApp(userData);
    let doc = new Y.Doc();
    let p = provider(server.wsUrl, doc, invitations.cofacilitator);
    let persistence = new IpcPersistence(app.api, NAME, doc, (origin) => origin === p);
    await persistence.load();
    p.connect();
    await synced(p);
    await persistence.synced();
    expect(await app.api.store.pending()).toEqual({ total: 0, byDocument: {} });

    // The Wi-Fi goes: the co-facilitator edits; the change is kept as pending.
    p.disconnect();
    replaceParagraphText(new Negotiation('demo-declaration', doc), cofac, 'p-report', 'We request a report at the eighty-first session.');
    await persistence.flush();
    const waiting = (await app.api.store.pending()).total;
    expect(waiting).toBeGreaterThan(0);
    persistence.destroy();
    p.destroy();
    p.awareness.destroy();
    await app.services.close();

    // The laptop restarts with no network: everything is there before any connection.
    app = launchApp(userData);
    doc = new Y.Doc();
    p = provider(server.wsUrl, doc, invitations.cofacilitator);
    persistence = new IpcPersistence(app.api, NAME, doc, (origin) => origin === p);
    await persistence.load();
    const offline = new Negotiation('demo-declaration', doc);
    expect(plainParagraph(offline.table.paragraph('p-report')!.text).text).toBe('We request a report at the eighty-first session.');
    expect(offline.table.order().length).toBe(6);
    expect(await app.api.store.pendingUpdates(NAME)).toHaveLength(waiting);

    // Back online: the pending change reaches the server and is confirmed.
    p.connect();
    await synced(p);
    await settle();
    expect((await persistence.synced()).total).toBe(0);
    const other = await connect(server.wsUrl, NAME, invitations.cofacilitator);
    expect(plainParagraph(new Negotiation('demo-declaration', other.doc).table.paragraph('p-report')!.text).text).toBe('We request a report at the eighty-first session.');
    other.close();
    persistence.destroy();
    p.destroy();
    p.awareness.destroy();
    await app.services.close();
  });

  it('forgets a copy the server refused, pending changes included, and keeps forgetting it after a restart', async () => {
    const userData = tempDir('refused-copy');
    let app = launchApp(userData);
    const doc = new Y.Doc();
    const persistence = new IpcPersistence(app.api, NAME, doc, () => false);
    await persistence.load();
    doc.getText('t').insert(0, 'a change the server refused');
    await persistence.flush();
    expect((await app.api.store.pending()).total).toBe(1);

    // What NegotiationConnection does on a refused write: destroy, then clear, then sync afresh.
    persistence.destroy();
    await persistence.clear();
    expect(await app.api.store.load(NAME)).toBeNull();
    expect(await app.api.store.pending()).toEqual({ total: 0, byDocument: {} });
    await app.services.close();

    app = launchApp(userData);
    expect(await app.api.store.load(NAME)).toBeNull();
    expect(await app.api.store.pendingUpdates(NAME)).toEqual([]);
    await app.services.close();
  });
});
