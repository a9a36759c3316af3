import { describe, expect, it } from 'vitest';

interface SmokeRecord {
  server: string;
  p50: number | null;
  p99: number | null;
  framesPerSec: number | null;
  note: string;
  extra?: Record<string, unknown>;
}

// bench/ is its own TypeScript project; it is loaded here by URL so that test/ does not compile it.
const smokeModule = new URL('../../bench/smoke.ts', import.meta.url).href;

// The harness works (not how fast): latencies are measured against real servers on port 0, every
// expected (update, probe) pair is received, and every probe ends with an identical document.
describe('bench harness', () => {
  it('measures latency against Penholder and the relay, and the probes converge', { timeout: 60_000 }, async () => {
    const { smoke } = (await import(smokeModule)) as { smoke: () => Promise<SmokeRecord[]> };
    const records = await smoke();
    expect(records.map((r) => r.server)).toEqual(['penholder', 'ws-relay']);
    for (const r of records) {
      expect(r.note).not.toMatch(/failed|differ|missing|denied|closed/); // CPU and rate checks are the real run's business
      expect(r.p50).not.toBeNull();
      expect(r.p99!).toBeGreaterThan(0);
      expect(r.framesPerSec!).toBeGreaterThan(0);
      expect(r.extra?.latencySamples).toBe(r.extra?.expectedSamples);
    }
  });
});
