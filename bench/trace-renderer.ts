/**
 * `tsx bench/trace-renderer.ts [--keystrokes=100] [--out=bench-results/renderer-trace.json]`: scenario (6)
 * as `npm run bench -- --only=6` runs it (the same page, measurement and keystrokes), with a Chromium trace
 * over the keystrokes, then what was on the page's main thread between each slow keystroke's keydown and
 * the callback that measured it: what delayed it, and how much of it was the wait for the next frame.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchDataDir, prepareLargeNegotiation } from './negotiation-data';
import { rendererScenario, type KeystrokeSample } from './renderer-scenario';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { type?: string; functionName?: string; url?: string; frame?: string } };
}

/** A span on the main thread (ms, page clock), with the spans nested in it. */
interface Span {
  name: string;
  start: number;
  end: number;
  children: Span[];
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'toplevel', 'blink.user_timing', 'v8', 'v8.execute'];

/** What a span was, as read in a list: the event's name and what it names (the event type, the function). */
function label(e: TraceEvent): string {
  const d = e.args?.data;
  if (e.name === 'EventDispatch' && d?.type) return `event ${d.type}`;
  if (e.name === 'FunctionCall' && (d?.functionName || d?.url)) return `call ${d.functionName || '(anonymous)'}${d.url ? ` ${d.url.split('/').pop()}` : ''}`;
  return e.name;
}

/** The main thread's spans, nested (complete events and begin/end pairs), in page milliseconds. */
function spans(events: TraceEvent[], offset: number): Span[] {
  const flat: Span[] = [];
  const open: { e: TraceEvent; start: number }[] = [];
  for (const e of events) {
    const t = e.ts / 1000 - offset;
    if (e.ph === 'X') flat.push({ name: label(e), start: t, end: t + (e.dur ?? 0) / 1000, children: [] });
    else if (e.ph === 'B') open.push({ e, start: t });
    else if (e.ph === 'E') {
      const b = open.pop();
      if (b) flat.push({ name: label(b.e), start: b.start, end: t, children: [] });
    }
  }
  flat.sort((a, b) => a.start - b.start || b.end - a.end);
  const roots: Span[] = [];
  const stack: Span[] = [];
  for (const s of flat) {
    while (stack.length && stack.at(-1)!.end <= s.start) stack.pop();
    if (stack.length) stack.at(-1)!.children.push(s);
    else roots.push(s);
    stack.push(s);
  }
  return roots;
}

const NOISE = new Set(['ThreadControllerImpl::RunTask', 'RunTask', 'RunMicrotasks', 'v8.run', 'V8.Execute', 'ScheduledAction::execute', 'v8.callFunction', 'SequenceManager PostTask']);

/** A task in a line: what it spent its time on, two levels of meaningful spans down. */
function describe(s: Span, depth = 0): string {
  const meaningful = (x: Span): Span[] => (NOISE.has(x.name) ? x.children.flatMap(meaningful) : [x]);
  const parts = s.children
    .flatMap(meaningful)
    .filter((c) => c.end - c.start >= 0.2)
    .map((c) => `${c.name} ${(c.end - c.start).toFixed(1)}${depth < 1 && c.children.length ? ` (${describe(c, depth + 1)})` : ''}`);
  return parts.join(', ');
}

function analyse(trace: Buffer, keys: KeystrokeSample[], clock: { mark: string; pageMs: number }): string[] {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const mark = events.find((e) => e.name === clock.mark && e.cat.includes('user_timing'));
  if (!mark) return ['the trace holds no keystroke mark: nothing to align'];
  const offset = mark.ts / 1000 - clock.pageMs;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === mark.pid && e.args?.name === 'CrRendererMain');
  const tasks = spans(
    events.filter((e) => e.pid === mark.pid && e.tid === (main?.tid ?? mark.tid) && e.ph !== 'M'),
    offset,
  );
  const lines: string[] = [];
    const totals = new Map<string, number>();
  for (const k of keys) {
    const latency = k.callback - k.keydown;
    const overlapping = tasks.filter((t) => t.end > k.keydown - 0.05 && t.start < k.callback);
    for (const t of overlapping) {
      const inside = Math.min(t.end, k.callback) - Math.max(t.start, k.keydown);
      const top = describe(t).split(',')[0]?.replace(/ [\d.]+( \(.*)?$/, '') || t.name;
      totals.set(top, (totals.get(top) ?? 0) + inside);
    }
    if (latency <= 16) continue;
    lines.push(`keystroke at ${k.keydown.toFixed(1)}: ${latency.toFixed(1)} ms = ${(k.changed - k.keydown).toFixed(1)} handling the key + ${(k.callback - k.changed).toFixed(1)} to the frame's callback (the frame ${k.frame > k.changed ? "waited for the display's next tick" : 'began at once'})`);
    for (const t of overlapping) lines.push(`  ${(t.start - k.keydown).toFixed(1).padStart(6)} +${(t.end - t.start).toFixed(1).padStart(5)} ms  ${t.name}: ${describe(t)}`);
  }
  lines.push('', 'main-thread time inside the keystrokes\' windows (keydown to callback), by what the task began with, summed over all keystrokes:');
  for (const [k, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 20)) lines.push(`  ${ms.toFixed(0).padStart(6)} ms  ${k}`);
  return lines;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const { values } = parseArgs({ options: { keystrokes: { type: 'string', default: '100' }, out: { type: 'string', default: path.join('bench-results', 'renderer-trace.json') }, again: { type: 'boolean' } } });
  if (values.again) {
    // The analysis again, of the trace and keystrokes last written.
    const { keys, clock } = JSON.parse(fs.readFileSync(`${values.out}.keys.json`, 'utf8')) as { keys: KeystrokeSample[]; clock: { mark: string; pageMs: number } };
    for (const line of analyse(fs.readFileSync(values.out), keys, clock)) console.log(line);
    process.exit(0);
  }
  const negotiation = await prepareLargeNegotiation(benchDataDir('renderer-trace'), { paragraphs: 150, proposals: 2_000, history: 2_000 });
  const record = await rendererScenario(
    negotiation,
    {
      keystrokes: Number(values.keystrokes),
      cursors: 20,
      trace: {
        categories: CATEGORIES,
        done(trace, keys, clock) {
          fs.mkdirSync(path.dirname(values.out), { recursive: true });
          fs.writeFileSync(values.out, trace);
          fs.writeFileSync(`${values.out}.keys.json`, JSON.stringify({ keys, clock }));
          for (const line of analyse(trace, keys, clock)) console.log(line);
        },
      },
    },
    console.log,
  );
  console.log(record.note, JSON.stringify(record.extra));
}
