/**
 * `tsx bench/profile.ts [--scenario=fanout|knee|idle] [--n=600] [--writers=10] [--rate=5] [--server=penholder]`:
 * one point with the server under `node --cpu-prof`, then the profile summarised (busy time by function, self and inclusive), to show
 * what limits a missed target.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { coldLoad } from './cold-load';
import { benchDataDir, prepareBenchDocument, prepareLargeNegotiation, type BenchDocument, type LargeNegotiation } from './negotiation-data';
import type { ServerKind } from './processes';
import { runPoint, type BenchRecord } from './run-point';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

const IDLE = new Set(['(idle)', '(program)']);

const modules = new Map<string, { line: number; path: string }[]>();
/** The source module a line of a bench bundle comes from (esbuild heads each module with a `// path` comment). */
function sourceOf(url: string, line: number): string {
  let marks = modules.get(url);
  if (!marks) {
    marks = [];
    try {
      fs.readFileSync(new URL(url), 'utf8').split('\n').forEach((text, i) => {
        const m = /^\/\/ ((?:sync-server|shared|bench|testing)\/\S+\.ts)$/.exec(text);
        if (m) marks!.push({ line: i, path: m[1]! });
      });
    } catch {
      // The bundle was rebuilt or removed since: lines are all there is.
    }
    modules.set(url, marks);
  }
  const mark = marks.findLast((m) => m.line <= line);
  return mark ? mark.path : `bundle:${line + 1}`;
}

/**
 * Where a server's busy time went (idle excluded, so that a mostly idle process still shows its costs):
 * self time by function, then the inclusive time of Penholder's own functions (its bundle), which names
 * the part of the server a cost belongs to (the rules, the store, the sends).
 */
export function summarise(file: string, top = 12): string[] {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (f: ProfileNode['callFrame']): string => {
    const where = f.url.includes('/bench-results/build/') ? sourceOf(f.url, f.lineNumber) : f.url ? `${f.url.replace(/^.*node_modules\//, '')}:${f.lineNumber + 1}` : '';
    return `${f.functionName || '(anonymous)'} ${where}`.trim();
  };
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)!;
    const dt = profile.timeDeltas[i] ?? 0;
    if (IDLE.has(node.callFrame.functionName)) return;
    busy += dt;
    self.set(name(node.callFrame), (self.get(name(node.callFrame)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)!.callFrame;
      if (!f.url.includes('/bench-results/build/')) continue;
      const key = name(f);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
    }
  });
  const wall = profile.endTime - profile.startTime;
  const line = ([k, us]: [string, number]) => `${((100 * us) / busy).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`;
  const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [
    `busy ${(busy / 1000).toFixed(0)} ms of ${(wall / 1000).toFixed(0)} ms (${((100 * busy) / wall).toFixed(1)} %); shares below are of the busy time`,
    'self time:',
    ...sorted(self).map(line),
    "inclusive time of Penholder's functions:",
    ...sorted(inclusive).map(line),
  ];
}

/** The fan-out point of scenario 1 with Penholder under the profiler: the record and the profile's top lines. */
export async function profileFanOut(doc: BenchDocument, n: number, ms: number, log: (line: string) => void): Promise<{ record: BenchRecord; top: string[] }> {
  const dir = profileDir(`penholder-fanout-${n}`);
  const record = await runPoint(doc, { scenario: 'profile-fanout', server: 'penholder', n, writers: 10, rate: 5, probes: 4, heartbeatMs: null, durationMs: ms, warmupMs: 2000, extraGenerators: n > 300 ? 1 : 0, cpuProfileDir: dir }, log);
  return { record, top: topOf(dir) };
}

/** Scenario 4's cold starts with the server under the profiler. */
export async function profileColdLoad(large: LargeNegotiation, log: (line: string) => void): Promise<{ record: BenchRecord; top: string[] }> {
  const dir = profileDir('penholder-cold');
  const record = await coldLoad(large, log, dir);
  return { record, top: topOf(dir) };
}

function profileDir(name: string): string {
  const dir = path.join(import.meta.dirname, '..', 'bench-results', 'profiles', `${name}-${Date.now()}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** The summary of the (first) profile written into `dir`; several cold starts are summed by `summarise` per file, so the largest file is taken. */
function topOf(dir: string): string[] {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(dir, f));
  if (files.length === 0) return ['(no profile was written)'];
  const largest = files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0]!;
  return summarise(largest);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const { values } = parseArgs({ options: { scenario: { type: 'string', default: 'fanout' }, n: { type: 'string', default: '600' }, writers: { type: 'string', default: '10' }, rate: { type: 'string', default: '5' }, server: { type: 'string', default: 'penholder' }, ms: { type: 'string', default: '10000' } } });
  const doc = await prepareBenchDocument(benchDataDir('profile'), 150);
  const dir = profileDir(`${values.server}-${values.scenario}-${values.n}`.replace(/[@/]/g, '_'));
  const idle = values.scenario === 'idle';
  const record = values.scenario === 'cold'
    ? await coldLoad(await prepareLargeNegotiation(benchDataDir('profile-large'), { paragraphs: 150, proposals: 3_000, history: 100_000 }), console.log, dir)
    : await runPoint(
    doc,
    { scenario: `profile-${values.scenario}`, server: values.server as ServerKind, n: Number(values.n), writers: idle ? 0 : Number(values.writers), rate: idle ? 0 : Number(values.rate), probes: idle ? 0 : 4, heartbeatMs: idle ? 15_000 : null, durationMs: Number(values.ms), warmupMs: idle ? 0 : 2000, extraGenerators: Number(values.n) > 300 ? 1 : 0, cpuProfileDir: dir },
    console.log,
  );
  console.log(JSON.stringify(record));
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).slice(0, 1))
    console.log(`\n${values.server} (whole process life, incl. setup):\n${summarise(path.join(dir, file)).join('\n')}`);
}
