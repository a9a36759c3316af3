import fs from 'node:fs';
import { roomSection } from './room-scenario';
import { hostileSection } from './hostile-scenario';
import type { BenchRecord } from './run-point';

export const BEGIN = '<!-- BEGIN: written by `npm run bench`; edit outside these markers only -->';
export const END = '<!-- END: written by `npm run bench` -->';

export interface Machine {
  cpu: string;
  cores: number;
  loadAverageAtStart: number[];
  memoryGB: number;
  node: string;
  platform: string;
}

export interface Target {
  target: string;
  met: boolean | null;
  detail: string;
}

export interface RunResult {
  machine: Machine;
  mode: string;
  startedAt: string;
  durationS: number;
  targets: Target[];
  records: BenchRecord[];
  knees: Record<string, { knee: number | null; limitedBy: string }>;
  profiles: { title: string; record: string; top: string[] }[];
}

const f = (x: number | null | undefined, d = 1) => (x === null || x === undefined ? '–' : x.toFixed(d));
const ratio = (a: number | null | undefined, b: number | null | undefined) => (a != null && b != null && b !== 0 ? (a / b < 0.01 ? (a / b).toPrecision(1) : (a / b).toFixed(2)) : '–');
const STOCK = ['y-websocket@1.5.4', '@y/websocket-server@0.1.1'];

function table(rows: BenchRecord[], columns: [string, (r: BenchRecord) => string][]): string[] {
  return [`| ${columns.map((c) => c[0]).join(' | ')} |`, `|${columns.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${columns.map((c) => c[1](r).replace(/\|/g, '/')).join(' | ')} |`)];
}

const latencyColumns: [string, (r: BenchRecord) => string][] = [
  ['N', (r) => String(r.n)],
  ['server', (r) => r.server],
  ['writers × rate', (r) => `${r.writers} × ${r.rate}`],
  ['p50 ms', (r) => f(r.p50, 2)],
  ['p99 ms', (r) => f(r.p99, 2)],
  ['p99.9 ms', (r) => f(r.p999, 2)],
  ['frames/s', (r) => f(r.framesPerSec, 0)],
  ['updates/s', (r) => f(r.updatesPerSec, 1)],
  ['server CPU %', (r) => f(r.cpuPercent)],
  ['RSS MB', (r) => f(r.rssMB)],
  ['valid', (r) => (r.valid ? 'yes' : `**no**: ${r.note}`)],
];

