/**
 * Profiles the renderer on the benchmark's large negotiation (bench scenario 6): `tsx test/renderer/profile-renderer.mts (outside the typecheck: it imports bench/) [bench|profile|both]`.
 * `bench` runs bench/renderer-scenario.ts unchanged (the published method); `profile` records a CPU profile
 * of the first render and of 60 keystrokes with the Chrome DevTools Protocol and prints the heaviest functions.
 * Needs renderer/dist (npm run build:renderer) and /usr/bin/chromium.
 */
import fs from 'node:fs';
import path from 'node:path';
import { prepareLargeNegotiation, type LargeNegotiation } from '../../bench/negotiation-data';
import { startBenchServer } from '../../bench/processes';
import { awarenessMessage } from '../../bench/protocol';
import { RawSocket } from '../../bench/raw-socket';
import { rendererScenario } from '../../bench/renderer-scenario';

const DIST = path.resolve(import.meta.dirname, '..', '..', 'renderer', 'dist');
const DATA = '/tmp/penholder-renderer-profile';
const mode = process.argv[2] ?? 'both';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[] }

function summarise(name: string, profile: Profile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((s, i) => self.set(s, (self.get(s) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const key = (n: Node) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  const selfBy = new Map<string, number>();
  const totalBy = new Map<string, number>();
  let total = 0;
  for (const [id, ms] of self) {
    total += ms;
    const n = byId.get(id)!;
    selfBy.set(key(n), (selfBy.get(key(n)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = key(byId.get(cur)!);
      if (seen.has(k)) continue;
      seen.add(k);
      totalBy.set(k, (totalBy.get(k) ?? 0) + ms);
    }
  }
  const top = (m: Map<string, number>, count: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, count).map(([k, v]) => `    ${v.toFixed(0).padStart(7)} ms  ${k}`).join('\n');
  console.log(`\n== ${name}: ${total.toFixed(0)} ms sampled\n  self:\n${top(selfBy, 25)}\n  total (inclusive):\n${top(totalBy, 40)}`);
}

async function profile(large: LargeNegotiation): Promise<void> {
  const { chromium } = await import('playwright-core');
  const dir = `${large.dir}-run`;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(large.dir, dir, { recursive: true });
  const server = await startBenchServer('penholder', dir, { env: { BENCH_STATIC_DIR: DIST } });
  const cursors: RawSocket[] = [];
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  let timer: NodeJS.Timeout | null = null;
  try {
    for (let i = 0; i < 20; i++) cursors.push(await RawSocket.connect(`${server.wsUrl}/${large.docName}?token=${encodeURIComponent(large.readerToken)}`));
    let clock = 1;
    const move = () => {
      clock++;
      cursors.forEach((s, i) => s.send(awarenessMessage(1000 + i, clock, { user: { name: `Remote ${i}`, color: '#aa3300' }, cursor: { paragraph: i, anchor: (clock * 7 + i) % 50, head: (clock * 7 + i) % 50 } })));
    };
    move();
    timer = setInterval(move, 1000);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await page.goto(`http://127.0.0.1:${server.port}/join?token=${encodeURIComponent(large.writerToken)}`);
    await page.waitForFunction((n) => document.querySelectorAll('.editor').length >= n, large.paragraphs, { timeout: 60_000, polling: 'raf' });
    console.log(`first render ${(await page.evaluate(() => performance.now())).toFixed(0)} ms`);
    summarise('first render', (await cdp.send('Profiler.stop')).profile as Profile);
    const editor = page.locator('.editor.writable').first();
    await editor.click();
    await page.waitForTimeout(500);
    await cdp.send('Profiler.start');
    const t0 = Date.now();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press(String.fromCharCode(97 + (i % 26)));
      await page.waitForTimeout(30);
    }
    await page.waitForTimeout(300);
    console.log(`60 keystrokes in ${Date.now() - t0} ms wall`);
    summarise('typing', (await cdp.send('Profiler.stop')).profile as Profile);
  } finally {
    if (timer) clearInterval(timer);
    for (const c of cursors) c.close();
    await browser.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const large = fs.existsSync(path.join(DATA, 'large.json'))
  ? (JSON.parse(fs.readFileSync(path.join(DATA, 'large.json'), 'utf8')) as LargeNegotiation)
  : await prepareLargeNegotiation(path.join(DATA, 'data'), { paragraphs: 150, proposals: 2_000, history: 2_000 });
fs.writeFileSync(path.join(DATA, 'large.json'), JSON.stringify({ ...large, initialUpdate: [] }));
if (mode === 'profile' || mode === 'both') await profile(large);
if (mode === 'bench' || mode === 'both') {
  const record = await rendererScenario(large, { keystrokes: 100, cursors: 20 }, (line) => console.log(line));
  console.log(record.note);
}
