import fs from 'node:fs';
import os from 'node:os';
import * as Y from 'yjs';
import { createNegotiation } from '../shared/model/create-negotiation';
import { documentName } from '../shared/protocol/document-names';
import { editStoredTable, inviteDelegation, openPostgres, type PostgresData } from '../sync-server';
import { services, TestPostgres, TestRedis } from '../testing/local-services';
import type { ConvergeResult, GeneratorConfig, MeasureResult } from './generator';
import { addParagraphs, rng } from './negotiation-data';
import { cpuSeconds, GeneratorProcess, rssMB, startClusterNode, type BenchServer } from './processes';
import { percentile, type BenchRecord } from './run-point';
import { windowedP99 } from './windows';

/** Sizes of the cluster scenario (issue 9): participants spread over negotiations, negotiations' clients spread over the nodes. */
export interface ClusterSizes {
  nodes: number[];
  negotiations: number;
  participants: number;
  /** Writers in each negotiation. */
  writersPerNegotiation: number;
  /**
   * Updates per second per writer, one load after another. A 2-core machine holding the nodes, PostgreSQL,
   * Redis and the generators saturates before the nodes do, so the nodes are compared at several loads.
   */
  rates: number[];
  probesPerNegotiation: number;
  paragraphs: number;
  durationMs: number;
  warmupMs: number;
  /** Generator processes; negotiations are dealt round-robin. */
  generators: number;
  /** Windows of each measurement; a step's p99 is the median of all its rounds' windows (see windowedP99). */
  windows: number;
  /**
   * Measurements of each step: at each load the node counts are measured in order, then in the reverse
   * order, and so on, so that one node and three meet the same moments of the machine's load (a 2-core
   * machine shared with other work drifts by a factor of 2 within minutes).
   */
  rounds: number;
  /** With it, each node runs under `node --cpu-prof` and writes its profile there (bench/profile.ts summarises it). */
  cpuProfileDir?: string;
}

/** 250, 500 and 1,000 updates/s over 600 participants. */
export const CLUSTER_FULL: ClusterSizes = { nodes: [1, 2, 3], negotiations: 20, participants: 600, writersPerNegotiation: 10, rates: [1.25, 2.5, 5], probesPerNegotiation: 2, paragraphs: 40, durationMs: 10_000, warmupMs: 2_000, generators: 4, windows: 5, rounds: 2 };
/** The full run's sizes and step length at its lowest load only, with one and three nodes: so that its ratio can be compared with the full run's. */
export const CLUSTER_QUICK: ClusterSizes = { ...CLUSTER_FULL, nodes: [1, 3], rates: [1.25] };

interface Seeded {
  docName: string;
  writerToken: string;
  readerToken: string;
  initialUpdate: Uint8Array;
}

/** `count` negotiations of `paragraphs` paragraphs in the database, with a co-facilitator and an observer token each. */
async function seedNegotiations(data: PostgresData, count: number, paragraphs: number): Promise<Seeded[]> {
  const out: Seeded[] = [];
  for (let i = 0; i < count; i++) {
    const negotiation = createNegotiation({ title: `Political declaration ${i + 1} (cluster benchmark)`, form: 'declaration' });
    addParagraphs(negotiation, paragraphs, rng(100 + i));
    const docName = documentName(negotiation.id, { kind: 'table' });
    await data.store.appendUpdate(docName, Y.encodeStateAsUpdate(negotiation.table.doc));
    const invite = async (role: 'cofacilitator' | 'observer', name: string | null) =>
      (await inviteDelegation({ invitations: data.invitations, serverUrl: null, editTable: (id, edit) => editStoredTable(data.store, id, edit) }, { negotiationId: negotiation.id, delegationName: name, role, expiresAt: null })).token;
    const writerToken = await invite('cofacilitator', null);
    const readerToken = await invite('observer', 'Benchmark observers');
    out.push({ docName, writerToken, readerToken, initialUpdate: (await data.store.load(docName))! });
  }
  return out;
}

const round = (x: number | null, digits = 2): number | null => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

/**
 * Issue 9's benchmark: for each node count, a fresh database on one PostgreSQL and one Redis (Debian's
 * binaries, testing/local-services.ts), the nodes as separate processes, a few generator processes holding
 * several negotiations each; each negotiation's clients go round-robin over the nodes (probes first: the two probes of a negotiation
 * sit on different nodes when there are several, so latency includes the hop through Redis).
 */
