import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, startTestServer, waitFor, type TestClient } from './harness';

describe('rights per document', () => {
  let t: Awaited<ReturnType<typeof startTestServer>>;
  const clients: TestClient[] = [];
  const client = (name: string, token: string) => {
    const c = connectClient(t.server.wsUrl, `${t.negotiationId}/${name}`, token);
    clients.push(c);
    return c;
  };
  let cofac: string, mexico: string, chile: string, observer: string;
  beforeAll(async () => {
    t = await startTestServer();
    cofac = await t.invite('cofacilitator', null);
    mexico = await t.invite('delegation', 'Mexico');
    chile = await t.invite('delegation', 'Chile');
    observer = await t.invite('observer', 'Holy See');
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await t.server.close();
  });

  it('a delegation writing the table changes nothing for anyone and is told why', async () => {
    const writer = client('table', mexico);
    const witness = client('table', cofac);
    await Promise.all([writer.synced, witness.synced]);
    writer.doc.getMap('meta').set('title', 'Hijacked');
    await waitFor(() => writer.denied.length > 0, 'permission-denied');
    expect(writer.denied[0]).toMatch(/Mexico may read .*\/table but not change it/);
    // The co-facilitator's own edit still goes through, and the delegation keeps read service.
    witness.doc.getMap('meta').set('symbol', 'A/80/L.1');
    await waitFor(() => writer.doc.getMap('meta').get('symbol') === 'A/80/L.1', 'read service after the refusal');
    expect(witness.doc.getMap('meta').get('title')).toBe('Political declaration on trafficking');
    const late = client('table', chile);
    await late.synced;
    expect(late.doc.getMap('meta').get('title')).toBe('Political declaration on trafficking');
    expect(late.doc.getMap('meta').get('symbol')).toBe('A/80/L.1');
    expect(writer.closes).toEqual([]);
  });

  it("a delegation writing another delegation's document changes nothing", async () => {
    const intruder = client('delegation/chile', mexico);
    const owner = client('delegation/chile', chile);
    await Promise.all([intruder.synced, owner.synced]);
    intruder.doc.getMap('positions').set('op5', 'withdrawn');
    owner.doc.getMap('positions').set('op6', 'support');
    await waitFor(() => intruder.denied.length > 0 && intruder.doc.getMap('positions').get('op6') === 'support', 'refusal and read service');
    const fresh = client('delegation/chile', observer);
    await fresh.synced;
    expect(fresh.doc.getMap('positions').toJSON()).toEqual({ op6: 'support' });
    expect(owner.doc.getMap('positions').has('op5')).toBe(false);
  });

  it('a private document is read by its delegation alone; observers read only', async () => {
    const own = client('private/mexico', mexico);
    await own.synced;
    own.doc.getText('draft').insert(0, 'fallback wording for OP7');
    const other = client('private/mexico', chile);
    const cofacReads = client('private/mexico', cofac);
    await waitFor(() => other.closes.length > 0 && cofacReads.closes.length > 0, 'refusals');
    expect(other.closes[0]).toMatchObject({ code: 4403 });
    expect(other.closes[0]!.reason).toMatch(/Chile may not read/);
    expect(cofacReads.closes[0]!.code).toBe(4403);
    expect(other.doc.getText('draft').toString()).toBe('');
    const obs = client('delegation/mexico', observer);
    await obs.synced;
    obs.doc.getMap('positions').set('op1', 'oppose');
    await waitFor(() => obs.denied.length > 0, 'observer refused');
  });

  it('refuses a URL that is not a negotiation document', async () => {
    const c = client('nonsense/doc/x', mexico);
    await waitFor(() => c.closes.length > 0, 'close');
    expect(c.closes[0]!.code).toBe(4404);
  });
});
