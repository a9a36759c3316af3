import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, startTestServer, waitFor, type TestClient } from './harness';

describe('connections per invitation and per address', () => {
  let t: Awaited<ReturnType<typeof startTestServer>>;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    t = await startTestServer({ maxConnectionsPerToken: 3, maxConnectionsPerAddress: 5 });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await t.server.close();
  });

  const open = (name: string, token: string): TestClient => {
    const c = connectClient(t.server.wsUrl, name, token);
    clients.push(c);
    return c;
  };

  it('closes the connection over an invitation\'s limit with 4429 and a message, and takes one again once another left', async () => {
    const mexico = await t.invite('delegation', 'Mexico');
    const table = `${t.negotiationId}/table`;
    const three = [open(table, mexico), open(`${t.negotiationId}/delegation/mexico`, mexico), open(`${t.negotiationId}/private/mexico`, mexico)];
    await Promise.all(three.map((c) => c.synced));
    const fourth = open(table, mexico);
    await waitFor(() => fourth.closes.length > 0, 'the fourth connection to be closed');
    expect(fourth.closes[0]).toMatchObject({ code: 4429 });
    expect(fourth.closes[0]!.reason).toMatch(/this invitation already holds 3 open connections/);
    // 4429 is permanent for the stock client: it does not hammer the server.
    expect(fourth.provider.shouldConnect).toBe(false);
    three[0]!.destroy();
    await waitFor(() => t.server.core.connections.size === 2, 'the first to be gone');
    const again = open(table, mexico);
    await again.synced;
    expect(three.slice(1).every((c) => c.closes.length === 0)).toBe(true);
  });

  it('closes the connection over an address\'s limit with 4429, naming the address', async () => {
    const peru = await t.invite('delegation', 'Peru');
    const chile = await t.invite('delegation', 'Chile');
    const table = `${t.negotiationId}/table`;
    // Three of Mexico's are open; two more from this address fit.
    const fit = [open(table, peru), open(table, chile)];
    await Promise.all(fit.map((c) => c.synced));
    const over = open(`${t.negotiationId}/delegation/peru`, peru);
    await waitFor(() => over.closes.length > 0, 'the sixth connection from 127.0.0.1 to be closed');
    expect(over.closes[0]).toMatchObject({ code: 4429 });
    expect(over.closes[0]!.reason).toMatch(/too many connections from 127\.0\.0\.1 \(5 open\)/);
    expect(fit.every((c) => c.closes.length === 0)).toBe(true);
  });
});
