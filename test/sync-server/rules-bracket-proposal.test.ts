import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, serveSample, waitFor, type TestClient } from './harness';
import { as, cofac, sampleNegotiation } from '../model/fixture';
import { accept } from '../../shared/model/facilitator-commands';
import { Negotiation } from '../../shared/model/negotiation';
import { propose } from '../../shared/model/proposal-commands';
import { flatText } from '../../shared/text/rich-text';
import type { DataDir, RunningServer } from '../../sync-server';

/*
 * A delegation's proposal to bracket words, through the stock y-websocket client against a real server:
 * the server's rules (shared/model/table-rules.ts, its validateUpdate hook) count it as an open proposal
 * of the paragraph, take its acceptance (the words bracketed, logged), and then see the brackets.
 */
describe('a proposal to bracket words, under the server\'s rules', () => {
  let data: DataDir;
  let server: RunningServer;
  let tokens: Record<string, string> = {};
  const clients: TestClient[] = [];
  const client = (doc: string, who: string): TestClient => {
    const c = connectClient(server.wsUrl, `sample/${doc}`, tokens[who]!);
    clients.push(c);
    return c;
  };
  /** A participant's copy: the table and Mexico's document, as the app opens them. */
  const open = async (who: string): Promise<{ table: TestClient; n: Negotiation }> => {
    const table = client('table', who);
    const mexico = client('delegation/mexico', who);
    await Promise.all([table.synced, mexico.synced]);
    const n = new Negotiation('sample', table.doc);
    n.attach({ kind: 'delegation', delegationId: 'mexico' }, mexico.doc);
    return { table, n };
  };
  const stored = async (): Promise<Negotiation> => {
    const n = new Negotiation('sample');
    for (const row of await data.store.loadUpdates!('sample/table')) Y.applyUpdate(n.table.doc, row);
    return n;
  };

  beforeAll(async () => {
    ({ data, server, tokens } = await serveSample(sampleNegotiation().negotiation));
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.close();
    data.close();
  });

  it('is an open proposal that keeps the paragraph from being agreed; accepted, the words stand bracketed and the paragraph cannot be agreed either', async () => {
    const mexico = await open('mexico');
    const text = 'Urges Member States to protect victims and survivors;';
    expect(flatText(mexico.n.table.paragraph('p4')!.text)).toBe(text);
    const at = text.indexOf('and survivors');
    const p = propose(mexico.n, as('mexico'), { kind: 'bracket', paragraphId: 'p4', from: at, to: at + 'and survivors'.length });
    expect(p).toMatchObject({ kind: 'bracket', text: null, anchor: { quote: 'and survivors' } });

    const cp = await open('cofac');
    await waitFor(() => cp.n.delegation('mexico').proposals().length === 1, 'the proposal to reach the co-facilitator');
    // Agreed by a raw write while the bracketing is open: refused, as for any open proposal.
    cp.n.table.setStatus('p4', { state: 'agreed' });
    await waitFor(() => cp.table.denied.length > 0, 'permission-denied');
    expect(cp.table.denied[0]).toMatch(/p4 has open proposals \(mexico\/.*\).*\(not-clean\)/);
    expect((await stored()).table.paragraph('p4')!.status.state).toBe('open');

    // A fresh co-facilitator's window accepts it: the server takes the change, the words stand bracketed.
    const honest = await open('cofac');
    await waitFor(() => honest.n.delegation('mexico').proposals().length === 1, 'the proposal in the new window');
    accept(honest.n, cofac, `mexico/${p.id}`);
    const bracketed = 'Urges Member States to protect victims [and survivors];';
    await waitFor(() => mexico.n.table.paragraph('p4') !== null && flatText(mexico.n.table.paragraph('p4')!.text) === bracketed, 'the bracketed words to reach Mexico');
    expect(honest.table.denied).toEqual([]);
    const table = (await stored()).table;
    expect(flatText(table.paragraph('p4')!.text)).toBe(bracketed);
    expect(table.decision(`mexico/${p.id}`)?.decision).toBe('accepted');

    // Now the brackets themselves keep it from being agreed.
    honest.n.table.setStatus('p4', { state: 'agreed' });
    await waitFor(() => honest.table.denied.length > 0, 'permission-denied');
    expect(honest.table.denied[0]).toMatch(/paragraph p4 holds brackets/);
  });
});
