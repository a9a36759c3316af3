import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { connectClient, startTestServer, waitFor, type TestClient } from './harness';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

describe('penholder revoke against a running server', () => {
  const clients: TestClient[] = [];
  let t: Awaited<ReturnType<typeof startTestServer>> | null = null;
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await t?.server.close();
  });

  it('closes the revoked connection with 4403 within 100 ms of the command, and stores no write sent after it', { timeout: 60_000 }, async () => {
    // The periodic recheck is pushed out of the way: only the watch on the store can be this quick.
    t = await startTestServer({ revalidateMs: 60_000 });
    const mexico = await t.invite('delegation', 'Mexico');
    const observer = await t.invite('observer', 'Holy See');
    const name = `${t.negotiationId}/delegation/mexico`;
    const writer = connectClient(t.server.wsUrl, name, mexico);
    clients.push(writer);
    await writer.synced;
    let closedAt = 0;
    writer.provider.on('connection-close', () => (closedAt ||= performance.now()));

    // The writer keeps typing, stamping each write with the moment it was sent.
    const sentAt = new Map<number, number>();
    let n = 0;
    const typing = setInterval(() => {
      if (closedAt) return;
      sentAt.set(n, performance.now());
      writer.doc.getMap('counter').set(String(n), n);
      n++;
    }, 2);
    try {
      await waitFor(() => n > 50, 'the writer to be typing');
      await run(process.execPath, ['bin/penholder.mjs', 'revoke', '--data', t.dir, '--token', mexico], { cwd: ROOT });
      const revokedAt = performance.now();
      await waitFor(() => closedAt > 0, 'the revoked connection to close', 10_000);
      expect(writer.closes[0]).toMatchObject({ code: 4403, reason: 'this invitation was revoked' });
      expect(closedAt - revokedAt).toBeLessThan(100);

      // What the server stored, read by someone else.
      const reader = connectClient(t.server.wsUrl, name, observer);
      clients.push(reader);
      await reader.synced;
      const stored = [...reader.doc.getMap('counter').keys()].map(Number);
      expect(stored.length).toBeGreaterThan(50);
      const afterRevoke = stored.filter((i) => sentAt.get(i)! > revokedAt);
      expect(afterRevoke).toEqual([]);
    } finally {
      clearInterval(typing);
    }
  });
});
