import fs from 'node:fs';
import * as Y from 'yjs';
import { addDelegation, createNegotiation } from '../shared/model/create-negotiation';
import { documentName } from '../shared/protocol/document-names';
import { openDataDir } from '../sync-server';
import { benchDataDir } from './negotiation-data';
import { cpuSeconds, rssMB, startBenchServer } from './processes';
import { roomClient, perDocumentClient, type BenchClient, type Tracked } from './room-clients';
import { percentile, type BenchRecord } from './run-point';

/** "The room" (issue 12): a negotiation of 193 delegations, everyone connected, a few delegations proposing. */
export interface RoomSizes {
  participants: number;
  delegations: number;
  /** Delegations that submit a proposal every `intervalMs` each. */
  writers: number;
  intervalMs: number;
  durationMs: number;
  /** The participants of the baseline (one socket per document: N × 195 sockets, so fewer). */
  baselineParticipants: number;
  /**
   * The two designs at the baseline's N are measured this many rounds each, alternated (room, per document,
   * per document, room…), for `baselineDurationMs` each; their receipts are pooled. One round of 30 s gave
   * 240 receipts a design, whose p99 is about its third-worst: the verdict changed from run to run.
   */
  baselineRounds: number;
  baselineDurationMs: number;
}

/** Needs 2 co-facilitators, 2 delegation probes and the writers among the participants. */
export const ROOM_FULL: RoomSizes = { participants: 600, delegations: 193, writers: 20, intervalMs: 10_000, durationMs: 30_000, baselineParticipants: 40, baselineRounds: 2, baselineDurationMs: 60_000 };
export const ROOM_QUICK: RoomSizes = { participants: 150, delegations: 193, writers: 20, intervalMs: 10_000, durationMs: 20_000, baselineParticipants: 30, baselineRounds: 1, baselineDurationMs: 20_000 };

type Design = 'room' | 'per-document';

interface Seeded {
  dir: string;
  negotiationId: string;
  delegationIds: string[];
  /** Participant i's token and delegation (null: a co-facilitator). */
  participants: { token: string; delegationId: string | null }[];
}

