import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, startTestServer, waitFor, type TestClient } from './harness';

describe('invitation tokens', () => {
  let t: Awaited<ReturnType<typeof startTestServer>>;
  const clients: TestClient[] = [];
  const table = (token: string) => {
    const c = connectClient(t.server.wsUrl, `${t.negotiationId}/table`, token);
    clients.push(c);
    return c;
  };
  beforeAll(async () => {
    t = await startTestServer({ revalidateMs: 100 });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await t.server.close();
  });

  it('refuses an unknown token with 4401 and stops the stock client reconnecting', async () => {
    const c = table('ph_not-a-real-token');
    const closed = new Promise<{ code: number }>((resolve) => c.provider.once('closed', (e) => resolve(e)));
    expect((await closed).code).toBe(4401);
    await new Promise((r) => setTimeout(r, 400));
    expect(c.closes).toHaveLength(1);
    expect(c.provider.shouldConnect).toBe(false);
  });

  it('refuses a revoked token with 4403', async () => {
    const token = await t.invite('delegation', 'Peru');
    t.data.invitations.revoke({ token });
    const c = table(token);
    await waitFor(() => c.closes.length > 0, 'close');
    expect(c.closes[0]).toEqual({ code: 4403, reason: 'this invitation was revoked' });
  });

  it('refuses an expired token with 4403', async () => {
    const token = await t.invite('delegation', 'Ghana', new Date(Date.now() + 150).toISOString());
    await new Promise((r) => setTimeout(r, 200));
    const c = table(token);
    await waitFor(() => c.closes.length > 0, 'close');
    expect(c.closes[0]).toEqual({ code: 4403, reason: 'this invitation has expired' });
  });

  it('closes open connections when their invitation is revoked (by the command line, in the database)', async () => {
    const token = await t.invite('delegation', 'Kenya');
    const c = table(token);
    await c.synced;
    t.data.invitations.revoke({ token });
    await waitFor(() => c.closes.length > 0, 'close');
    expect(c.closes[0]!.code).toBe(4403);
  });

  it('accepts the token in an Authorization header', async () => {
    const { default: WebSocket } = await import('ws');
    const token = await t.invite('delegation', 'Norway');
    const ws = new WebSocket(`${t.server.wsUrl}/${t.negotiationId}/table`, { headers: { authorization: `Bearer ${token}` } });
    const first = await new Promise<Buffer>((resolve) => ws.once('message', resolve));
    expect(first[0]).toBe(0); // sync step 1 from the server
    ws.close();
  });
});