/** The generated part of docs/benchmarks.md. */
export function generatedSection(run: RunResult): string {
  const { machine, records } = run;
  const out: string[] = [];
  const by = (scenario: string) => records.filter((r) => r.scenario === scenario);
  out.push(`## Latest run: ${run.mode}, ${run.startedAt.slice(0, 16).replace('T', ' ')} UTC, ${Math.round(run.durationS / 60)} min`, '');
  out.push(`Machine: ${machine.cores} × ${machine.cpu}, ${machine.memoryGB} GB, Node ${machine.node}, ${machine.platform}; load average at start ${machine.loadAverageAtStart.join(' / ')} (1 / 5 / 15 min).`);
  out.push('Everything on loopback; Penholder with its rights checks and its durable SQLite store (WAL, synchronous=FULL, data on the real disk); the stock servers keep nothing. Raw records: `bench-results/latest.json`; chart of p99 against N: `bench-results/latency.svg`.', '');
  if (run.mode !== 'full') out.push('**A quick run (reduced sizes): the figures show that the harness works, not what the servers do at the issue\'s sizes.**', '');

  const fan = by('1-fan-out');
  if (fan.length > 0) {
    out.push('### (1) Fan-out: N participants, 10 writers × 5 updates/s', '', ...table(fan, latencyColumns), '');
    out.push('Ratios Penholder / stock (below 1: Penholder better):', '');
    out.push('| N | vs | p50 | p99 | p99.9 | server CPU | RSS |', '|---:|---|---:|---:|---:|---:|---:|');
    for (const n of [...new Set(fan.map((r) => r.n))]) {
      const p = fan.find((r) => r.n === n && r.server === 'penholder');
      for (const s of STOCK) {
        const q = fan.find((r) => r.n === n && r.server === s);
        if (p && q) out.push(`| ${n} | ${s} | ${ratio(p.p50, q.p50)} | ${ratio(p.p99, q.p99)} | ${ratio(p.p999, q.p999)} | ${ratio(p.cpuPercent, q.cpuPercent)} | ${ratio(p.rssMB, q.rssMB)} |${p.valid && q.valid ? '' : ' (a run was invalid)'}`);
      }
    }
    out.push('');
  }
  const knee = records.filter((r) => r.scenario === '2-knee' || r.scenario === '5-durability');
  if (knee.length > 0) {
    out.push('### (2) The knee and (5) durability: writers at 10 updates/s ramped until p99 > 50 ms', '', ...table(knee, [['scenario', (r) => r.scenario] as [string, (r: BenchRecord) => string], ...latencyColumns]), '');
    out.push('| server | knee (updates/s) | what ended the ramp |', '|---|---:|---|');
    for (const [server, k] of Object.entries(run.knees)) out.push(`| ${server} | ${k.knee ?? '–'} | ${k.limitedBy} |`);
    const p = run.knees.penholder?.knee;
    for (const s of STOCK) if (run.knees[s]) out.push('', `Knee ratio Penholder / ${s}: ${ratio(p, run.knees[s]!.knee)}.`);
    out.push('');
  }
  const idle = by('3-idle-presence');
  if (idle.length > 0) {
    out.push('### (3) Idle presence: awareness only, a heartbeat per client every 15 s', '', ...table(idle, latencyColumns.filter((c) => !/p50|p99|writers|updates/.test(c[0]))), '');
    out.push('| N | Penholder CPU / ' + STOCK.join(' CPU | Penholder CPU / ') + ' CPU |', '|---:|---:|---:|');
    for (const n of [...new Set(idle.map((r) => r.n))]) {
      const p = idle.find((r) => r.n === n && r.server === 'penholder');
      out.push(`| ${n} | ${STOCK.map((s) => ratio(p?.cpuPercent, idle.find((r) => r.n === n && r.server === s)?.cpuPercent)).join(' | ')} |`);
    }
    out.push('');
  }
  for (const r of by('4-cold-load')) out.push('### (4) Cold load of a large negotiation (Penholder only; the stock servers keep nothing)', '', `Time to first sync of the table: **${f(r.p50, 0)} ms** (median), server RSS **${f(r.rssMB)} MB**. ${r.note}.`, '');
  for (const r of by('6-renderer')) out.push('### (6) The renderer in Chromium', '', r.valid ? `Keystroke to paint at a fast typist's cadence p50 **${r.extra?.humanP50 ?? '–'} ms**, p95 **${r.extra?.humanP95 ?? '–'} ms**; in a burst (display-bound) p50 **${r.extra?.keystrokeP50 ?? '–'} ms**, p95 **${r.extra?.keystrokeP95 ?? '–'} ms**; first render **${r.extra?.firstRenderMs ?? '–'} ms**. ${r.note}` : `Not measured: ${r.note}`, '');
  const cluster = by('7-cluster');
  if (cluster.length > 0) {
    out.push('### (7) Several nodes (issue 9): participants over negotiations, each negotiation\'s clients spread over the nodes', '');
    const c0 = cluster[0]!;
    const loads = [...new Set(cluster.map((r) => r.extra?.offered as number))];
    const rounds = c0.extra?.roundP99 === undefined ? 1 : String(c0.extra.roundP99).split(' / ').length;
    out.push(`${c0.n} participants over ${c0.extra?.negotiations} negotiations, ${c0.writers} writers in all, at ${loads.join(', ')} updates/s; PostgreSQL and Redis from Debian's binaries on loopback; a few generator processes holding several negotiations each. Latency is from a writer's send to a probe's receipt; with several nodes a negotiation's clients go round-robin over them, so most updates reach a probe through another node (committed to PostgreSQL there, carried by Redis). Each load is measured in ${rounds} round(s), the node counts in order then in the reverse order, so that one node and three meet the machine's load alike; p99 is the median of the p99 of all the rounds' windows (each round's p99 in the last column). Server CPU and RSS are the nodes' sums; PostgreSQL's (its processes) and Redis' CPU are in the second table, with what an update costs the three together; the note says how busy the whole machine was.`, '');
    out.push(...table(cluster, latencyColumns), '');
    out.push('| updates/s offered | nodes | p50 vs 1 node | p99 vs 1 node | updates/s sustained | node CPU (sum) | PostgreSQL CPU | Redis CPU | CPU per update (all three) | machine busy | p99 of each round (machine busy) |', '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
    for (const offered of loads) {
      const atLoad = cluster.filter((r) => r.extra?.offered === offered);
      const one = atLoad.find((r) => r.extra?.nodes === 1);
      for (const r of atLoad) {
        const busy = String(r.extra?.roundMachineBusy ?? r.extra?.machineBusy ?? '–').split(' / ');
        const perRound = String(r.extra?.roundP99 ?? r.p99 ?? '–').split(' / ').map((p, i) => `${p} ms (${busy[i] ?? '–'} %)`).join(', ');
        const pg = typeof r.extra?.postgresCpu === 'number' ? r.extra.postgresCpu : null;
        const redis = typeof r.extra?.redisCpu === 'number' ? r.extra.redisCpu : null;
        // What an update costs the nodes, PostgreSQL and Redis together, in µs of CPU.
        const perUpdate = r.cpuPercent !== null && pg !== null && redis !== null && r.updatesPerSec ? `${f(((r.cpuPercent + pg + redis) / 100) * (1e6 / r.updatesPerSec), 0)} µs` : '–';
        out.push(`| ${offered} | ${r.extra?.nodes} | ${ratio(r.p50, one?.p50)} | ${ratio(r.p99, one?.p99)} | ${f(r.updatesPerSec, 1)} | ${f(r.cpuPercent)} % | ${pg === null ? '–' : `${f(pg)} %`} | ${redis === null ? '–' : `${f(redis)} %`} | ${perUpdate} | ${r.extra?.machineBusy ?? '–'} % | ${perRound} |`);
      }
    }
    out.push('');
    const single = fan.find((r) => r.server === 'penholder' && r.n === Math.max(...fan.map((x) => x.n)));
    if (single) out.push(`Beside the single-node, single-document figure of (1): N=${single.n}, p50 ${f(single.p50, 2)} ms, p99 ${f(single.p99, 2)} ms at ${f(single.updatesPerSec, 1)} updates/s.`, '');
  }
  out.push(...roomSection(records));
  out.push(...hostileSection(records));
  out.push('### Targets', '', '| target | met | by how much |', '|---|---|---|');
  for (const t of run.targets) out.push(`| ${t.target} | ${t.met === null ? 'not measured' : t.met ? 'yes' : '**missed**'} | ${t.detail.replace(/\|/g, '/')} |`);
  out.push('');
  if (run.profiles.length > 0) {
    out.push('### What limits the misses: profiles taken in this run (`bench/profile.ts`)', '');
    for (const p of run.profiles) out.push(`**${p.title}** (${p.record}); where the server process spent its busy time over its life, setup included:`, '', '```', ...p.top, '```', '');
  } else if (run.mode !== 'full') out.push('Profiles of the misses are taken in the full run only.', '');
  return out.join('\n');
}

/** Replaces the generated part of the document, keeping what was written around it (or the template when the file is new). */
export function writeDocs(file: string, section: string, template: string): void {
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : template;
  const start = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  const text = start >= 0 && end > start ? `${current.slice(0, start)}${BEGIN}\n\n${section}\n${current.slice(end)}` : `${current.trimEnd()}\n\n${BEGIN}\n\n${section}\n${END}\n`;
  fs.writeFileSync(file, text);
}