/** A negotiation with `delegations` delegations on the roster, two co-facilitators and one invitation per other participant. */
async function seed(sizes: RoomSizes, participants: number, name: string): Promise<Seeded> {
  const dir = benchDataDir(name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const negotiation = createNegotiation({ id: 'room', title: 'Political declaration (the room benchmark)', form: 'declaration' });
  const cofac = { role: 'cofacilitator' as const, delegationId: null };
  const delegationIds = Array.from({ length: sizes.delegations }, (_, i) => addDelegation(negotiation, cofac, { name: `Member State ${i + 1}` }).id);
  const data = openDataDir(dir);
  try {
    await data.store.appendUpdate(documentName(negotiation.id, { kind: 'table' }), Y.encodeStateAsUpdate(negotiation.table.doc));
    const people: Seeded['participants'] = [];
    for (let i = 0; i < participants; i++) {
      const delegationId = i < 2 ? null : delegationIds[(i - 2) % delegationIds.length]!;
      const delegation = delegationId ? { id: delegationId, name: negotiation.table.delegation(delegationId)!.name } : null;
      const { token } = await data.invitations.create({ negotiationId: negotiation.id, role: delegationId ? 'delegation' : 'cofacilitator', delegation, name: delegation ? null : `Co-facilitator ${i + 1}` });
      people.push({ token, delegationId });
    }
    return { dir, negotiationId: negotiation.id, delegationIds, participants: people };
  } finally {
    await data.close();
  }
}

const round = (x: number | null, digits = 1): number | null => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

/** The room on the room protocol at N, on the room protocol at the baseline's N, and the baseline (per-document sockets). */
export async function roomScenario(sizes: RoomSizes, log: (line: string) => void): Promise<BenchRecord[]> {
  const top = await roomPoint(sizes, sizes.participants, sizes.durationMs, 'room', log);
  const rounds: Record<Design, Measured[]> = { room: [], 'per-document': [] };
  for (let round = 0; round < sizes.baselineRounds; round++) {
    const order: Design[] = round % 2 === 0 ? ['room', 'per-document'] : ['per-document', 'room'];
    for (const design of order) rounds[design].push(await roomPoint(sizes, sizes.baselineParticipants, sizes.baselineDurationMs, design, log));
  }
  return [top.record, pooled(rounds.room), pooled(rounds['per-document'])];
}

/** A point's record and the receipts its figures were computed from. */
interface Measured {
  record: BenchRecord;
  cofacilitator: number[];
  delegation: number[];
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** One record for rounds of the same point: percentiles over every round's receipts, RSS and load their medians. */
function pooled(rounds: Measured[]): BenchRecord {
  if (rounds.length === 1) return rounds[0]!.record;
  const cof = rounds.flatMap((r) => r.cofacilitator).sort((a, b) => a - b);
  const del = rounds.flatMap((r) => r.delegation).sort((a, b) => a - b);
  const all = [...cof, ...del].sort((a, b) => a - b);
  const records = rounds.map((r) => r.record);
  const numbers = (pick: (r: BenchRecord) => unknown): number[] => records.map(pick).filter((x): x is number => typeof x === 'number');
  const first = records[0]!;
  return {
    ...first,
    p50: round(percentile(all, 0.5)),
    p99: round(percentile(all, 0.99)),
    p999: round(percentile(all, 0.999)),
    updatesPerSec: round(median(numbers((r) => r.updatesPerSec))),
    cpuPercent: round(median(numbers((r) => r.cpuPercent))),
    rssMB: round(median(numbers((r) => r.rssMB)), 0),
    valid: records.every((r) => r.valid),
    note: `${rounds.length} rounds alternated with the other design, receipts pooled (${all.length}); each round's p99: ${records.map((r) => r.p99).join(', ')} ms; ${records.map((r) => r.note).join('; ')}`,
    extra: {
      ...first.extra,
      cofacilitatorP50: round(percentile(cof, 0.5)),
      cofacilitatorP99: round(percentile(cof, 0.99)),
      delegationP50: round(percentile(del, 0.5)),
      delegationP99: round(percentile(del, 0.99)),
      initialLoadS: round(median(numbers((r) => r.extra?.initialLoadS))),
      initialLoadCpuS: round(median(numbers((r) => r.extra?.initialLoadCpuS))),
    },
  };
}

async function roomPoint(sizes: RoomSizes, n: number, durationMs: number, design: Design, log: (line: string) => void): Promise<Measured> {
  const record: BenchRecord = { scenario: '8-room', server: design === 'room' ? 'penholder (one socket)' : 'penholder (socket per document)', n, writers: sizes.writers, rate: sizes.writers / (sizes.intervalMs / 1000), p50: null, p99: null, p999: null, framesPerSec: null, updatesPerSec: null, cpuPercent: null, rssMB: null, valid: false, note: '', extra: {} };
  const latency = { cofacilitator: [] as number[], delegation: [] as number[] };
  const seeded = await seed(sizes, n, `room-${design}-${n}`);
  // Every simulated participant connects from 127.0.0.1; a socket per document needs 195 of them each.
  const server = await startBenchServer('penholder', seeded.dir, { env: { BENCH_MAX_CONNECTIONS_PER_ADDRESS: String(n * (sizes.delegations + 2) + 100) } });
  const clients: BenchClient[] = [];
  const timers: ReturnType<typeof setTimeout>[] = [];
  try {
    const table = documentName(seeded.negotiationId, { kind: 'table' });
    const delegationDocs = seeded.delegationIds.map((delegationId) => documentName(seeded.negotiationId, { kind: 'delegation', delegationId }));
    const documentsOf = (delegationId: string | null) => [table, ...delegationDocs, ...(delegationId ? [documentName(seeded.negotiationId, { kind: 'private', delegationId })] : [])];
    // Probes: the two co-facilitators and two delegations watch every delegation document; writers keep their own.
    const sentAt = new Map<string, number>();
    const watch = (kind: 'cofacilitator' | 'delegation'): Tracked => {
      const docs = new Map<string, Y.Doc>();
      for (const name of delegationDocs) {
        const doc = new Y.Doc();
        doc.getMap('proposals').observe((event) => {
          for (const key of event.keysChanged) {
            const sent = sentAt.get(key);
            if (sent !== undefined) latency[kind].push(performance.now() - sent);
          }
        });
        docs.set(name, doc);
      }
      return { docs };
    };
    // Participants 2 and 3 are the delegation probes (delegations 1 and 2); the next `writers` participants write.
    const probeDelegations = new Set(seeded.delegationIds.slice(0, 2));
    const writerIds = new Set(seeded.delegationIds.slice(2, 2 + sizes.writers));
    const writers: { doc: Y.Doc; client: BenchClient; name: string }[] = [];
    const connectStarted = performance.now();
    const cpuBefore = cpuSeconds(server.pid);
    // Connect in waves, as people arrive, without drowning the loopback.
    const wave = design === 'room' ? 25 : 1;
    for (let i = 0; i < seeded.participants.length; i += wave) {
      await Promise.all(
        seeded.participants.slice(i, i + wave).map(async (p, k) => {
          const index = i + k;
          const first = index < 2 + seeded.delegationIds.length;
          const isWriter = first && p.delegationId !== null && writerIds.has(p.delegationId);
          const probe = index < 2 ? watch('cofacilitator') : first && p.delegationId && probeDelegations.has(p.delegationId) ? watch('delegation') : { docs: new Map<string, Y.Doc>() };
          const own = p.delegationId ? documentName(seeded.negotiationId, { kind: 'delegation', delegationId: p.delegationId }) : null;
          if (isWriter && own && !probe.docs.has(own)) probe.docs.set(own, new Y.Doc());
          const documents = documentsOf(p.delegationId);
          const client = design === 'room' ? await roomClient(server.wsUrl, seeded.negotiationId, p.token, documents, probe) : await perDocumentClient(server.wsUrl, p.token, documents, probe);
          clients.push(client);
          if (isWriter && own) writers.push({ doc: probe.docs.get(own)!, client, name: own });
        }),
      );
    }
    const deadline = Date.now() + 180_000;
    while (!clients.every((c) => c.synced.size >= 1 + delegationDocs.length)) {
      if (Date.now() > deadline) throw new Error(`not every client synced its ${1 + delegationDocs.length} documents within 180 s`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const loadMs = performance.now() - connectStarted;
    const loadCpu = cpuSeconds(server.pid) - cpuBefore;
    log(`  ${design} N=${n}: ${clients.reduce((s, c) => s + c.sockets.length, 0)} sockets, everyone synced in ${(loadMs / 1000).toFixed(1)} s`);
    // Each writer submits a proposal every intervalMs, staggered over the interval.
    const started = performance.now();
    const cpuStart = cpuSeconds(server.pid);
    let sent = 0;
    writers.forEach((w, i) => {
      const submit = (): void => {
        if (performance.now() - started > durationMs) return;
        const id = `${w.name}#${sent++}`;
        const before = Y.encodeStateVector(w.doc);
        sentAt.set(id, performance.now());
        w.doc.getMap('proposals').set(id, { kind: 'insert', paragraphId: 'p1', text: 'and girls', createdAt: new Date().toISOString() });
        w.client.send(w.name, Y.encodeStateAsUpdate(w.doc, before));
        timers.push(setTimeout(submit, sizes.intervalMs));
      };
      timers.push(setTimeout(submit, (i * sizes.intervalMs) / writers.length));
    });
    await new Promise((r) => setTimeout(r, durationMs));
    const cpuEnd = cpuSeconds(server.pid);
    // Let the last proposals arrive.
    const probesCount = { cofacilitator: 2, delegation: 2 };
    const drain = Date.now() + 10_000;
    while ((latency.cofacilitator.length < sent * probesCount.cofacilitator || latency.delegation.length < sent * probesCount.delegation) && Date.now() < drain) await new Promise((r) => setTimeout(r, 50));
    const cof = [...latency.cofacilitator].sort((a, b) => a - b);
    const del = [...latency.delegation].sort((a, b) => a - b);
    const all = [...cof, ...del].sort((a, b) => a - b);
    Object.assign(record, {
      p50: round(percentile(all, 0.5)),
      p99: round(percentile(all, 0.99)),
      p999: round(percentile(all, 0.999)),
      updatesPerSec: round(sent / (durationMs / 1000), 2),
      cpuPercent: round(((cpuEnd - cpuStart) / (durationMs / 1000)) * 100),
      rssMB: round(rssMB(server.pid), 0),
      valid: cof.length >= sent * probesCount.cofacilitator && del.length >= sent * probesCount.delegation && sent > 0,
      note: `${sent} proposals; received by co-facilitators ${cof.length}/${sent * probesCount.cofacilitator}, by delegations ${del.length}/${sent * probesCount.delegation}`,
      extra: {
        cofacilitatorP50: round(percentile(cof, 0.5)),
        cofacilitatorP99: round(percentile(cof, 0.99)),
        delegationP50: round(percentile(del, 0.5)),
        delegationP99: round(percentile(del, 0.99)),
        socketsPerClient: round(clients.reduce((s, c) => s + c.sockets.length, 0) / clients.length, 0),
        initialLoadS: round(loadMs / 1000, 1),
        initialLoadCpuS: round(loadCpu, 1),
      },
    });
    log(`  ${design} N=${n}: co-facilitators p50 ${record.extra!.cofacilitatorP50} / p99 ${record.extra!.cofacilitatorP99} ms, delegations p50 ${record.extra!.delegationP50} / p99 ${record.extra!.delegationP99} ms; server ${record.cpuPercent} % CPU, ${record.rssMB} MB`);
  } catch (error) {
    record.note = `failed: ${(error as Error).message}`;
    log(`  ${design} N=${n} failed: ${(error as Error).message}`);
  } finally {
    for (const t of timers) clearTimeout(t);
    for (const c of clients) c.close();
    await server.stop();
    fs.rmSync(seeded.dir, { recursive: true, force: true });
  }
  return { record, ...latency };
}

/** Scenario 8's part of docs/benchmarks.md. */
export function roomSection(records: BenchRecord[]): string[] {
  const room = records.filter((r) => r.scenario === '8-room');
  if (room.length === 0) return [];
  const f = (x: unknown) => (x === null || x === undefined ? '–' : String(x));
  const out = [
    '### (8) The room (issue 12): 193 delegation documents, everyone connected, 20 delegations proposing every 10 s',
    '',
    'Each participant holds the table and all 193 delegation documents (and its own private one); latency is from a delegation\'s send of a proposal to its receipt by each of the two co-facilitators and by two other delegations. "One socket" is the room protocol; "socket per document" the plain one, as the app used it before (195 sockets per client), hence its smaller N. At that N the two designs run in rounds, alternated, and each one\'s receipts are pooled (each round\'s p99 is in the raw records).',
    '',
    '| design | N | sockets per client | co-facilitators p50 / p99 ms | delegations p50 / p99 ms | initial load s (server CPU s) | server CPU % | RSS MB | valid |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const r of room) {
    const e = r.extra ?? {};
    out.push(`| ${r.server} | ${r.n} | ${f(e.socketsPerClient)} | ${f(e.cofacilitatorP50)} / ${f(e.cofacilitatorP99)} | ${f(e.delegationP50)} / ${f(e.delegationP99)} | ${f(e.initialLoadS)} (${f(e.initialLoadCpuS)}) | ${f(r.cpuPercent)} | ${f(r.rssMB)} | ${r.valid ? 'yes' : `**no**: ${r.note}`} |`);
  }
  out.push('');
  return out;
}
