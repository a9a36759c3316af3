/**
 * Scenario 9, the hostile neighbour (issue 18): a normal room — a delegation typing on its document,
 * read by others — first alone, then next to one hostile client that floods presence on that
 * document, pushes large updates to its own, reads slowly what it asked for, and all three at once.
 * Reported: the typing delegation's echo p99 in each phase, and its ratio to the same run alone.
 */
import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import * as Y from 'yjs';
import { createNegotiation } from '../shared/model/create-negotiation';
import { documentName } from '../shared/protocol/document-names';
import { openDataDir } from '../sync-server';
import { echoProbe, quantile, type EchoProbe } from '../testing/echo-probe';
import { startProcess } from '../testing/processes';
import { openSocket } from '../testing/open-socket';
import type { NeighbourPlan } from './hostile-neighbour';
import { benchDataDir, invite } from './negotiation-data';
import { cpuSeconds, rssMB, startBenchServer, type BenchServer } from './processes';
import type { BenchRecord } from './run-point';

export interface HostileSizes {
  /** How long each phase lasts. */
  phaseMs: number;
  /** Readers of the typing delegation's document (the rest of the room). */
  readers: number;
  /** Entries of the large document the neighbour pushes (100,000 ≈ 4.9 MB). */
  largeEntries: number;
}
export const HOSTILE_FULL: HostileSizes = { phaseMs: 10_000, readers: 50, largeEntries: 100_000 };
export const HOSTILE_QUICK: HostileSizes = HOSTILE_FULL;

const NEIGHBOUR = path.join(import.meta.dirname, 'hostile-neighbour.ts');
/** One edit every 20 ms: a fast typist, within the 100 frames a second a connection may send. */
const TYPING_MS = 20;
type Log = (line: string) => void;

/** Which of the neighbour's behaviours each phase runs (none: the room alone). */
const PHASES: [string, NeighbourPlan['behaviours']][] = [
  ['alone', []],
  ['presence flood', ['presence']],
  ['large updates', ['large']],
  ['slow readers', ['slow']],
  ['all at once', ['presence', 'large', 'slow']],
];

/** Runs the phases; with `cpuProfileDir`, the server runs under `node --cpu-prof` and writes its profile there. */
export async function hostileScenario(sizes: HostileSizes, log: Log, options: { cpuProfileDir?: string } = {}): Promise<BenchRecord[]> {
  const dir = benchDataDir('hostile');
  fs.rmSync(dir, { recursive: true, force: true });
  const negotiation = createNegotiation({ title: 'Political declaration (hostile neighbour)', form: 'declaration' });
  const data = openDataDir(dir);
  let tokens: { typist: string; reader: string; neighbour: string };
  try {
    await data.store.appendUpdate(documentName(negotiation.id, { kind: 'table' }), Y.encodeStateAsUpdate(negotiation.table.doc));
    tokens = {
      typist: await invite(data, negotiation.id, 'delegation', 'Chile'),
      reader: await invite(data, negotiation.id, 'observer', 'Readers'),
      neighbour: await invite(data, negotiation.id, 'delegation', 'Mexico'),
    };
  } finally {
    await data.close();
  }
  const room = documentName(negotiation.id, { kind: 'delegation', delegationId: 'chile' });
  const own = documentName(negotiation.id, { kind: 'delegation', delegationId: 'mexico' });
  const server = await startBenchServer('penholder', dir, options);
  const readers = await Promise.all(Array.from({ length: sizes.readers }, () => openSocket(`${server.wsUrl}/${room}?token=${encodeURIComponent(tokens.reader)}`)));
  const probe = await echoProbe(server.wsUrl, room, tokens.typist, { everyMs: TYPING_MS });
  const records: BenchRecord[] = [];
  let alone: number | null = null;
  try {
    for (const [phase, behaviours] of PHASES) {
      const plan: NeighbourPlan = { wsUrl: server.wsUrl, token: tokens.neighbour, room, own, behaviours, largeEntries: sizes.largeEntries };
      const neighbour = behaviours.length > 0 ? await startProcess(process.execPath, ['--import', 'tsx', NEIGHBOUR, JSON.stringify(plan)], { ready: /^ready$/m, timeoutMs: 120_000 }) : null;
      let record: BenchRecord;
      try {
        record = await measurePhase(server, probe, phase, sizes, log);
      } finally {
        await neighbour?.stop();
      }
      alone ??= record.p99;
      record.extra = { ...record.extra, ratioToAlone: record.p99 !== null && alone ? Math.round((record.p99 / alone) * 100) / 100 : null };
      records.push(record);
    }
  } finally {
    probe.stop();
    for (const s of readers) s.terminate();
    await server.stop();
  }
  return records;
}

/** CPU seconds of a process's threads (Linux, /proc), in three groups: what an echo's latency depends on is split among them. */
interface ThreadCpu {
  /** The thread that serves the sockets (the process's first). */
  serving: number;
  /** Threads at a lowered priority (niceness ≥ 10: slicing, reading; see background-thread.ts). */
  background: number;
  /** The others at normal priority: V8's own (garbage collection helpers, compilers) shared by every thread's heap, the committing thread, libuv's. */
  other: number;
}
function threadCpu(pid: number): ThreadCpu {
  const out: ThreadCpu = { serving: 0, background: 0, other: 0 };
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    } catch {
      continue; // a thread that ended while listed
    }
    // After the command name: utime and stime are the 12th and 13th fields, niceness the 17th (clock ticks of 10 ms).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const seconds = (Number(fields[11]) + Number(fields[12])) / 100;
    if (Number(tid) === pid) out.serving += seconds;
    else if (Number(fields[16]) >= 10) out.background += seconds;
    else out.other += seconds;
  }
  return out;
}

