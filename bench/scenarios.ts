import type { BenchDocument } from './negotiation-data';
import type { ServerKind } from './processes';
import { runPoint, type BenchRecord, type PointSpec } from './run-point';

export interface Sizes {
  quick: boolean;
  durationMs: number;
  warmupMs: number;
  fanOutN: number[];
  kneeReceivers: number;
  kneeWriters: number[];
  kneeRate: number;
  idleN: number[];
  idleWindowMs: number;
  probes: number;
  /** Windows a step's measured duration is split into (its p99 is their median). */
  windows: number;
}

export const FULL: Sizes = { quick: false, durationMs: 10_000, warmupMs: 2_000, fanOutN: [50, 200, 600], kneeReceivers: 50, kneeWriters: [5, 10, 20, 40, 80, 160, 320, 640], kneeRate: 10, idleN: [200, 600, 1000], idleWindowMs: 15_000, probes: 4, windows: 5 };
/**
 * The full run's fan-out and knee at the same sizes and step lengths, with fewer steps (no N = 600; the
 * knee's ramp starts where the servers' knees lie on this kind of machine), so that its ratios can be
 * compared with a full run's (bench/compare-runs.ts): with 5 s steps a window's p99 rested on 200 samples
 * and the ratio at N = 200 came out 2.29 × against the full run's 1.80 ×. The smaller scenarios only smoke-test.
 */
export const QUICK: Sizes = { quick: true, durationMs: 10_000, warmupMs: 2_000, fanOutN: [50, 200], kneeReceivers: 50, kneeWriters: [40, 80, 160, 320], kneeRate: 10, idleN: [100, 300], idleWindowMs: 2_000, probes: 4, windows: 5 };

/** Receivers beyond this many go to a second generator process. */
const extraGeneratorsFor = (n: number) => (n > 300 ? 1 : 0);

export const COMPARED: ServerKind[] = ['penholder', 'y-websocket@1.5.4', '@y/websocket-server@0.1.1', 'ws-relay'];

type Log = (line: string) => void;

/** Generator processes a step may grow to when the load generator, not the server, saturates. */
const MAX_EXTRA_GENERATORS = 3;
/** Server CPU (% of one core) at which a step is the server's limit, whatever the generators did. */
const SERVER_SATURATED = 90;

/**
 * One step, measured until its verdict can be trusted: when the load generator saturates (its CPU over
 * 70 %), the step runs again with one more generator process, rather than report the generator's cap;
 * a step otherwise invalid, or with an outlying window, is measured once more and the second
 * measurement stands. Every measurement is kept in `records`.
 */
export async function measureStep(doc: BenchDocument, spec: PointSpec, log: Log): Promise<{ record: BenchRecord; records: BenchRecord[] }> {
  const records: BenchRecord[] = [];
  let current = spec;
  let record = await runPoint(doc, current, log);
  records.push(record);
  // More generators cannot help a server already at a core: that step is the server's limit.
  while (/generator CPU/.test(record.note) && (record.cpuPercent ?? 0) < SERVER_SATURATED && current.extraGenerators < MAX_EXTRA_GENERATORS) {
    current = { ...current, extraGenerators: current.extraGenerators + 1 };
    log(`  the load generator saturated (${record.note}): again with ${current.extraGenerators + 1} generator processes`);
    record = await runPoint(doc, current, log);
    records.push(record);
  }
  if ((!record.valid && !record.note.startsWith('failed') && !/generator CPU/.test(record.note)) || record.outlying) {
    log(`  step ${record.valid ? 'with an outlying window' : `invalid (${record.note})`}: measured again`);
    record = await runPoint(doc, current, log);
    records.push(record);
  }
  return { record, records };
}

