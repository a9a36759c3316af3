/**
 * `tsx bench/hostile-profile.ts [--full]`: scenario 9 (the hostile neighbour) with the server under
 * `node --cpu-prof` (its threads each write a profile), then, for each thread, its longest stretches
 * without an idle sample and what they were made of: what a bystander's echo can have waited for.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { HOSTILE_FULL, HOSTILE_QUICK, hostileScenario } from './hostile-scenario';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const IDLE = new Set(['(idle)', '(program)']);

/** The stretches of at least `minMs` without an idle sample, each with its five largest inclusive costs. */
export function busyStretches(file: string, minMs = 20, top = 10, origin?: number): string[] {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const zero = origin ?? profile.startTime;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (f: ProfileNode['callFrame']): string => `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(node_modules|build)\//, '').replace(/^node:/, '')}:${f.lineNumber + 1}`;
  type Stretch = { at: number; ms: number; costs: Map<string, number>; self: Map<string, number> };
  const stretches: Stretch[] = [];
  let current: Stretch | null = null;
  let t = profile.startTime;
  let busyTotal = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    const node = byId.get(id)!;
    if (IDLE.has(node.callFrame.functionName)) {
      if (current && current.ms >= minMs) stretches.push(current);
      current = null;
      return;
    }
    busyTotal += dt / 1000;
    current ??= { at: (t - zero) / 1e6, ms: 0, costs: new Map(), self: new Map() };
    current.self.set(label(node.callFrame), (current.self.get(label(node.callFrame)) ?? 0) + dt / 1000);
    current.ms += dt / 1000;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = label(byId.get(at)!.callFrame);
      if (seen.has(key) || key.startsWith('(root)')) continue;
      seen.add(key);
      current.costs.set(key, (current.costs.get(key) ?? 0) + dt / 1000);
    }
  });
  const out = [`${path.basename(file)}: busy ${busyTotal.toFixed(0)} ms of ${((profile.endTime - profile.startTime) / 1000).toFixed(0)} ms; ${stretches.length} stretches of ${minMs} ms or more (${stretches.reduce((s, x) => s + x.ms, 0).toFixed(0)} ms)`];
  for (const s of stretches.sort((a, b) => b.ms - a.ms).slice(0, top)) {
    out.push(`  at ${s.at.toFixed(2)} s: ${s.ms.toFixed(1)} ms`);
    const costs = [...s.costs.entries()].sort((a, b) => b[1] - a[1]).filter(([k]) => !/^\(anonymous\) :0|processImmediate|listOnTimeout|processTicksAndRejections/.test(k));
    for (const [k, ms] of costs.slice(0, 8)) out.push(`      ${ms.toFixed(1).padStart(6)} ms  ${k}`);
    out.push('    self:');
    for (const [k, ms] of [...s.self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4)) out.push(`      ${ms.toFixed(1).padStart(6)} ms  ${k}`);
  }
  return out;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const { values } = parseArgs({ options: { full: { type: 'boolean' }, dir: { type: 'string' }, min: { type: 'string', default: '20' }, top: { type: 'string', default: '10' } } });
  let dir = values.dir;
  if (!dir) {
    dir = path.join(import.meta.dirname, '..', 'bench-results', 'profiles', `hostile-${Date.now()}`);
    fs.mkdirSync(dir, { recursive: true });
    await hostileScenario(values.full ? HOSTILE_FULL : HOSTILE_QUICK, console.log, { cpuProfileDir: dir });
  }
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort().map((f) => path.join(dir, f));
  // Every thread's profile on the main thread's clock (V8's start times share one monotonic clock).
  const origin = Math.min(...files.map((f) => (JSON.parse(fs.readFileSync(f, 'utf8')) as Profile).startTime));
  for (const file of files) console.log(busyStretches(file, Number(values.min), Number(values.top), origin).join('\n'));
}
