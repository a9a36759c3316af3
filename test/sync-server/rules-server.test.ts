import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, serveSample, waitFor, type TestClient } from './harness';
import { as, cofac, sampleNegotiation } from '../model/fixture';
import { appendDecision, decisionLog, verifyLog } from '../../shared/model/decision-log';
import { Negotiation } from '../../shared/model/negotiation';
import { bracket, setStatus } from '../../shared/model/facilitator-commands';
import { propose } from '../../shared/model/proposal-commands';
import { closeSilence, openSilence } from '../../shared/model/silence-commands';
import { flatText } from '../../shared/text/rich-text';
import { plainOf, textRuns } from '../../shared/text/y-rich-text';
import type { DataDir, RunningServer } from '../../sync-server';

/*
 * A modified co-facilitator client (the stock provider, writing raw Yjs changes the commands would refuse)
 * against a real server on port 0: each rule-breaking update is refused with permission-denied and a
 * reason, and nothing of it is stored or reaches anyone.
 */
describe('the server enforces the rules of the negotiation on the table', () => {
  let data: DataDir;
  let server: RunningServer;
  let tokens: Record<string, string> = {};
  const clients: TestClient[] = [];
  const client = (doc: string, who: string): TestClient => {
    const c = connectClient(server.wsUrl, `sample/${doc}`, tokens[who]!);
    clients.push(c);
    return c;
  };
  /** The table as stored, read back from the data directory. */
  const stored = async (): Promise<Negotiation> => {
    const n = new Negotiation('sample');
    const rows = await data.store.loadUpdates!('sample/table');
    for (const row of rows) Y.applyUpdate(n.table.doc, row);
    return n;
  };
  /** A connected co-facilitator's copy of the negotiation: the table and Mexico's proposals. */
  const facilitator = async (): Promise<{ c: TestClient; n: Negotiation }> => {
    const c = client('table', 'cofac');
    const mexico = client('delegation/mexico', 'cofac');
    await Promise.all([c.synced, mexico.synced]);
    const n = new Negotiation('sample', c.doc);
    n.attach({ kind: 'delegation', delegationId: 'mexico' }, mexico.doc);
    return { c, n };
  };
  const denied = async (c: TestClient, code: string): Promise<string> => {
    await waitFor(() => c.denied.length > 0, 'permission-denied');
    expect(c.denied[0]).toContain(`(${code})`);
    return c.denied[0]!;
  };

  beforeAll(async () => {
    const { negotiation } = sampleNegotiation();
    bracket(negotiation, cofac, 'p4', 31, 38); // OP2: "… protect [victims] and survivors;"
    ({ data, server, tokens } = await serveSample(negotiation));
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.close();
    data.close();
  });

  it('refuses flipping a bracketed paragraph to agreed; the clean one next to it goes through', async () => {
    const { c, n } = await facilitator();
    expect(flatText(n.table.paragraph('p4')!.text)).toBe('Urges Member States to protect [victims] and survivors;');
    setStatus(n, cofac, 'p1', { state: 'agreed' });
    n.table.setStatus('p4', { state: 'agreed' }); // what the command would refuse
    const reason = await denied(c, 'not-clean');
    expect(reason).toMatch(/paragraph p4 holds brackets/);
    const table = (await stored()).table;
    expect(table.paragraph('p1')!.status.state).toBe('agreed');
    expect(table.paragraph('p4')!.status.state).toBe('open');
    const witness = await facilitator();
    expect(witness.n.table.paragraph('p4')!.status.state).toBe('open');
  });

  it('refuses agreed on a paragraph with an open proposal, read from the delegation document', async () => {
    const mexico = client('delegation/mexico', 'mexico');
    const table = client('table', 'mexico');
    await Promise.all([mexico.synced, table.synced]);
    const own = new Negotiation('sample', table.doc);
    own.attach({ kind: 'delegation', delegationId: 'mexico' }, mexico.doc);
    propose(own, as('mexico'), { kind: 'delete-paragraph', paragraphId: 'p5' });
    const { c, n } = await facilitator();
    // The server has the proposal once another copy of the delegation document sees it.
    await waitFor(() => n.delegation('mexico').proposals().length === 1, 'the proposal stored');
    n.table.setStatus('p5', { state: 'agreed' });
    expect(await denied(c, 'not-clean')).toMatch(/open proposals \(mexico\//);
    expect((await stored()).table.paragraph('p5')!.status.state).toBe('open');
  });

  it('under silence, deleting bracketed words by hand (Backspace) is refused and nothing is stored', async () => {
    const honest = await facilitator();
    const silence = openSilence(honest.n, cofac, '2099-04-28T18:00:00Z', undefined, { keepOpen: true });
    expect(silence.state === 'open' && [...silence.keptOpen!].sort()).toEqual(['p4', 'p5']);
    const { c, n } = await facilitator();
    await waitFor(() => n.table.silence().state === 'open', 'silence seen');
    expect(honest.c.denied).toEqual([]);
    const run = textRuns(n.table.textFragment('p4'))[0]!;
    const at = plainOf(run.text).indexOf('[victims]');
    run.text.delete(at, '[victims]'.length);
    expect(await denied(c, 'under-silence')).toMatch(/no word of it can change/);
    expect(flatText((await stored()).table.paragraph('p4')!.text)).toBe('Urges Member States to protect [victims] and survivors;');
    const witness = await facilitator();
    expect(flatText(witness.n.table.paragraph('p4')!.text)).toContain('[victims]');
  });

  it('refuses a silence passed before its deadline; withdrawn goes through', async () => {
    const early = await facilitator();
    const silence = early.n.table.silence();
    if (silence.state !== 'open') throw new Error('silence expected');
    early.n.table.silenceMap.set('current', { ...silence, state: 'passed', closedAt: new Date().toISOString(), note: null });
    expect(await denied(early.c, 'before-deadline')).toMatch(/only at its deadline/);
    // Withdrawn, as the command closes it before the deadline, goes through.
    const { c, n } = await facilitator();
    expect(closeSilence(n, cofac).state).toBe('withdrawn');
    const later = await facilitator();
    await waitFor(() => later.n.table.silence().state === 'withdrawn', 'withdrawn stored and seen');
    expect((await stored()).table.silence().state).toBe('withdrawn');
    expect(c.denied).toEqual([]);
  });

  it('refuses changing the words of an agreed paragraph without reopening it', async () => {
    const { c, n } = await facilitator();
    expect(n.table.paragraph('p1')!.status.state).toBe('agreed');
    const run = textRuns(n.table.textFragment('p1'))[0]!;
    run.text.insert(run.text.length, ' and 2011');
    expect(await denied(c, 'agreed-paragraph')).toMatch(/paragraph p1 is agreed/);
    expect(flatText((await stored()).table.paragraph('p1')!.text)).toBe('Recalling its resolution 64/293 of 30 July 2010,');
  });

  it('refuses a silence opened on bracketed text without keeping it open', async () => {
    const { c, n } = await facilitator();
    n.table.silenceMap.set('current', { state: 'open', id: 'forged', revision: 0, openedAt: new Date().toISOString(), deadline: '2099-01-01T00:00:00Z' });
    expect(await denied(c, 'text-not-clean')).toMatch(/paragraph p4 is not clean/);
    expect((await stored()).table.silence().state).toBe('withdrawn');
  });

  it('refuses ad ref awaiting an observer', async () => {
    const { c, n } = await facilitator();
    n.table.setStatus('p2', { state: 'adref', pending: ['holy-see'], deadline: null });
    expect(await denied(c, 'not-a-delegation')).toMatch(/"holy-see" is not a delegation/);
    expect((await stored()).table.paragraph('p2')!.status.state).toBe('open');
  });

  it('refuses a decision that does not come with its entry in the decision log, and any change of the log but appending', async () => {
    const { c, n } = await facilitator();
    const entries = n.table.logArray.length;
    expect(verifyLog(n.table)).toMatchObject({ ok: true });
    n.table.setStatus('p3', { state: 'agreed' }); // the rules allow it, but it is not logged
    expect(await denied(c, 'unlogged')).toMatch(/must be written to the decision log/);
    // An entry that names something else does not cover it.
    const masker = await facilitator();
    masker.n.table.doc.transact(() => {
      masker.n.table.setStatus('p3', { state: 'agreed' });
      appendDecision(masker.n.table, cofac, { kind: 'edit', paragraph: 'p3', detail: 'typo' });
    });
    expect(await denied(masker.c, 'unlogged')).toMatch(/the status of paragraph p3 must be written to the decision log/);
    const eraser = await facilitator();
    eraser.n.table.logArray.delete(0, 1);
    expect(await denied(eraser.c, 'unlogged')).toMatch(/only grows/);
    const stored_ = (await stored()).table;
    expect(stored_.paragraph('p3')!.status.state).toBe('open');
    expect(stored_.logArray.length).toBe(entries);
    expect(verifyLog(stored_)).toMatchObject({ ok: true });
    // The command logs it, and it goes through.
    const [honest, witness] = [await facilitator(), await facilitator()];
    setStatus(honest.n, cofac, 'p3', { state: 'agreed' });
    await waitFor(() => witness.n.table.paragraph('p3')!.status.state === 'agreed', 'the logged decision stored and broadcast', 30_000);
    expect(honest.c.denied).toEqual([]);
    expect(decisionLog((await stored()).table).at(-1)).toMatchObject({ kind: 'status', paragraph: 'p3', detail: 'agreed', author: 'co-facilitator' });
  });
});
