import * as Y from 'yjs';
import { createNegotiation } from '../shared/model/create-negotiation';
import { documentName } from '../shared/protocol/document-names';
import { editStoredTable, inviteDelegation, openPostgres, type PostgresData } from '../sync-server';
import { services, TestPostgres, TestRedis } from '../testing/local-services';
import type { ConvergeResult, GeneratorConfig, MeasureResult } from './generator';
import { addParagraphs, rng } from './negotiation-data';
import { cpuSeconds, GeneratorProcess, rssMB, startClusterNode, type BenchServer } from './processes';
import { percentile, type BenchRecord } from './run-point';

/** Sizes of the cluster scenario (issue 9): participants spread over negotiations, negotiations' clients spread over the nodes. */
export interface ClusterSizes {
  nodes: number[];
  negotiations: number;
  participants: number;
  /** Writers in each negotiation. */
  writersPerNegotiation: number;
  rate: number;
  probesPerNegotiation: number;
  paragraphs: number;
  durationMs: number;
  warmupMs: number;
  /** Generator processes; negotiations are dealt round-robin. */
  generators: number;
}

export const CLUSTER_FULL: ClusterSizes = { nodes: [1, 2, 3], negotiations: 20, participants: 600, writersPerNegotiation: 10, rate: 5, probesPerNegotiation: 2, paragraphs: 40, durationMs: 10_000, warmupMs: 2_000, generators: 4 };
export const CLUSTER_QUICK: ClusterSizes = { nodes: [1, 3], negotiations: 4, participants: 120, writersPerNegotiation: 5, rate: 5, probesPerNegotiation: 2, paragraphs: 20, durationMs: 2_500, warmupMs: 1_000, generators: 2 };

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
  const base = (nodes: number): BenchRecord => ({ scenario: '7-cluster', server: `penholder × ${nodes} node${nodes === 1 ? '' : 's'}`, n: sizes.participants, writers: sizes.writersPerNegotiation * sizes.negotiations, rate: sizes.rate, p50: null, p99: null, p999: null, framesPerSec: null, updatesPerSec: null, cpuPercent: null, rssMB: null, valid: false, note: '', extra: { nodes, negotiations: sizes.negotiations } });
  if (!services.available) {
    log(`  7-cluster skipped: ${services.reason}`);
    return sizes.nodes.map((n) => ({ ...base(n), note: `not run: ${services.reason}` }));
  }
  const postgres = await TestPostgres.start();
  const redis = await TestRedis.start();
  try {
    for (const nodeCount of sizes.nodes) records.push(await clusterPoint(postgres, redis, nodeCount, sizes, base(nodeCount), log));
  } finally {
    await redis.destroy();
    await postgres.destroy();
  }
  return records;
}

async function clusterPoint(postgres: TestPostgres, redis: TestRedis, nodeCount: number, sizes: ClusterSizes, base: BenchRecord, log: (line: string) => void): Promise<BenchRecord> {
  const url = await postgres.createDatabase();
  const data = await openPostgres(url);
  const nodes: BenchServer[] = [];
  const generators: GeneratorProcess[] = [];
  try {
    const seeded = await seedNegotiations(data, sizes.negotiations, sizes.paragraphs);
    await data.close();
    for (let i = 0; i < nodeCount; i++) nodes.push(await startClusterNode(url, redis.url));
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
        rate: sizes.rate,
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
    const t0 = performance.now();
    const measured = await measuring;
    const seconds = (performance.now() - t0) / 1000;
    const nodeCpu = pids.map((p, i) => ((cpuSeconds(p) - cpu0[i]!) / seconds) * 100);
    clearInterval(sampler);
    const converged = await Promise.all(generators.map((g) => g.call<ConvergeResult>('converge', { timeoutMs: 20_000 })));
    const lat = converged.flatMap((c) => c.latencies).sort((a, b) => a - b);
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
      p99: round(percentile(lat, 0.99)),
      p999: round(percentile(lat, 0.999)),
      framesPerSec: Math.round(measured.reduce((n, m) => n + m.framesReceived / (m.elapsedMs / 1000), 0)),
      updatesPerSec: round(sent / elapsed, 1),
      cpuPercent: round(nodeCpu.reduce((a, b) => a + b, 0), 1),
      rssMB: round(peakRss.reduce((a, b) => a + b, 0), 1),
      valid: problems.length === 0,
      note: [`${nodeCount} node(s): CPU ${nodeCpu.map((c) => c.toFixed(0)).join('/')} % of a core, RSS ${peakRss.map((r) => r.toFixed(0)).join('/')} MB (sums in the columns; PostgreSQL and Redis not included)`, ...problems].join('; '),
      generatorCpu: genCpu.map((c) => round(c, 1)!),
      extra: { ...base.extra, latencySamples: lat.length, expectedSamples: expected, nodeCpu: nodeCpu.map((c) => c.toFixed(1)).join('/') },
    };
    log(`  7-cluster nodes=${nodeCount} n=${sizes.participants} negotiations=${sizes.negotiations} upd/s=${record.updatesPerSec} p50=${record.p50} p99=${record.p99} p99.9=${record.p999} frames/s=${record.framesPerSec} node cpu=${nodeCpu.map((c) => c.toFixed(0)).join('/')}% gen max=${Math.max(...genCpu).toFixed(0)}%${record.valid ? '' : ` INVALID: ${problems.join('; ')}`}`);
    return record;
  } catch (error) {
    const note = `failed: ${(error as Error).message}`;
    log(`  7-cluster nodes=${nodeCount}: ${note}`);
    return { ...base, note };
  } finally {
    await Promise.all(generators.map((g) => g.close()));
    await Promise.all(nodes.map((n) => n.stop()));
    await data.close().catch(() => undefined);
  }
}
