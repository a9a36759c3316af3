/**
 * `npm run bench [-- --quick] [-- --only=1,2,…]`: Penholder against the stock Yjs servers and a plain
 * relay, on this machine, in one run, Penholder on 1–3 nodes over PostgreSQL and Redis (7), and a room
 * next to a hostile neighbour (9). Writes
 * bench-results/latest.json (and a timestamped copy), bench-results/latency.svg (p99 against N), prints
 * a Markdown table, and rewrites the generated part of docs/benchmarks.md (when every scenario ran).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { clusterScenario, CLUSTER_FULL, CLUSTER_QUICK } from './cluster-scenario';
import { coldLoad } from './cold-load';
import { generatedSection, writeDocs, type RunResult } from './docs';
import { profileColdLoad, profileFanOut } from './profile';
import { benchDataDir, prepareBenchDocument, prepareLargeNegotiation } from './negotiation-data';
import { latencyChart, markdownTable } from './report';
import type { BenchRecord } from './run-point';
import { COMPARED, fanOut, FULL, idlePresence, knee, QUICK } from './scenarios';
import { rendererScenario } from './renderer-scenario';
import { ROOM_FULL, ROOM_QUICK, roomScenario } from './room-scenario';
import { HOSTILE_FULL, HOSTILE_QUICK, hostileScenario } from './hostile-scenario';

const { values } = parseArgs({ options: { quick: { type: 'boolean' }, only: { type: 'string' }, out: { type: 'string' } } });
const sizes = values.quick ? QUICK : FULL;
const ALL = '1,2,3,4,5,6,7,8,9';
const only = new Set((values.only ?? ALL).split(',').map((s) => s.trim()));
const ROOT = path.resolve(import.meta.dirname, '..');
const resultsDir = values.out ?? path.join(ROOT, 'bench-results');
fs.mkdirSync(resultsDir, { recursive: true });
const started = Date.now();
const log = (line: string) => console.error(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

const machine = { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100), memoryGB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` };
log(`machine: ${JSON.stringify(machine)}; ${values.quick ? 'quick' : 'full'} run`);

const records: BenchRecord[] = [];
const summary: Record<string, unknown> = {};
const doc = await prepareBenchDocument(benchDataDir('bench'), 150);

if (only.has('1')) {
  log('(1) fan-out');
  // Penholder without fsync beside it: how much of the gap to the stock servers is durability.
  records.push(...(await fanOut(doc, sizes, ['penholder', 'penholder-nodurable', ...COMPARED.filter((s) => s !== 'penholder')], log)));
}
const knees: Record<string, { knee: number | null; limitedBy: string }> = {};
if (only.has('2')) {
  log('(2) the knee');
  for (const server of COMPARED) {
    const k = await knee(doc, sizes, server, '2-knee', log);
    records.push(...k.records);
    knees[server] = { knee: k.knee, limitedBy: k.limitedBy };
    log(`  knee of ${server}: ${k.knee ?? '–'} updates/s (${k.limitedBy})`);
  }
}
if (only.has('3')) {
  log('(3) idle presence');
  records.push(...(await idlePresence(doc, sizes, COMPARED, log)));
}
let largeNegotiation: Awaited<ReturnType<typeof prepareLargeNegotiation>> | null = null;
if (only.has('4') || only.has('6')) {
  const large = sizes.quick ? { paragraphs: 40, proposals: 500, history: 10_000 } : { paragraphs: 150, proposals: 3_000, history: 100_000 };
  if (only.has('4')) {
    log(`(4) cold load: building ${JSON.stringify(large)}`);
    largeNegotiation = await prepareLargeNegotiation(benchDataDir('large'), large);
    records.push(await coldLoad(largeNegotiation, log));
  }
  if (only.has('6')) {
    const sizes6 = sizes.quick ? { paragraphs: 40, proposals: 500, history: 2_000 } : { paragraphs: 150, proposals: 2_000, history: 2_000 };
    log(`(6) renderer: building ${JSON.stringify(sizes6)}`);
    const negotiation = await prepareLargeNegotiation(benchDataDir('renderer'), sizes6);
    records.push(await rendererScenario(negotiation, { keystrokes: sizes.quick ? 20 : 100, cursors: 20 }, log));
  }
}
if (only.has('5')) {
  log('(5) durability: the knee without durable writes');
  const k = await knee(doc, sizes, 'penholder-nodurable', '5-durability', log);
  records.push(...k.records);
  knees['penholder-nodurable'] = { knee: k.knee, limitedBy: k.limitedBy };
  log(`  knee of penholder-nodurable: ${k.knee ?? '–'} updates/s (${k.limitedBy})`);
}
if (only.has('7')) {
  const sizes7 = sizes.quick ? CLUSTER_QUICK : CLUSTER_FULL;
  log(`(7) several nodes: ${sizes7.participants} participants over ${sizes7.negotiations} negotiations on ${sizes7.nodes.join(', ')} node(s), at ${sizes7.rates.map((r) => r * sizes7.writersPerNegotiation * sizes7.negotiations).join(', ')} updates/s`);
  records.push(...(await clusterScenario(sizes7, log)));
}
if (only.has('8')) {
  const sizes8 = sizes.quick ? ROOM_QUICK : ROOM_FULL;
  log(`(8) the room: ${sizes8.delegations} delegations, N=${sizes8.participants} on one socket each; baseline (a socket per document) at N=${sizes8.baselineParticipants}`);
  records.push(...(await roomScenario(sizes8, log)));
}
if (only.has('9')) {
  const sizes9 = sizes.quick ? HOSTILE_QUICK : HOSTILE_FULL;
  log(`(9) the hostile neighbour: a delegation typing, ${sizes9.readers} readers, phases of ${sizes9.phaseMs / 1000} s`);
  records.push(...(await hostileScenario(sizes9, log)));
}
summary.knees = knees;
summary.remeasured = records.filter((r) => r.superseded).length;

// Targets, from the measurements that stand (a step measured again keeps only its last measurement).
const standing = records.filter((r) => !r.superseded);
const targets: { target: string; met: boolean | null; detail: string }[] = [];
const stock = 'y-websocket@1.5.4';
const fan = (server: string, n: number) => standing.find((r) => r.scenario === '1-fan-out' && r.server === server && r.n === n);
// Issue 16, as ratios in this run; the same ratios are kept in the summary so that a quick run can be checked against a full one (bench/compare-runs.ts).
const ratios: Record<string, number | null> = {};
const div = (a: number | null | undefined, b: number | null | undefined) => (a != null && b != null && b !== 0 ? Math.round((a / b) * 100) / 100 : null);
if (only.has('1')) {
  for (const n of sizes.fanOutN) {
    const p = fan('penholder', n);
    const s = fan(stock, n);
    const notDurable = fan('penholder-nodurable', n);
    ratios[`fan-out p99 / stock, N=${n}`] = div(p?.p99, s?.p99);
    ratios[`fan-out p99.9 / p99, N=${n}`] = div(p?.p999, p?.p99);
    targets.push({ target: `(16) fan-out p99 ≤ stock at N=${n}`, met: p?.p99 != null && s?.p99 != null ? p.p99 <= s.p99 : null, detail: `penholder ${p?.p99 ?? '–'} ms vs stock ${s?.p99 ?? '–'} ms (ratio ${ratios[`fan-out p99 / stock, N=${n}`] ?? '–'}; median of ${sizes.windows} windows; without fsync ${notDurable?.p99 ?? '–'} ms, ratio ${div(notDurable?.p99, s?.p99) ?? '–'})${p?.valid && s?.valid ? '' : ' [a run was invalid]'}` });
    targets.push({ target: `(16) fan-out p99.9 ≤ 3 × p99 at N=${n}`, met: p?.p999 != null && p.p99 != null ? p.p999 <= 3 * p.p99 : null, detail: `p99.9 ${p?.p999 ?? '–'} ms, p99 ${p?.p99 ?? '–'} ms (ratio ${ratios[`fan-out p99.9 / p99, N=${n}`] ?? '–'})` });
  }
}
if (only.has('1')) {
  for (const n of sizes.fanOutN) {
    const p = fan('penholder', n);
    const s = fan(stock, n);
    const ok = p?.p99 != null && s?.p99 != null ? p.p99 <= s.p99 : null;
    targets.push({ target: `(1) p99 no worse than stock at N=${n}`, met: ok, detail: `penholder ${p?.p99 ?? '–'} ms vs stock ${s?.p99 ?? '–'} ms (ratio ${p?.p99 && s?.p99 ? (p.p99 / s.p99).toFixed(2) : '–'})${p?.valid && s?.valid ? '' : ' [a run was invalid]'}` });
  }
  const top = sizes.fanOutN.at(-1)!;
  const p = fan('penholder', top);
  targets.push({ target: `(1) p99 ≤ 10 ms at N=${top}`, met: p?.p99 != null ? p.p99 <= 10 : null, detail: `${p?.p99 ?? '–'} ms` });
}
if (only.has('2')) {
  const p = knees.penholder?.knee ?? null;
  const s = knees[stock]?.knee ?? null;
  targets.push({ target: '(2) knee ≥ 1.5 × stock', met: p !== null && s !== null ? p >= 1.5 * s : null, detail: `penholder ${p ?? '–'} vs stock ${s ?? '–'} updates/s (ratio ${p && s ? (p / s).toFixed(2) : '–'}); penholder: ${knees.penholder?.limitedBy}; stock: ${knees[stock]?.limitedBy}` });
}
if (only.has('3')) {
  const top = sizes.idleN.at(-1)!;
  const p = standing.find((r) => r.scenario === '3-idle-presence' && r.server === 'penholder' && r.n === top);
  const s = standing.find((r) => r.scenario === '3-idle-presence' && r.server === stock && r.n === top);
  targets.push({ target: `(3) idle N=${top} ≤ 10 % of a core`, met: p?.cpuPercent != null ? p.cpuPercent <= 10 : null, detail: `penholder ${p?.cpuPercent ?? '–'} % vs stock ${s?.cpuPercent ?? '–'} %` });
}
if (only.has('4')) {
  const c = standing.find((r) => r.scenario === '4-cold-load');
  targets.push({ target: '(4) first sync ≤ 300 ms, RSS ≤ 150 MB', met: c?.p50 != null && c.rssMB != null ? c.p50 <= 300 && c.rssMB <= 150 : null, detail: `${c?.p50 ?? '–'} ms, ${c?.rssMB ?? '–'} MB` });
}
if (only.has('5') && only.has('2')) {
  const d = knees.penholder?.knee ?? null;
  const m = knees['penholder-nodurable']?.knee ?? null;
  const s = knees[stock]?.knee ?? null;
  ratios['knee durable / not durable'] = div(d, m);
  ratios['knee durable / stock'] = div(d, s);
  targets.push({ target: '(16) knee with durability ≥ 0.8 × without, and ≥ stock', met: d !== null && m !== null && s !== null ? d >= 0.8 * m && d >= s : null, detail: `durable ${d ?? '–'}, not durable ${m ?? '–'}, stock ${s ?? '–'} updates/s; ended by: ${knees.penholder?.limitedBy ?? '–'}` });
}
if (only.has('5') && only.has('2')) {
  const d = knees.penholder?.knee ?? null;
  const m = knees['penholder-nodurable']?.knee ?? null;
  targets.push({ target: '(5) durability costs ≤ 20 % of the knee', met: d !== null && m !== null ? d >= 0.8 * m : null, detail: `durable ${d ?? '–'} vs not durable ${m ?? '–'} updates/s (cost ${d && m ? ((1 - d / m) * 100).toFixed(0) : '–'} %)` });
}
if (only.has('6')) {
  const r = standing.find((x) => x.scenario === '6-renderer');
  // Judged at a fast typist's cadence; the burst's p95 (display-bound) is reported beside it.
  const p95 = (r?.extra?.humanP95 as number | null | undefined) ?? null;
  const first = (r?.extra?.firstRenderMs as number | null | undefined) ?? null;
  targets.push({ target: '(6) keystroke→paint p95 ≤ 16 ms (fast typist), first render ≤ 1 s', met: p95 !== null && first !== null ? p95 <= 16 && first <= 1000 : null, detail: r?.valid ? `p95 ${p95} ms at a fast typist's cadence (in a burst, display-bound: ${r.extra?.keystrokeP95 ?? '–'} ms), first render ${first} ms` : `not measured: ${r?.note ?? 'not run'}` });
}

if (only.has('7')) {
  const cluster = standing.filter((r) => r.scenario === '7-cluster');
  for (const offered of [...new Set(cluster.map((r) => r.extra?.offered as number))]) {
    const atLoad = cluster.filter((r) => r.extra?.offered === offered);
    const one = atLoad.find((r) => r.extra?.nodes === 1);
    const three = atLoad.find((r) => r.extra?.nodes === 3);
    const key = `3 nodes p99 / 1 node at ${offered} updates/s`;
    ratios[key] = div(three?.p99, one?.p99);
    const busy = three?.extra?.machineBusy ?? '–';
    targets.push({ target: `(16) three nodes at ${offered} updates/s: p99 ≤ 2 × one node at the same load`, met: three?.valid && one?.valid ? three.p99! <= 2 * one.p99! : null, detail: `3 nodes ${three?.p99 ?? '–'} ms, 1 node ${one?.p99 ?? '–'} ms (ratio ${ratios[key] ?? '–'}); machine ${busy} % busy with 3 nodes${three?.valid === false ? ` (${three.note})` : ''}` });
    for (const r of atLoad.filter((x) => x !== one))
      targets.push({ target: `(7) ${r.extra?.nodes} nodes at ${offered} updates/s: every update delivered at the offered rate (no target in the issue; compared with 1 node)`, met: r.valid ? true : false, detail: `p50 ${r.p50 ?? '–'} ms, p99 ${r.p99 ?? '–'} ms, ${r.updatesPerSec ?? '–'} updates/s; 1 node: p50 ${one?.p50 ?? '–'} ms, p99 ${one?.p99 ?? '–'} ms, ${one?.updatesPerSec ?? '–'} updates/s${r.valid ? '' : ` (${r.note})`}` });
  }
}

if (only.has('8')) {
  const room = records.filter((r) => r.scenario === '8-room');
  const top = room[0];
  const [same, base] = [room.find((r) => r !== top && r.server === top?.server), room.find((r) => r.server !== top?.server)];
  targets.push({ target: `(8) the room: p99 ≤ 250 ms at N=${top?.n}, 1 socket per client`, met: top?.valid ? top.p99! <= 250 && top.extra?.socketsPerClient === 1 : null, detail: `p99 ${top?.p99 ?? '–'} ms (co-facilitators ${top?.extra?.cofacilitatorP99 ?? '–'}, delegations ${top?.extra?.delegationP99 ?? '–'}), ${top?.extra?.socketsPerClient ?? '–'} socket(s) per client, ${top?.cpuPercent ?? '–'} % CPU, ${top?.rssMB ?? '–'} MB${top?.valid ? '' : ` (${top?.note})`}` });
  if (base) targets.push({ target: `(8) the room beats a socket per document at N=${base.n}`, met: same?.valid && base.valid ? same.p99! <= base.p99! && same.rssMB! <= base.rssMB! : null, detail: `one socket: p99 ${same?.p99 ?? '–'} ms, ${same?.rssMB ?? '–'} MB, load ${same?.extra?.initialLoadS ?? '–'} s; per document (${base.extra?.socketsPerClient ?? '–'} sockets per client): p99 ${base.p99 ?? '–'} ms, ${base.rssMB ?? '–'} MB, load ${base.extra?.initialLoadS ?? '–'} s${base.valid ? '' : ` (${base.note})`}` });
}

if (only.has('9')) {
  for (const r of records.filter((x) => x.scenario === '9-hostile-neighbour' && x.extra?.phase !== 'alone')) {
    const ratio = r.extra?.ratioToAlone as number | null;
    ratios[`hostile neighbour p99 / alone, ${r.extra?.phase}`] = ratio;
    targets.push({ target: `(18) hostile neighbour, ${r.extra?.phase}: the typist's p99 ≤ 2 × alone`, met: r.valid && ratio !== null ? ratio <= 2 : null, detail: `p99 ${r.p99 ?? '–'} ms (ratio ${ratio ?? '–'})${r.valid ? '' : ` (${r.note})`}` });
  }
}

// What limits the misses: the server under the profiler at the missed point (full run only: it costs a minute).
const profiles: RunResult['profiles'] = [];
if (!sizes.quick) {
  // The fan-out miss furthest from the stock server's p99 (issue 16), else the largest N (issue 1's 10 ms).
  const worst = sizes.fanOutN.filter((n) => (ratios[`fan-out p99 / stock, N=${n}`] ?? 0) > 1).sort((a, b) => ratios[`fan-out p99 / stock, N=${b}`]! - ratios[`fan-out p99 / stock, N=${a}`]!)[0];
  const missedAtTop = targets.some((t) => t.target.startsWith('(1)') && t.met === false);
  const at = worst ?? (missedAtTop ? sizes.fanOutN.at(-1)! : null);
  if (at !== null) {
    log(`profile: (1) fan-out at N=${at}`);
    const p = await profileFanOut(doc, at, sizes.durationMs, log);
    profiles.push({ title: `(1) fan-out, Penholder at N=${at}${worst ? ` (its p99 furthest from the stock server's: ${ratios[`fan-out p99 / stock, N=${at}`]} ×)` : ''}`, record: `p50 ${p.record.p50} ms, p99 ${p.record.p99} ms, server CPU ${p.record.cpuPercent} % under the profiler`, top: p.top });
  }
  if (largeNegotiation && targets.some((t) => t.target.startsWith('(4)') && t.met === false)) {
    log('profile: (4) cold load');
    const p = await profileColdLoad(largeNegotiation, log);
    profiles.push({ title: '(4) cold load (one of three cold starts)', record: `first sync ${p.record.p50} ms median under the profiler, RSS ${p.record.rssMB} MB`, top: p.top });
  }
}

summary.ratios = ratios;
summary.loadAverageAtEnd = os.loadavg().map((x) => Math.round(x * 100) / 100);
const result = { machine, mode: values.quick ? 'quick' : 'full', startedAt: new Date(started).toISOString(), durationS: Math.round((Date.now() - started) / 1000), sizes, summary, targets, profiles, records };
const stamp = new Date(started).toISOString().replace(/[:.]/g, '-');
fs.writeFileSync(path.join(resultsDir, 'latest.json'), JSON.stringify(result, null, 2));
fs.writeFileSync(path.join(resultsDir, `${stamp}.json`), JSON.stringify(result, null, 2));
fs.writeFileSync(path.join(resultsDir, 'latency.svg'), latencyChart(records));
fs.writeFileSync(path.join(resultsDir, `${stamp}.svg`), latencyChart(records));
console.log(`## Penholder benchmarks (${result.mode}), ${machine.cores} × ${machine.cpu}, Node ${machine.node}\n`);
console.log(markdownTable(records));
console.log('\n| target | met | detail |\n|---|---|---|');
for (const t of targets) console.log(`| ${t.target} | ${t.met === null ? 'not measured' : t.met ? 'yes' : 'NO'} | ${t.detail.replace(/\|/g, '/')} |`);
console.log(`\nknees: ${Object.entries(knees).map(([k, v]) => `${k} ${v.knee ?? '–'} updates/s`).join('; ')}`);
const run: RunResult = { machine, mode: result.mode, startedAt: result.startedAt, durationS: result.durationS, targets, records: standing, knees, profiles };
const docsFile = path.join(ROOT, 'docs', 'benchmarks.md');
if (values.only === undefined && values.out === undefined) {
  writeDocs(docsFile, generatedSection(run), `# Penholder benchmarks\n\nWritten by \`npm run bench\` between the markers below; the text around them is kept.\n`);
  log(`wrote ${docsFile}`);
} else log(`docs/benchmarks.md left as it was (--only or --out given: not every scenario ran)`);
fs.writeFileSync(path.join(resultsDir, 'benchmarks-section.md'), generatedSection(run));
log(`wrote ${path.join(resultsDir, 'latest.json')} in ${result.durationS} s`);
