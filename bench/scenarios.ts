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
}

export const FULL: Sizes = { quick: false, durationMs: 10_000, warmupMs: 2_000, fanOutN: [50, 200, 600], kneeReceivers: 50, kneeWriters: [5, 10, 20, 40, 80, 160, 320, 640], kneeRate: 10, idleN: [200, 600, 1000], idleWindowMs: 15_000, probes: 4 };
export const QUICK: Sizes = { quick: true, durationMs: 2_000, warmupMs: 800, fanOutN: [30, 100], kneeReceivers: 20, kneeWriters: [10, 40, 160], kneeRate: 10, idleN: [100, 300], idleWindowMs: 2_000, probes: 2 };

/** Receivers beyond this many go to a second generator process. */
const receiverProcessesFor = (n: number) => (n > 300 ? 1 : 0);

export const COMPARED: ServerKind[] = ['penholder', 'y-websocket@1.5.4', '@y/websocket-server@0.1.1', 'ws-relay'];

type Log = (line: string) => void;

/** (1) Fan-out: N participants, 10 writers at 5 updates/s. */
export async function fanOut(doc: BenchDocument, sizes: Sizes, servers: ServerKind[], log: Log): Promise<BenchRecord[]> {
  const out: BenchRecord[] = [];
  for (const n of sizes.fanOutN)
    for (const server of servers)
      out.push(await runPoint(doc, { scenario: '1-fan-out', server, n, writers: 10, rate: 5, probes: sizes.probes, heartbeatMs: null, durationMs: sizes.durationMs, warmupMs: sizes.warmupMs, receiverProcesses: receiverProcessesFor(n) }, log));
  return out;
}

/** The knee of a server: writers (at kneeRate each) ramped until p99 passes 50 ms; one refining step between the last good and the first bad point. */
export async function knee(doc: BenchDocument, sizes: Sizes, server: ServerKind, scenario: string, log: Log): Promise<{ records: BenchRecord[]; knee: number | null; limitedBy: string }> {
  const records: BenchRecord[] = [];
  const point = (writers: number): Promise<BenchRecord> => {
    const spec: PointSpec = { scenario, server, n: sizes.kneeReceivers + writers, writers, rate: sizes.kneeRate, probes: 2, heartbeatMs: null, durationMs: sizes.durationMs, warmupMs: sizes.warmupMs, receiverProcesses: 0 };
    return runPoint(doc, spec, log).then((r) => (records.push(r), r));
  };
  const good = (r: BenchRecord) => r.valid && r.p99 !== null && r.p99 <= 50;
  let lastGood: number | null = null;
  let firstBad: BenchRecord | null = null;
  for (const w of sizes.kneeWriters) {
    let r = await point(w);
    // A step made invalid by the machine (writers or generator descheduled) is measured once more
    // before it ends the ramp; both records are kept.
    if (!r.valid && !r.note.startsWith('failed') && !/generator CPU/.test(r.note)) {
      log(`  step of ${w} writers invalid (${r.note}): measured again`);
      r = await point(w);
    }
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
  const best = records.filter(good).sort((a, b) => b.updatesPerSec! - a.updatesPerSec!)[0] ?? null;
  const limitedBy = !firstBad ? 'not reached: the ramp ended below the knee' : firstBad.valid ? `p99 ${firstBad.p99} ms at ${firstBad.updatesPerSec} updates/s` : `the next step was invalid (${firstBad.note})`;
  return { records, knee: best?.updatesPerSec ?? null, limitedBy };
}

/** (3) Idle presence: N clients with awareness only, heartbeats every 15 s. */
export async function idlePresence(doc: BenchDocument, sizes: Sizes, servers: ServerKind[], log: Log): Promise<BenchRecord[]> {
  const out: BenchRecord[] = [];
  for (const n of sizes.idleN)
    for (const server of servers)
      out.push(await runPoint(doc, { scenario: '3-idle-presence', server, n, writers: 0, rate: 0, probes: 0, heartbeatMs: 15_000, durationMs: sizes.idleWindowMs, warmupMs: sizes.warmupMs, receiverProcesses: receiverProcessesFor(n) }, log));
  return out;
}
