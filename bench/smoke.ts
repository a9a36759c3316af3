import { benchDataDir, prepareBenchDocument } from './negotiation-data';
import { runPoint, type BenchRecord } from './run-point';

/**
 * The harness at toy sizes (for npm test): a real Penholder and the plain relay on port 0, a generator
 * with writers and probes plus a receivers-only generator, one second measured each.
 */
export async function smoke(): Promise<BenchRecord[]> {
  const doc = await prepareBenchDocument(benchDataDir('smoke'), 10);
  const out: BenchRecord[] = [];
  for (const server of ['penholder', 'ws-relay'] as const)
    out.push(await runPoint(doc, { scenario: 'smoke', server, n: 12, writers: 3, rate: 5, probes: 2, heartbeatMs: null, durationMs: 1_000, warmupMs: 300, extraGenerators: 1 }, () => undefined));
  return out;
}
