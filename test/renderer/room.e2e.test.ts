import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { afterAll, describe, expect, it } from 'vitest';
import { Negotiation } from '../../shared/model/negotiation';
import { propose } from '../../shared/model/proposal-commands';
import { documentName } from '../../shared/protocol/document-names';
import { MessageType } from '../../shared/protocol/messages';
import { browserAvailable, e2eRoom } from './e2e-setup';

const run = browserAvailable();

/**
 * How long the co-facilitator's page stays idle: past the server's 30 s WebSocket ping and two of the
 * 30 s awareness timeouts, the old design's "present delegations only" would have lost the delegation.
 */
const IDLE_MS = 60_000;

describe.runIf(run)('one connection per participant, in Chromium against the real server', () => {
  const e2e = e2eRoom();
  const stock: WebsocketProvider[] = [];
  afterAll(() => {
    for (const p of stock) p.destroy();
  });
  const join = e2e.join;

  /** A stock y-websocket client in Node on one document's URL. */
  function connect(name: string, token: string, doc = new Y.Doc()): { doc: Y.Doc; provider: WebsocketProvider; synced: Promise<void> } {
    const provider = new WebsocketProvider(e2e.room.server.wsUrl, name, doc, { WebSocketPolyfill: WebSocket as never, params: { token }, disableBc: true });
    stock.push(provider);
    const synced = new Promise<void>((resolve) => provider.once('sync', () => resolve()));
    return { doc, provider, synced };
  }

  it(
    "an idle co-facilitator's page receives a never-present delegation's proposal within 2 s, over its one WebSocket",
    async () => {
      const { page, opened } = await join(e2e.room.tokens.cofac);
      // The table, seven delegations' documents: all over one socket, to the negotiation's room.
      expect(opened).toEqual(['sample']);
      await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
      expect(opened).toEqual(['sample']);
      await expect(page.locator('.net-connected').count()).resolves.toBe(1);

      // Egypt has never had a page open: it submits from the command line's equivalent, a stock client.
      const table = connect(documentName('sample', { kind: 'table' }), e2e.room.tokens.egypt);
      const own = connect(documentName('sample', { kind: 'delegation', delegationId: 'egypt' }), e2e.room.tokens.egypt);
      await Promise.all([table.synced, own.synced]);
      const negotiation = new Negotiation('sample', table.doc);
      negotiation.attach({ kind: 'delegation', delegationId: 'egypt' }, own.doc);
      const words = 'Urges Member States to protect victims and survivors;';
      const submitted = Date.now();
      propose(negotiation, { role: 'delegation', delegationId: 'egypt' }, { kind: 'insert', paragraphId: e2e.room.ids[3]!, from: words.indexOf(' victims'), text: ' all' });
      await page.locator('article[data-label="OP2"]').getByRole('button', { name: '1 open proposal' }).waitFor({ timeout: 10_000 });
      const latency = Date.now() - submitted;
      console.log(`the idle co-facilitator saw the proposal ${latency} ms after it was submitted`);
      expect(latency).toBeLessThan(2_000);
      expect(opened).toEqual(['sample']);
    },
    IDLE_MS + 120_000,
  );

  it('shows two co-facilitators by name', async () => {
    const named = (name: string) => e2e.room.data.invitations.create({ negotiationId: 'sample', role: 'cofacilitator', delegation: null, name }).token;
    const [ireland, namibia] = await Promise.all([join(named('Ireland')), join(named('Namibia'))]);
    await ireland.page.locator('.presence li', { hasText: 'Co-facilitator — Namibia' }).waitFor();
    await namibia.page.locator('.presence li', { hasText: 'Co-facilitator — Ireland' }).waitFor();
  });

  it('a stock WebsocketProvider on a single-document URL still syncs, and is refused where its token may not write', async () => {
    const mexico = connect(documentName('sample', { kind: 'table' }), e2e.room.tokens.mexico);
    const denied: string[] = [];
    mexico.provider.messageHandlers[MessageType.auth] = (_encoder, decoder) => {
      decoder.pos = decoder.arr.length;
      denied.push('permission-denied');
    };
    await mexico.synced;
    expect(mexico.doc.getMap('meta').get('title')).toBe('Political declaration on trafficking');
    mexico.doc.getMap('meta').set('title', 'Hijacked');
    await expect.poll(() => denied.length, { timeout: 10_000 }).toBeGreaterThan(0);
    const witness = connect(documentName('sample', { kind: 'table' }), e2e.room.tokens.cofac);
    await witness.synced;
    expect(witness.doc.getMap('meta').get('title')).toBe('Political declaration on trafficking');
  });
});