export async function clusterScenario(sizes: ClusterSizes, log: (line: string) => void): Promise<BenchRecord[]> {
  const records: BenchRecord[] = [];
  const base = (nodes: number, rate: number): BenchRecord => ({ scenario: '7-cluster', server: `penholder × ${nodes} node${nodes === 1 ? '' : 's'}`, n: sizes.participants, writers: sizes.writersPerNegotiation * sizes.negotiations, rate, p50: null, p99: null, p999: null, framesPerSec: null, updatesPerSec: null, cpuPercent: null, rssMB: null, valid: false, note: '', extra: { nodes, negotiations: sizes.negotiations, offered: rate * sizes.writersPerNegotiation * sizes.negotiations } });
  if (!services.available) {
    log(`  7-cluster skipped: ${services.reason}`);
    return sizes.rates.flatMap((rate) => sizes.nodes.map((n) => ({ ...base(n, rate), note: `not run: ${services.reason}` })));
  }
  const postgres = await TestPostgres.start();
  const redis = await TestRedis.start();
  try {
    for (const rate of sizes.rates) {
      const rounds = new Map<number, ClusterMeasurement[]>(sizes.nodes.map((n) => [n, []]));
      for (let round = 0; round < sizes.rounds; round++)
        for (const nodeCount of round % 2 === 0 ? sizes.nodes : [...sizes.nodes].reverse()) {
          let measured = await clusterPoint(postgres, redis, nodeCount, rate, sizes, base(nodeCount, rate), log);
          // One bad second neither makes nor breaks a step: an outlying window, or an invalid measurement, is measured again.
          if (measured.record.outlying || (!measured.record.valid && !measured.record.note.startsWith('failed'))) {
            log(`  7-cluster nodes=${nodeCount}: ${measured.record.valid ? 'an outlying window' : 'invalid'}, measured again`);
            records.push({ ...measured.record, superseded: true });
            measured = await clusterPoint(postgres, redis, nodeCount, rate, sizes, base(nodeCount, rate), log);
          }
          rounds.get(nodeCount)!.push(measured);
        }
      for (const nodeCount of sizes.nodes) records.push(combineRounds(rounds.get(nodeCount)!, sizes));
    }
  } finally {
    await redis.destroy();
    await postgres.destroy();
  }
  return records;
}

/** A stopwatch of the machine: its busy share of all its cores from now until it is read (from /proc/stat; null elsewhere). */
function machineBusy(): () => number | null {
  const read = (): { busy: number; total: number } | null => {
    try {
      const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
      const idle = cpu[3]! + (cpu[4] ?? 0);
      const total = cpu.reduce((a, b) => a + b, 0);
      return { busy: total - idle, total };
    } catch {
      return null;
    }
  };
  const start = read();
  return () => {
    const end = read();
    return start && end && end.total > start.total ? Math.round((100 * (end.busy - start.busy)) / (end.total - start.total)) : null;
  };
}

