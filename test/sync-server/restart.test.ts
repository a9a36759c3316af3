import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { verifyLog } from '../../shared/model/decision-log';
import { addParagraph } from '../../shared/model/facilitator-commands';
import { Negotiation } from '../../shared/model/negotiation';
import { flatText } from '../../shared/text/rich-text';
import { startServer } from '../../sync-server';

const cofacilitator = { role: 'cofacilitator', delegationId: null } as const;
import { connectClient, makeDataDir, waitFor } from './harness';

describe('a restart', () => {
  it('keeps every document, through compaction and unloading', async () => {
    const made = await makeDataDir();
    const cofac = await made.invite('cofacilitator', null);
    const mexico = await made.invite('delegation', 'Mexico');
    const options = { dataDir: made.dir, port: 0, logger: pino({ level: 'silent' }), limits: { compactAfterUpdates: 5, idleUnloadMs: 50 } };
    let server = await startServer(options);
    const table = connectClient(server.wsUrl, `${made.negotiationId}/table`, cofac);
    const own = connectClient(server.wsUrl, `${made.negotiationId}/private/mexico`, mexico);
    await Promise.all([table.synced, own.synced]);
    // Forty decisions of the co-facilitators, each its own update (logged, as the server requires).
    const negotiation = new Negotiation(made.negotiationId, table.doc);
    for (let i = 0; i < 40; i++) {
      addParagraph(negotiation, cofacilitator, { after: negotiation.table.order().at(-1) ?? null, text: `p${i}` });
      await new Promise((r) => setImmediate(r));
    }
    own.doc.getText('draft').insert(0, 'our fallback for OP7');
    await waitFor(() => made.data.store.rowCount(`${made.negotiationId}/private/mexico`) > 0, 'the private write');
    table.destroy();
    own.destroy();
    await waitFor(() => server.core.documentCount === 0, 'idle documents unloaded');
    // Compaction ran (in the background and on unload, in the storage threads) and lost nothing.
    await waitFor(() => made.data.store.rowCount(`${made.negotiationId}/table`) === 1, 'the table compacted on unload');
    await server.close();

    server = await startServer(options);
    const again = connectClient(server.wsUrl, `${made.negotiationId}/table`, cofac);
    const ownAgain = connectClient(server.wsUrl, `${made.negotiationId}/private/mexico`, mexico);
    await Promise.all([again.synced, ownAgain.synced]);
    const stored = new Negotiation(made.negotiationId, again.doc);
    expect(stored.table.paragraphs().map((p) => flatText(p.text)).slice(-40)).toEqual(Array.from({ length: 40 }, (_, i) => `p${i}`));
    expect(verifyLog(stored.table)).toMatchObject({ ok: true, entries: 40 });
    expect(again.doc.getMap('roster').get('mexico')).toMatchObject({ name: 'Mexico' });
    expect(ownAgain.doc.getText('draft').toString()).toBe('our fallback for OP7');
    again.destroy();
    ownAgain.destroy();
    await server.close();
  });
});