/** (1) Fan-out: N participants, 10 writers at 5 updates/s. */
export async function fanOut(doc: BenchDocument, sizes: Sizes, servers: ServerKind[], log: Log): Promise<BenchRecord[]> {
  const out: BenchRecord[] = [];
  for (const n of sizes.fanOutN)
    for (const server of servers) {
      const step = await measureStep(doc, { scenario: '1-fan-out', server, n, writers: 10, rate: 5, probes: sizes.probes, heartbeatMs: null, durationMs: sizes.durationMs, warmupMs: sizes.warmupMs, extraGenerators: extraGeneratorsFor(n), windows: sizes.windows }, log);
      out.push(...superseded(step));
    }
  return out;
}

/** The knee of a server: writers (at kneeRate each) ramped until p99 passes 50 ms; one refining step between the last good and the first bad point. */
export async function knee(doc: BenchDocument, sizes: Sizes, server: ServerKind, scenario: string, log: Log): Promise<{ records: BenchRecord[]; knee: number | null; limitedBy: string }> {
  const records: BenchRecord[] = [];
  const point = async (writers: number): Promise<BenchRecord> => {
    const spec: PointSpec = { scenario, server, n: sizes.kneeReceivers + writers, writers, rate: sizes.kneeRate, probes: 2, heartbeatMs: null, durationMs: sizes.durationMs, warmupMs: sizes.warmupMs, extraGenerators: 0, windows: sizes.windows };
    const step = await measureStep(doc, spec, log);
    records.push(...superseded(step));
    return step.record;
  };
  const good = (r: BenchRecord) => r.valid && r.p99 !== null && r.p99 <= 50;
  let lastGood: number | null = null;
  let firstBad: BenchRecord | null = null;
  for (const w of sizes.kneeWriters) {
    const r = await point(w);
    if (good(r)) lastGood = w;
    else {
      firstBad = r;
      break;
    }
  }
  if (lastGood !== null && firstBad && firstBad.valid && firstBad.writers > lastGood * 1.3) {
    const mid = Math.round((lastGood + firstBad.writers) / 2);
    const r = await point(mid);
    if (good(r)) lastGood = mid;
    else if (r.valid) firstBad = r;
  }
  const best = records.filter((r) => !r.superseded && good(r)).sort((a, b) => b.updatesPerSec! - a.updatesPerSec!)[0] ?? null;
  return { records, knee: best?.updatesPerSec ?? null, limitedBy: limitingFactor(firstBad) };
}

/** What ended a ramp, named: the server's CPU, its latency, the load generator, or nothing (not reached). */
function limitingFactor(firstBad: BenchRecord | null): string {
  if (!firstBad) return 'not reached: the ramp ended below the knee';
  const at = `at ${firstBad.updatesPerSec} updates/s`;
  if (firstBad.cpuPercent !== null && firstBad.cpuPercent >= SERVER_SATURATED) return `server CPU ${firstBad.cpuPercent} % (one core) ${at}, p99 ${firstBad.p99} ms${firstBad.valid ? '' : ` (${firstBad.note})`}`;
  if (/generator CPU/.test(firstBad.note)) return `the load generator, even with ${MAX_EXTRA_GENERATORS + 1} processes (${firstBad.note}) ${at}`;
  if (!firstBad.valid) return `the next step was invalid (${firstBad.note})`;
  return `latency: p99 ${firstBad.p99} ms ${at} with the server at ${firstBad.cpuPercent} % CPU`;
}

/** A step's records, every measurement but the one that stands marked as superseded. */
function superseded(step: { record: BenchRecord; records: BenchRecord[] }): BenchRecord[] {
  return step.records.map((r) => (r === step.record ? r : { ...r, superseded: true }));
}

/** (3) Idle presence: N clients with awareness only, heartbeats every 15 s. */
export async function idlePresence(doc: BenchDocument, sizes: Sizes, servers: ServerKind[], log: Log): Promise<BenchRecord[]> {
  const out: BenchRecord[] = [];
  for (const n of sizes.idleN)
    for (const server of servers)
      out.push(await runPoint(doc, { scenario: '3-idle-presence', server, n, writers: 0, rate: 0, probes: 0, heartbeatMs: 15_000, durationMs: sizes.idleWindowMs, warmupMs: sizes.warmupMs, extraGenerators: extraGeneratorsFor(n) }, log));
  return out;
}
