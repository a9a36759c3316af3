import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LocalStore, type Secrets } from '../../main/store/local-store';

const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-local-')), 'local.sqlite');

/** A replica that records its updates, as the renderer's document would. */
function replica(clientID: number) {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  return { doc, updates, text: doc.getText('t') };
}

describe('the local store (SQLite in the main process)', () => {
  it('keeps local updates pending until the server\'s state vector covers them, across a restart', () => {
    const file = tempFile();
    const server = replica(1);
    server.text.insert(0, 'We reaffirm our commitment.');
    let store = new LocalStore(file);
    store.append('neg/table', Y.encodeStateAsUpdate(server.doc), 'remote');
    expect(store.pending().total).toBe(0);

    // Offline: two local edits.
    const local = replica(2);
    Y.applyUpdate(local.doc, store.load('neg/table')!);
    local.updates.length = 0;
    local.text.insert(0, '[');
    local.text.insert(local.text.length, ']');
    for (const u of local.updates) store.append('neg/table', u, 'local');
    expect(store.pending()).toEqual({ total: 2, byDocument: { 'neg/table': 2 } });
    store.close();

    // The app restarts with no network: the document and what waits are still there.
    store = new LocalStore(file);
    const reopened = new Y.Doc();
    Y.applyUpdate(reopened, store.load('neg/table')!);
    expect(reopened.getText('t').toString()).toBe('[We reaffirm our commitment.]');
    expect(store.pendingUpdates('neg/table')).toHaveLength(2);

    // The server has the first edit only: one stays pending.
    Y.applyUpdate(server.doc, local.updates[0]!);
    expect(store.confirm('neg/table', Y.encodeStateVector(server.doc)).total).toBe(1);
    // The server's vector before any edit confirms nothing more.
    expect(store.confirm('neg/table', Y.encodeStateVector(new Y.Doc())).total).toBe(1);
    Y.applyUpdate(server.doc, local.updates[1]!);
    expect(store.confirm('neg/table', Y.encodeStateVector(server.doc))).toEqual({ total: 0, byDocument: {} });
    store.close();
  });

  it('tells listeners (the badge) when the count changes, and compacts without losing state', () => {
    const store = new LocalStore(tempFile());
    const seen: number[] = [];
    store.onPending((s) => seen.push(s.total));
    const r = replica(7);
    for (let i = 0; i < 250; i++) r.text.insert(r.text.length, `${i % 10}`);
    for (const u of r.updates) store.append('neg/delegation/mexico', u, 'remote');
    store.append('neg/delegation/mexico', r.updates[0]!, 'local');
    expect(seen.at(-1)).toBe(1);
    store.compact('neg/delegation/mexico');
    const back = new Y.Doc();
    Y.applyUpdate(back, store.load('neg/delegation/mexico')!);
    expect(back.getText('t').toString()).toBe(r.text.toString());
    expect(store.documents('neg')).toEqual(['neg/delegation/mexico']);
    store.close();
  });

  it('keeps recent negotiations, newest first, with the invitation token sealed', () => {
    let t = Date.parse('2026-05-01T10:00:00Z');
    const sealed: Secrets = { encrypt: (s) => new TextEncoder().encode([...s].reverse().join('')), decrypt: (b) => [...new TextDecoder().decode(b)].reverse().join('') };
    const file = tempFile();
    const store = new LocalStore(file, sealed, () => new Date((t += 1000)));
    store.remember({ negotiationId: 'hlm-2021', title: 'Declaration 2021', serverUrl: 'ws://10.0.0.5:1234', role: 'delegation', delegation: { id: 'mexico', name: 'Mexico' }, token: 'ph_secret_token_1' });
    store.remember({ negotiationId: 'other', title: 'Other', filePath: '/tmp/other.penholder' });
    expect(store.recent().map((r) => r.negotiationId)).toEqual(['other', 'hlm-2021']);
    store.remember({ negotiationId: 'hlm-2021', title: 'Declaration 2021 (Rev.1)' });
    const [top] = store.recent();
    expect(top).toMatchObject({ negotiationId: 'hlm-2021', title: 'Declaration 2021 (Rev.1)', serverUrl: 'ws://10.0.0.5:1234', hasToken: true, delegation: { id: 'mexico', name: 'Mexico' } });
    expect(store.token('hlm-2021')).toBe('ph_secret_token_1');
    store.close();
    expect(fs.readFileSync(file).includes(Buffer.from('ph_secret_token_1'))).toBe(false);
    const again = new LocalStore(file, sealed);
    again.forget('other');
    expect(again.recent().map((r) => r.negotiationId)).toEqual(['hlm-2021']);
    again.setSetting('window', { width: 900 });
    expect(again.setting('window')).toEqual({ width: 900 });
    again.close();
  });
});
