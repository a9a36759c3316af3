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
import { HUMAN_GAP_MS, rendererScenario, type Cadence, type KeystrokeSample } from './renderer-scenario';

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
  return [...lines, '', ...otherFrames(tasks, keys)];
}

const within = (s: Span, name: string): boolean => s.name === name || s.children.some((c) => within(c, name));

/**
 * The page's frames (main-thread tasks that pre-painted) that were not a keystroke's own, i.e. not the
 * first frame after a keystroke changed the editor: what draws between keystrokes, with the task just
 * before each (what asked for it).
 */
function otherFrames(tasks: Span[], keys: KeystrokeSample[]): string[] {
  if (keys.length === 0) return [];
  const frames = tasks.filter((t) => t.start >= keys[0]!.keydown && t.start <= keys.at(-1)!.callback + 100 && within(t, 'PrePaint'));
  const own = new Set(keys.map((k) => frames.find((f) => f.end >= k.callback)));
  const others = frames.filter((f) => !own.has(f));
  const lines = [`main-thread frames over the keystrokes: ${frames.length} for ${keys.length} keystrokes, ${others.length} not a keystroke's own:`];
  for (const f of others) {
    const k = [...keys].reverse().find((x) => x.keydown <= f.start);
    const before = tasks.filter((t) => t.end <= f.start && t.end > f.start - 50 && t.end - t.start >= 0.05).at(-1);
    lines.push(`  ${k ? `${(f.start - k.callback).toFixed(1)} ms after a keystroke's frame` : 'before the first keystroke'}: ${describe(f)}${before ? ` — after ${before.name}: ${describe(before) || '(nothing traced)'}, ${(f.start - before.end).toFixed(1)} ms before` : ''}`);
  }
  return lines;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const { values } = parseArgs({ options: { keystrokes: { type: 'string', default: '100' }, out: { type: 'string', default: path.join('bench-results', 'renderer-trace.json') }, again: { type: 'boolean' } } });
  // One trace per cadence, next to --out: renderer-trace.burst.json, renderer-trace.human.json.
  const file = (cadence: Cadence) => values.out.replace(/(\.json)?$/, `.${cadence}.json`);
  const report = (cadence: Cadence, trace: Buffer, keys: KeystrokeSample[], clock: { mark: string; pageMs: number }) => {
    console.log('', `== ${cadence === 'burst' ? 'burst (a key every 35–40 ms)' : `fast typist (a key every ${HUMAN_GAP_MS.min}–${HUMAN_GAP_MS.max} ms)`}: ${keys.filter((k) => k.frame > k.changed).length} of ${keys.length} keystrokes' frames waited for the display's next tick`);
    for (const line of analyse(trace, keys, clock)) console.log(line);
  };
  if (values.again) {
    // The analysis again, of the traces and keystrokes last written.
    for (const cadence of ['burst', 'human'] as const) {
      const { keys, clock } = JSON.parse(fs.readFileSync(`${file(cadence)}.keys.json`, 'utf8')) as { keys: KeystrokeSample[]; clock: { mark: string; pageMs: number } };
      report(cadence, fs.readFileSync(file(cadence)), keys, clock);
    }
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
        done(cadence, trace, keys, clock) {
          fs.mkdirSync(path.dirname(values.out), { recursive: true });
          fs.writeFileSync(file(cadence), trace);
          fs.writeFileSync(`${file(cadence)}.keys.json`, JSON.stringify({ keys, clock }));
          report(cadence, trace, keys, clock);
        },
      },
    },
    console.log,
  );
  console.log(record.note, JSON.stringify(record.extra));
}
