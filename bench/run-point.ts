import fs from 'node:fs';
import * as Y from 'yjs';
import type { ConvergeResult, FinalClock, GeneratorConfig, MeasureResult } from './generator';
import type { BenchDocument } from './negotiation-data';
import { cpuSeconds, GeneratorProcess, rssMB, startBenchServer, type BenchServer, type ServerKind } from './processes';
import { decodeServerMessage, syncStep1, updateMessage } from './protocol';
import { RawSocket } from './raw-socket';
import { windowedP99 } from './windows';

/** One record of the results file, as the issue specifies it (plus a few diagnostics). */
export interface BenchRecord {
  scenario: string;
  server: ServerKind | string;
  n: number;
  writers: number;
  rate: number;
  p50: number | null;
  p99: number | null;
  p999: number | null;
  framesPerSec: number | null;
  updatesPerSec: number | null;
  cpuPercent: number | null;
  rssMB: number | null;
  valid: boolean;
  note: string;
  generatorCpu?: number[];
  /** One window's p99 was far above the others' median (see windowedP99). */
  outlying?: boolean;
  /** Measured again (see measureStep): this measurement does not stand. */
  superseded?: boolean;
  extra?: Record<string, number | string | null>;
}

export const percentile = (sorted: number[], q: number): number | null => (sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
const round = (x: number | null, digits = 2): number | null => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

/** The stock servers start empty: a seeding client gives them the same table document Penholder loads. */
export async function seed(server: BenchServer, doc: BenchDocument): Promise<void> {
  if (server.kind === 'ws-relay' || server.kind.startsWith('penholder')) return;
  let synced = false;
  const s = await RawSocket.connect(`${server.wsUrl}/${doc.docName}`, (data) => {
    const m = decodeServerMessage(data);
    if (m.kind === 'sync' && m.sub === 1) synced = true;
  });
  s.send(updateMessage(doc.initialUpdate));
  s.send(syncStep1(Y.encodeStateVector(new Y.Doc())));
  const start = Date.now();
  while (!synced && Date.now() - start < 10_000) await new Promise((r) => setTimeout(r, 10));
  s.close();
  if (!synced) throw new Error(`could not seed ${server.kind}`);
}

/** A fresh copy of the prepared data directory, so that every run starts from the same store. */
export function freshCopy(doc: BenchDocument, suffix: string): string {
  const dir = `${doc.dir}-${suffix}`;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(doc.dir, dir, { recursive: true });
  return dir;
}

export interface PointSpec {
  scenario: string;
  server: ServerKind;
  /** Every client connected: writers, probes and receivers. */
  n: number;
  writers: number;
  rate: number;
  probes: number;
  heartbeatMs: number | null;
  durationMs: number;
  /** Writers run this long before the window (JIT, first allocations); not measured. */
  warmupMs: number;
  /** Generator processes besides the first; the step's writers, probes and receivers are dealt over all of them. */
  extraGenerators: number;
  /** Windows the measured duration is split into; the step's p99 is the median of theirs (default 5). */
  windows?: number;
  cpuProfileDir?: string;
}

/** Starts a fresh server, connects the generators, measures one window, checks convergence, stops everything. */
export async function runPoint(doc: BenchDocument, spec: PointSpec, log: (line: string) => void): Promise<BenchRecord> {
  const dataDir = spec.server.startsWith('penholder') ? freshCopy(doc, 'run') : null;
  // The generator's receivers share one observer token: Penholder's per-token limit would refuse the room's size.
  const server = await startBenchServer(spec.server, dataDir, { cpuProfileDir: spec.cpuProfileDir, env: { BENCH_MAX_CONNECTIONS_PER_TOKEN: String(spec.n + 100) } });
  const generators: GeneratorProcess[] = [];
  const base: BenchRecord = { scenario: spec.scenario, server: spec.server, n: spec.n, writers: spec.writers, rate: spec.rate, p50: null, p99: null, p999: null, framesPerSec: null, updatesPerSec: null, cpuPercent: null, rssMB: null, valid: false, note: '' };
  try {
    await seed(server, doc);
    const receivers = spec.n - spec.writers - spec.probes;
    const config = (part: Partial<GeneratorConfig>): GeneratorConfig => ({
      url: server.wsUrl,
      docName: doc.docName,
      writerToken: doc.writerToken,
      readerToken: doc.readerToken,
      relay: spec.server === 'ws-relay',
      initialUpdate: Buffer.from(doc.initialUpdate).toString('base64'),
      receivers: 0,
      probes: 0,
      writers: 0,
      rate: spec.rate,
      heartbeatMs: spec.heartbeatMs,
      seed: 1234,
      ...part,
    });
    generators.push(...Array.from({ length: 1 + spec.extraGenerators }, () => new GeneratorProcess()));
    await Promise.all(splitClients(spec, receivers, generators.length).map((part, i) => generators[i]!.call('setup', { config: config({ ...part, seed: 1234 + i }) })));
    await new Promise((r) => setTimeout(r, 300)); // let the joins' frames drain
    let peakRss = rssMB(server.pid);
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMB(server.pid))), 250);
    const measuring = Promise.all(generators.map((g) => g.call<MeasureResult>('measure', { ms: spec.durationMs, warmupMs: spec.warmupMs })));
    await new Promise((r) => setTimeout(r, spec.warmupMs));
    const cpu0 = cpuSeconds(server.pid);
    const t0 = performance.now();
    const measured = await measuring;
    const seconds = (performance.now() - t0) / 1000;
    const serverCpu = ((cpuSeconds(server.pid) - cpu0) / seconds) * 100;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, rssMB(server.pid));
    const clocks = (await Promise.all(generators.map((g) => g.call<FinalClock[]>('clocks')))).flat();
    const conv = mergeConverged(await Promise.all(generators.map((g) => g.call<ConvergeResult>('converge', { timeoutMs: 15_000, clocks }))));
    const sent = measured.reduce((n, m) => n + m.sent, 0);
    const target = measured.reduce((n, m) => n + m.target, 0);
    const windowed = windowedP99(conv.latencies, conv.sentAt, spec.durationMs, spec.windows ?? 5);
    const lat = [...conv.latencies].sort((a, b) => a - b);
    const problems: string[] = [];
    const genCpu = measured.map((m) => m.cpuPercent);
    if (genCpu.some((c) => c > 70)) problems.push(`generator CPU ${genCpu.map((c) => c.toFixed(0)).join('/')}% > 70%`);
    if (spec.writers > 0 && sent < 0.98 * target) problems.push(`writers sent ${sent} of ${target} (${((100 * sent) / target).toFixed(1)}% < 98%)`);
    if (!conv.identical) problems.push('probes differ at the end');
    if (conv.missing.length > 0) problems.push(`missing updates: ${conv.missing[0]}`);
    const closed = measured.reduce((n, m) => n + m.closed, 0);
    if (closed > 0) problems.push(`${closed} clients closed by the server`);
    if (conv.denied.length > 0) problems.push(`denied: ${conv.denied[0]}`);
    const record: BenchRecord = {
      ...base,
      p50: round(percentile(lat, 0.5)),
      p99: windowed.p99,
      p999: round(percentile(lat, 0.999)),
      framesPerSec: Math.round(measured.reduce((n, m) => n + m.framesReceived / (m.elapsedMs / 1000), 0)),
      updatesPerSec: round(measured.reduce((n, m) => n + m.sent / (m.elapsedMs / 1000), 0), 1),
      cpuPercent: round(serverCpu, 1),
      rssMB: round(peakRss, 1),
      valid: problems.length === 0,
      note: problems.join('; '),
      generatorCpu: genCpu.map((c) => round(c, 1)!),
      outlying: windowed.outlying,
      extra: { p99AllSamples: round(percentile(lat, 0.99)), windowP99: windowed.windows.join(' / '), latencySamples: lat.length, expectedSamples: conv.expected, heartbeatsPerSec: round(measured.reduce((n, m) => n + m.heartbeatsSent / (m.elapsedMs / 1000), 0), 1) },
    };
    log(`  ${spec.scenario} ${spec.server.padEnd(26)} n=${String(spec.n).padStart(4)} w=${String(spec.writers).padStart(3)} upd/s=${record.updatesPerSec} p50=${record.p50} p99=${record.p99} (windows ${windowed.windows.join('/')}${windowed.outlying ? ', OUTLYING' : ''}) p99.9=${record.p999} frames/s=${record.framesPerSec} cpu=${record.cpuPercent}% rss=${record.rssMB}MB gen=${genCpu.map((c) => c.toFixed(0)).join('/')}%${record.valid ? '' : ` INVALID: ${record.note}`}`);
    return record;
  } catch (error) {
    const note = `failed: ${(error as Error).message}`;
    log(`  ${spec.scenario} ${spec.server} n=${spec.n} w=${spec.writers}: ${note}`);
    return { ...base, note };
  } finally {
    await Promise.all(generators.map((g) => g.close()));
    await server.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * How a step's clients are dealt to its generators: writers and receivers evenly; the probes (timing
 * only their own generator's writers) in the first, and one more in each other generator with writers.
 */
function splitClients(spec: PointSpec, receivers: number, generators: number): { writers: number; probes: number; receivers: number }[] {
  const even = (total: number, i: number) => Math.floor(total / generators) + (i < total % generators ? 1 : 0);
  const parts = Array.from({ length: generators }, (_, i) => {
    const writers = even(spec.writers, i);
    return { writers, probes: i === 0 ? spec.probes : writers > 0 ? 1 : 0, receivers: 0 };
  });
  // The extra probes are taken from the receivers, so that N stays the step's N.
  const left = Math.max(0, receivers - parts.slice(1).reduce((n, p) => n + p.probes, 0));
  parts.forEach((p, i) => (p.receivers = even(left, i)));
  return parts;
}

/** The generators' convergence as one: latencies together, and every probe's document the same as every other's. */
function mergeConverged(all: ConvergeResult[]): ConvergeResult {
  const fingerprints = all.flatMap((c) => c.fingerprints);
  const identical = all.every((c) => c.identical) && fingerprints.every((f) => f.fingerprint === fingerprints.find((g) => g.docName === f.docName)!.fingerprint);
  return {
    latencies: all.flatMap((c) => c.latencies),
    sentAt: all.flatMap((c) => c.sentAt),
    expected: all.reduce((n, c) => n + c.expected, 0),
    received: all.reduce((n, c) => n + c.received, 0),
    identical,
    probes: all.reduce((n, c) => n + c.probes, 0),
    missing: all.flatMap((c) => c.missing),
    denied: [...new Set(all.flatMap((c) => c.denied))],
    fingerprints,
  };
}
