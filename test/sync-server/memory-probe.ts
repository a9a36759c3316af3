// Run by memory.test.ts as `node --expose-gc --import tsx memory-probe.ts`: a server and 500 clients in
// one process, measuring the heap before, during and after. Prints one JSON line.
import { connectClient, startTestServer, waitFor, type TestClient } from './harness';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
process.setMaxListeners(0);

const settle = async (): Promise<number> => {
  for (let i = 0; i < 5; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 20));
  }
  return process.memoryUsage().heapUsed;
};

const t = await startTestServer({ idleUnloadMs: 50 });
const token = await t.invite('delegation', 'Mexico');
const name = `${t.negotiationId}/delegation/mexico`;

async function crowd(n: number, write: boolean): Promise<number> {
  const clients: TestClient[] = [];
  for (let i = 0; i < n; i++) clients.push(connectClient(t.server.wsUrl, name, token));
  await Promise.all(clients.map((c) => c.synced));
  if (write) clients.forEach((c, i) => c.doc.getMap('m').set(`k${i}`, 'x'.repeat(50)));
  await waitFor(() => clients.every((c) => c.doc.getMap('m').size >= (write ? n : 0)), 'convergence', 30_000);
  const peak = process.memoryUsage().heapUsed;
  for (const c of clients) c.destroy();
  await waitFor(() => t.server.core.connections.size === 0 && t.server.core.documentCount === 0, 'everyone gone and the document unloaded', 10_000);
  return peak;
}

await crowd(20, false); // warm up every code path once
const baseline = await settle();
const peak = await crowd(500, true);
const after = await settle();
await t.server.close();
console.log(JSON.stringify({ baseline, peak, after }));
