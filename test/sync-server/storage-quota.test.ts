import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, startTestServer, waitFor, type TestClient } from './harness';

const clients: TestClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});

/** Types `chunks` paragraphs of `size` characters, one per turn, until the server refuses one. */
async function typeUntilRefused(client: TestClient, chunks: number, size: number): Promise<number> {
  for (let i = 0; i < chunks; i++) {
    client.doc.getText('notes').insert(client.doc.getText('notes').length, `${String(i).padStart(4, '0')}${'x'.repeat(size - 4)}`);
    await new Promise((r) => setTimeout(r, 5));
    if (client.denied.length > 0) return i;
  }
  await waitFor(() => client.denied.length > 0, 'a refusal');
  return chunks;
}

describe('storage quotas', () => {
  it('refuses a write beyond the document quota, saying so, and stores nothing of it', { timeout: 60_000 }, async () => {
    const quota = 100_000;
    const { server, negotiationId, invite, data } = await startTestServer({ documentQuotaBytes: quota });
    const token = await invite('delegation', 'Mexico');
    const name = `${negotiationId}/delegation/mexico`;
    const writer = connectClient(server.wsUrl, name, token);
    const reader = connectClient(server.wsUrl, name, token);
    clients.push(writer, reader);
    await Promise.all([writer.synced, reader.synced]);
    await typeUntilRefused(writer, 40, 10_000);
    expect(writer.denied[0]).toMatch(/storage quota of 0\.1 MB: this change was not stored/);
    // What was accepted reached the reader and the store; the refused change did not.
    await waitFor(() => data.store.storedBytesOf(name) > quota / 2, 'the accepted writes stored');
    const accepted = reader.doc.getText('notes').length;
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(writer.doc.getText('notes').length);
    expect(data.store.storedBytesOf(name)).toBeLessThanOrEqual(quota);
    await server.close();
  });

  it('counts a delegation’s published and private documents together', { timeout: 60_000 }, async () => {
    const { server, negotiationId, invite, data } = await startTestServer({ documentQuotaBytes: 1_000_000, delegationQuotaBytes: 120_000 });
    const token = await invite('delegation', 'Mexico');
    const drafts = connectClient(server.wsUrl, `${negotiationId}/private/mexico`, token);
    clients.push(drafts);
    await drafts.synced;
    for (let i = 0; i < 8; i++) drafts.doc.getText('notes').insert(0, 'd'.repeat(10_000));
    await waitFor(() => data.store.storedBytesOf(`${negotiationId}/private/mexico`) >= 80_000, 'the drafts stored');
    const published = connectClient(server.wsUrl, `${negotiationId}/delegation/mexico`, token);
    clients.push(published);
    await published.synced;
    await typeUntilRefused(published, 20, 10_000);
    expect(published.denied[0]).toMatch(/Mexico's documents would hold .* beyond the delegation's storage quota/);
    const total = data.store.storedBytesOf(`${negotiationId}/private/mexico`) + data.store.storedBytesOf(`${negotiationId}/delegation/mexico`);
    expect(total).toBeLessThanOrEqual(120_000);
    // The co-facilitators' table is not the delegation's: it still takes writes.
    const cofac = connectClient(server.wsUrl, `${negotiationId}/table`, await invite('cofacilitator', null));
    clients.push(cofac);
    await cofac.synced;
    cofac.doc.getMap('meta').set('note', 'y'.repeat(50_000));
    await waitFor(() => data.store.storedBytesOf(`${negotiationId}/table`) > 50_000, 'the table write stored');
    expect(cofac.denied).toEqual([]);
    await server.close();
  });
});