/** CPU seconds of a process and its living children (PostgreSQL's postmaster and its backends). */
function treeCpuSeconds(pid: number | null): number | null {
  if (pid === null) return null;
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (Number(entry) === pid || ppid === pid) total += cpuSeconds(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return total;
}

/** One measurement of a step: its record, and its samples (latency, and when its update was sent after the window opened). */
interface ClusterMeasurement {
  record: BenchRecord;
  latencies: number[];
  sentAt: number[];
}

/**
 * A step from its rounds: p99 the median of all their windows, p50 and p99.9 of all their samples, CPU and
 * the machine's busy share averaged, RSS the largest; valid when every round was. One round stands as it is.
 */
function combineRounds(rounds: ClusterMeasurement[], sizes: ClusterSizes): BenchRecord {
  if (rounds.length === 1) return rounds[0]!.record;
  const records = rounds.map((r) => r.record);
  const first = records[0]!;
  const lat = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  // Each round's windows after the previous round's: the median is taken over all of them.
  const windowed = windowedP99(rounds.flatMap((r) => r.latencies), rounds.flatMap((r, i) => r.sentAt.map((t) => t + i * sizes.durationMs)), rounds.length * sizes.durationMs, rounds.length * sizes.windows);
  const mean = (values: (number | null)[]): number | null => (values.some((v) => v === null) ? null : values.reduce<number>((a, b) => a + b!, 0) / values.length);
  const busy = mean(records.map((r) => r.extra?.machineBusy as number | null));
  return {
    ...first,
    p50: round(percentile(lat, 0.5)),
    p99: windowed.p99,
    p999: round(percentile(lat, 0.999)),
    framesPerSec: Math.round(mean(records.map((r) => r.framesPerSec)) ?? 0),
    updatesPerSec: round(mean(records.map((r) => r.updatesPerSec)), 1),
    cpuPercent: round(mean(records.map((r) => r.cpuPercent)), 1),
    rssMB: Math.max(...records.map((r) => r.rssMB ?? 0)),
    valid: records.every((r) => r.valid),
    note: records.map((r, i) => `round ${i + 1}: p99 ${r.p99 ?? '–'} ms; ${r.note}`).join(' — '),
    outlying: windowed.outlying,
    generatorCpu: records.flatMap((r) => r.generatorCpu ?? []),
    extra: {
      ...first.extra,
      latencySamples: lat.length,
      expectedSamples: records.reduce((n, r) => n + Number(r.extra?.expectedSamples ?? 0), 0),
      nodeCpu: records.map((r) => r.extra?.nodeCpu).join(' | '),
      postgresCpu: round(mean(records.map((r) => r.extra?.postgresCpu as number | null)), 1),
      redisCpu: round(mean(records.map((r) => r.extra?.redisCpu as number | null)), 1),
      machineBusy: busy === null ? null : Math.round(busy),
      p99AllSamples: round(percentile(lat, 0.99)),
      windowP99: windowed.windows.join(' / '),
      roundP99: records.map((r) => r.p99 ?? '–').join(' / '),
      roundMachineBusy: records.map((r) => r.extra?.machineBusy ?? '–').join(' / '),
    },
  };
}

async function clusterPoint(postgres: TestPostgres, redis: TestRedis, nodeCount: number, rate: number, sizes: ClusterSizes, base: BenchRecord, log: (line: string) => void): Promise<ClusterMeasurement> {
  const url = await postgres.createDatabase();
  const data = await openPostgres(url);
  const nodes: BenchServer[] = [];
  const generators: GeneratorProcess[] = [];
  try {
    const seeded = await seedNegotiations(data, sizes.negotiations, sizes.paragraphs);
    await data.close();
    for (let i = 0; i < nodeCount; i++) nodes.push(await startClusterNode(url, redis.url, { cpuProfileDir: sizes.cpuProfileDir }));
    const urls = nodes.map((n) => n.wsUrl);
    const perNegotiation = Math.floor(sizes.participants / sizes.negotiations);
    // A few generator processes, each holding several negotiations (one process per negotiation would
    // cost a core in timers alone on this machine).
    for (let k = 0; k < Math.min(sizes.generators, seeded.length); k++) generators.push(new GeneratorProcess());
    for (const [i, s] of seeded.entries()) {
      const g = generators[i % generators.length]!;
      const config: GeneratorConfig = {
        url: urls[0]!,
        // Each negotiation starts on a different node, so that one node does not hold every probe.
        urls: urls.map((_, k) => urls[(i + k) % urls.length]!),
        docName: s.docName,
        writerToken: s.writerToken,
        readerToken: s.readerToken,
        relay: false,
        initialUpdate: Buffer.from(s.initialUpdate).toString('base64'),
        probes: sizes.probesPerNegotiation,
        writers: sizes.writersPerNegotiation,
        receivers: perNegotiation - sizes.probesPerNegotiation - sizes.writersPerNegotiation,
        rate,
        heartbeatMs: null,
        seed: 500 + i,
      };
      await g.call('setup', { config });
    }
    await new Promise((r) => setTimeout(r, 500));
    const pids = nodes.map((n) => n.pid);
    let peakRss = pids.map((p) => rssMB(p));
    const sampler = setInterval(() => (peakRss = pids.map((p, i) => Math.max(peakRss[i]!, rssMB(p)))), 250);
    const measuring = Promise.all(generators.map((g) => g.call<MeasureResult>('measure', { ms: sizes.durationMs, warmupMs: sizes.warmupMs })));
    await new Promise((r) => setTimeout(r, sizes.warmupMs));
    const cpu0 = pids.map((p) => cpuSeconds(p));
    const services0 = [treeCpuSeconds(postgres.pid), treeCpuSeconds(redis.pid)];
    const busy = machineBusy();
    const t0 = performance.now();
    const measured = await measuring;
    const seconds = (performance.now() - t0) / 1000;
    const nodeCpu = pids.map((p, i) => ((cpuSeconds(p) - cpu0[i]!) / seconds) * 100);
    const servicePercent = (now: number | null, before: number | null): number | null => (now === null || before === null ? null : round(((now - before) / seconds) * 100, 1));
    const postgresCpu = servicePercent(treeCpuSeconds(postgres.pid), services0[0]!);
    const redisCpu = servicePercent(treeCpuSeconds(redis.pid), services0[1]!);
    const machine = busy();
    clearInterval(sampler);
    const converged = await Promise.all(generators.map((g) => g.call<ConvergeResult>('converge', { timeoutMs: 20_000 })));
    const lat = converged.flatMap((c) => c.latencies).sort((a, b) => a - b);
    const windowed = windowedP99(converged.flatMap((c) => c.latencies), converged.flatMap((c) => c.sentAt), sizes.durationMs, sizes.windows);
    const problems: string[] = [];
    const genCpu = measured.map((m) => m.cpuPercent);
    if (genCpu.some((c) => c > 70)) problems.push(`generator CPU up to ${Math.max(...genCpu).toFixed(0)}% > 70%`);
    const sent = measured.reduce((n, m) => n + m.sent, 0);
    const target = measured.reduce((n, m) => n + m.target, 0);
    if (sent < 0.98 * target) problems.push(`writers sent ${sent} of ${target} (${((100 * sent) / target).toFixed(1)}% < 98%)`);
    if (converged.some((c) => !c.identical)) problems.push('probes differ at the end');
    const missing = converged.flatMap((c) => c.missing);
    if (missing.length > 0) problems.push(`missing updates: ${missing[0]}`);
    const closed = measured.reduce((n, m) => n + m.closed, 0);
    if (closed > 0) problems.push(`${closed} clients closed by the server`);
    const denied = converged.flatMap((c) => c.denied);
    if (denied.length > 0) problems.push(`denied: ${denied[0]}`);
    const expected = converged.reduce((n, c) => n + c.expected, 0);
    if (lat.length < expected) problems.push(`${expected - lat.length} of ${expected} latency samples missing`);
    const elapsed = measured[0]!.elapsedMs / 1000;
    const record: BenchRecord = {
      ...base,
      p50: round(percentile(lat, 0.5)),
      p99: windowed.p99,
      p999: round(percentile(lat, 0.999)),
      framesPerSec: Math.round(measured.reduce((n, m) => n + m.framesReceived / (m.elapsedMs / 1000), 0)),
      updatesPerSec: round(sent / elapsed, 1),
      cpuPercent: round(nodeCpu.reduce((a, b) => a + b, 0), 1),
      rssMB: round(peakRss.reduce((a, b) => a + b, 0), 1),
      valid: problems.length === 0,
      note: [`${nodeCount} node(s): CPU ${nodeCpu.map((c) => c.toFixed(0)).join('/')} % of a core, RSS ${peakRss.map((r) => r.toFixed(0)).join('/')} MB (sums in the columns, which leave out PostgreSQL: ${postgresCpu ?? '–'} %, and Redis: ${redisCpu ?? '–'} %); the machine ${machine ?? '–'} % busy over its ${os.cpus().length} cores${machine !== null && machine >= 90 ? ' (saturated: the nodes share it with PostgreSQL, Redis and the generators)' : ''}`, ...problems].join('; '),
      outlying: windowed.outlying,
      generatorCpu: genCpu.map((c) => round(c, 1)!),
      extra: { ...base.extra, latencySamples: lat.length, expectedSamples: expected, nodeCpu: nodeCpu.map((c) => c.toFixed(1)).join('/'), postgresCpu, redisCpu, machineBusy: machine, p99AllSamples: round(percentile(lat, 0.99)), windowP99: windowed.windows.join(' / ') },
    };
    log(`  7-cluster nodes=${nodeCount} offered=${base.extra?.offered} upd/s n=${sizes.participants} negotiations=${sizes.negotiations} upd/s=${record.updatesPerSec} p50=${record.p50} p99=${record.p99} p99.9=${record.p999} frames/s=${record.framesPerSec} node cpu=${nodeCpu.map((c) => c.toFixed(0)).join('/')}% postgres=${postgresCpu}% redis=${redisCpu}% machine=${machine}% gen max=${Math.max(...genCpu).toFixed(0)}%${record.valid ? '' : ` INVALID: ${problems.join('; ')}`}`);
    return { record, latencies: converged.flatMap((c) => c.latencies), sentAt: converged.flatMap((c) => c.sentAt) };
  } catch (error) {
    const note = `failed: ${(error as Error).message}`;
    log(`  7-cluster nodes=${nodeCount}: ${note}`);
    return { record: { ...base, note }, latencies: [], sentAt: [] };
  } finally {
    await Promise.all(generators.map((g) => g.close()));
    await Promise.all(nodes.map((n) => n.stop()));
    await data.close().catch(() => undefined);
  }
}