async function measurePhase(server: BenchServer, probe: EchoProbe, phase: string, sizes: HostileSizes, log: Log): Promise<BenchRecord> {
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const cpuBefore = cpuSeconds(server.pid);
  const threadsBefore = threadCpu(server.pid);
  const started = performance.now();
  let peakRss = rssMB(server.pid);
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMB(server.pid))), 250);
  await new Promise((resolve) => setTimeout(resolve, sizes.phaseMs)); // the phase's length is the measurement's window, not a wait for something
  lag.disable();
  const ended = performance.now();
  const cpu = cpuSeconds(server.pid) - cpuBefore;
  const threadsAfter = threadCpu(server.pid);
  const percent = (key: keyof ThreadCpu): number => Math.round(((threadsAfter[key] - threadsBefore[key]) / ((ended - started) / 1000)) * 1000) / 10;
  // Every edit made during the phase echoed (or given up on after a minute: then the phase is not valid).
  const deadline = Date.now() + 60_000;
  while (probe.sentAt.filter((at) => at >= ended).length < 5 && Date.now() < deadline && !probe.closed) await new Promise((r) => setTimeout(r, 20));
  clearInterval(sampler);
  const latencies = probe.latencies.filter((_, i) => probe.sentAt[i]! >= started && probe.sentAt[i]! < ended);
  const expected = Math.floor((ended - started) / TYPING_MS);
  const valid = !probe.closed && latencies.length >= expected * 0.8;
  const record: BenchRecord = {
    scenario: '9-hostile-neighbour',
    server: 'penholder',
    n: sizes.readers + 1,
    writers: 1,
    rate: 1000 / TYPING_MS,
    p50: round(quantile(latencies, 0.5)),
    p99: round(quantile(latencies, 0.99)),
    p999: null,
    framesPerSec: null,
    updatesPerSec: Math.round((latencies.length / ((ended - started) / 1000)) * 10) / 10,
    cpuPercent: Math.round((cpu / ((ended - started) / 1000)) * 1000) / 10,
    rssMB: Math.round(peakRss),
    valid,
    note: phase + (valid ? '' : `: ${probe.closed ? `the typist was closed (${probe.closed.code})` : `${latencies.length} of ~${expected} edits echoed`}`),
    extra: { phase, maxMs: latencies.length ? round(Math.max(...latencies)) : null, benchStallMs: round(lag.max / 1e6), cpuServing: percent('serving'), cpuBackground: percent('background'), cpuOther: percent('other') },
  };
  log(`  ${phase}: p50 ${record.p50} ms, p99 ${record.p99} ms (max ${record.extra!.maxMs} ms) over ${latencies.length} edits; server CPU ${record.cpuPercent} % (serving thread ${record.extra!.cpuServing}, background ${record.extra!.cpuBackground}, other threads ${record.extra!.cpuOther}), RSS ≤ ${record.rssMB} MB; the bench's own longest stall ${record.extra!.benchStallMs} ms`);
  return record;
}

const round = (x: number): number | null => (Number.isFinite(x) ? Math.round(x * 10) / 10 : null);

/** Scenario 9's part of docs/benchmarks.md. */
export function hostileSection(records: BenchRecord[]): string[] {
  const rows = records.filter((r) => r.scenario === '9-hostile-neighbour');
  if (rows.length === 0) return [];
  const out = [
    '### (9) The hostile neighbour (issue 18): a delegation typing next to a client that floods, pushes and reads slowly',
    '',
    `A delegation types an edit every ${TYPING_MS} ms on its document, read by ${rows[0]!.n - 1} others; latency is from its send to the server's echo. In each phase the neighbour (another delegation) does one thing: presence floods on the same document (2,000 ids and a 6 KB state per frame, 90 frames/s), large updates to its own document (4.9 MB, then 1 MB a second), slow readers of that document (a new one every 200 ms, reading nothing), then all three. Server CPU is split by thread: the serving thread, the background threads at niceness 10 (slicing, reading), and the others at normal priority (V8's garbage-collection helpers and compilers, which every thread's heap shares; the committing thread; libuv's). Target: p99 ≤ 2 × alone.`,
    '',
    '| phase | p50 ms | p99 ms | max ms | p99 / alone | server CPU % | of it: serving / background / other threads | RSS MB | valid |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const r of rows) out.push(`| ${r.extra?.phase} | ${r.p50 ?? '–'} | ${r.p99 ?? '–'} | ${r.extra?.maxMs ?? '–'} | ${r.extra?.ratioToAlone ?? '–'} | ${r.cpuPercent ?? '–'} | ${r.extra?.cpuServing ?? '–'} / ${r.extra?.cpuBackground ?? '–'} / ${r.extra?.cpuOther ?? '–'} | ${r.rssMB ?? '–'} | ${r.valid ? 'yes' : `**no**: ${r.note}`} |`);
  out.push('');
  return out;
}
