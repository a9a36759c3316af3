import fs from 'node:fs';
import * as Y from 'yjs';
import type { LargeNegotiation } from './negotiation-data';
import { rssMB, startBenchServer } from './processes';
import { decodeServerMessage, syncStep1 } from './protocol';
import { RawSocket } from './raw-socket';
import type { BenchRecord } from './run-point';

/** Connects to one document and resolves with the milliseconds until its sync step 2 is applied. */
async function firstSync(wsUrl: string, name: string, token: string): Promise<{ ms: number; socket: RawSocket }> {
  const t0 = performance.now();
  const doc = new Y.Doc();
  let done: (ms: number) => void = () => undefined;
  const synced = new Promise<number>((resolve) => (done = resolve));
  const socket = await RawSocket.connect(`${wsUrl}/${name}?token=${encodeURIComponent(token)}`, (data) => {
    const m = decodeServerMessage(data);
    if (m.kind === 'sync' && m.sub === 1) {
      Y.applyUpdate(doc, m.payload);
      done(performance.now() - t0);
    }
  });
  socket.send(syncStep1(Y.encodeStateVector(doc)));
  const ms = await Promise.race([synced, new Promise<number>((_, reject) => setTimeout(() => reject(new Error(`no sync of ${name} within 30 s`)), 30_000))]);
  return { ms, socket };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * (4) Cold load: a fresh Penholder process over the large negotiation's store; a delegate opens the
 * table (time to first sync of the table) and every delegation document (time until all are synced).
 * Three cold starts; the median is reported, RSS is the server's after the loads.
 */
export async function coldLoad(large: LargeNegotiation, log: (line: string) => void, cpuProfileDir?: string): Promise<BenchRecord> {
  const table: number[] = [];
  const all: number[] = [];
  const rss: number[] = [];
  const startup: number[] = [];
  for (let run = 0; run < 3; run++) {
    const dir = `${large.dir}-cold`;
    fs.rmSync(dir, { recursive: true, force: true });
    fs.cpSync(large.dir, dir, { recursive: true });
    const s0 = performance.now();
    const server = await startBenchServer('penholder', dir, { cpuProfileDir });
    startup.push(performance.now() - s0);
    try {
      const t = await firstSync(server.wsUrl, large.docName, large.delegationToken);
      table.push(t.ms);
      const t0 = performance.now();
      const others = await Promise.all(large.documents.filter((d) => d !== large.docName).map((d) => firstSync(server.wsUrl, d, large.delegationToken)));
      all.push(t.ms + (performance.now() - t0));
      await new Promise((r) => setTimeout(r, 200));
      rss.push(rssMB(server.pid));
      for (const o of [t, ...others]) o.socket.close();
    } finally {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const record: BenchRecord = {
    scenario: '4-cold-load',
    server: 'penholder',
    n: 1,
    writers: 0,
    rate: 0,
    p50: Math.round(median(table) * 10) / 10,
    p99: null,
    p999: null,
    framesPerSec: null,
    updatesPerSec: null,
    cpuPercent: null,
    rssMB: Math.round(median(rss) * 10) / 10,
    valid: true,
    note: `p50 = median time to first sync of the table over 3 cold starts (${table.map((x) => x.toFixed(0)).join(', ')} ms); all ${large.documents.length} documents synced in ${median(all).toFixed(0)} ms; ${large.paragraphs} paragraphs, ${large.proposals} proposals, ${large.historyUpdates} updates of history in ${large.storedRows} stored rows; server start (spawn to listening, including the compaction of uncompacted logs at startup) ${median(startup).toFixed(0)} ms median`,
    extra: { firstSyncTableMs: median(table), firstSyncAllMs: median(all), documents: large.documents.length, paragraphs: large.paragraphs, proposals: large.proposals, historyUpdates: large.historyUpdates, storedRows: large.storedRows, startupMs: Math.round(median(startup)) },
  };
  log(`  4-cold-load penholder table first sync ${record.p50} ms (runs ${table.map((x) => x.toFixed(0)).join('/')}), all documents ${median(all).toFixed(0)} ms, RSS ${record.rssMB} MB`);
  return record;
}
