import fs from 'node:fs';
import path from 'node:path';
import type { LargeNegotiation } from './negotiation-data';
import { rssMB, startBenchServer } from './processes';
import { awarenessMessage } from './protocol';
import { RawSocket } from './raw-socket';
import type { BenchRecord } from './run-point';

const DIST = path.resolve(import.meta.dirname, '..', 'renderer', 'dist');
const CHROMIUM = '/usr/bin/chromium';

/** One keystroke as the page saw it (page clock, ms): what the bench measures, and where the time went. */
export interface KeystrokeSample {
  /** The keydown event's timestamp. */
  keydown: number;
  /** When the editor's DOM had changed (the page had handled the key). */
  changed: number;
  /** The display tick the next frame belongs to (the time rAF is given): before `changed` when the frame began at once, after it when the frame waited for the display's next tick. */
  frame: number;
  /** When the bench's callback ran in that frame: keystroke to paint is `callback - keydown`. */
  callback: number;
}

/** Tracing over the keystrokes (bench/trace-renderer.ts): the Chromium trace and the keystrokes it covers. */
export interface RendererTrace {
  categories: string[];
  done(trace: Buffer, keystrokes: KeystrokeSample[], clock: { mark: string; pageMs: number }): void;
}

/**
 * (6) The renderer in Chromium, served by Penholder: time to first render of the large negotiation
 * (navigation start to every paragraph's editor in the DOM), then keystroke to paint in a paragraph
 * while 20 remote participants move their cursors. Keystroke to paint is measured in the page, from the
 * keydown event's timestamp to the first animation frame after the editor's DOM changed. The record
 * also says where that time went (the same samples, nothing else measured): handling the key (keydown
 * to the DOM change), then the frame (to the callback), and how many frames waited for the display's
 * next tick (Chromium begins a frame at once only when the compositor was idle for the tick before).
 */
export async function rendererScenario(large: LargeNegotiation, options: { keystrokes: number; cursors: number; trace?: RendererTrace }, log: (line: string) => void): Promise<BenchRecord> {
  const base: BenchRecord = { scenario: '6-renderer', server: 'penholder', n: options.cursors + 1, writers: 1, rate: 0, p50: null, p99: null, p999: null, framesPerSec: null, updatesPerSec: null, cpuPercent: null, rssMB: null, valid: false, note: '' };
  if (!fs.existsSync(path.join(DIST, 'index.html'))) return { ...base, note: 'renderer/dist is not built (npm run build:renderer)' };
  if (!fs.existsSync(CHROMIUM)) return { ...base, note: `${CHROMIUM} is missing` };
  const { chromium } = await import('playwright-core');
  const dir = `${large.dir}-run`;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(large.dir, dir, { recursive: true });
  const server = await startBenchServer('penholder', dir, { env: { BENCH_STATIC_DIR: DIST } });
  const cursors: RawSocket[] = [];
  let timer: NodeJS.Timeout | null = null;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    for (let i = 0; i < options.cursors; i++) cursors.push(await RawSocket.connect(`${server.wsUrl}/${large.docName}?token=${encodeURIComponent(large.readerToken)}`));
    let clock = 1;
    const move = () => {
      clock++;
      cursors.forEach((s, i) => s.send(awarenessMessage(1000 + i, clock, { user: { name: `Remote ${i}`, color: '#aa3300' }, cursor: { paragraph: i, anchor: (clock * 7 + i) % 50, head: (clock * 7 + i) % 50 } })));
    };
    move();
    timer = setInterval(move, 1000);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`http://127.0.0.1:${server.port}/join?token=${encodeURIComponent(large.writerToken)}`);
    await page.waitForFunction((n) => document.querySelectorAll('.editor').length >= n, large.paragraphs, { timeout: 60_000, polling: 'raf' });
    const firstRenderMs = await page.evaluate(() => performance.now());
    log(`  6-renderer first render ${firstRenderMs.toFixed(0)} ms (${large.paragraphs} paragraphs)`);
    const editor = page.locator('.editor.writable').first();
    await editor.click();
    await page.evaluate(() => {
      const w = window as unknown as { __lat: number[]; __keys: number[][]; __pending: number | null };
      w.__lat = [];
      w.__keys = [];
      w.__pending = null;
      const target = document.activeElement ?? document.body;
      document.addEventListener('keydown', (e) => (w.__pending = e.timeStamp), true);
      new MutationObserver(() => {
        const t0 = w.__pending;
        if (t0 === null) return;
        w.__pending = null;
        const changed = performance.now();
        requestAnimationFrame((frame) => {
          const now = performance.now();
          w.__lat.push(now - t0);
          w.__keys.push([t0, changed, frame, now]);
        });
      }).observe(target, { subtree: true, childList: true, characterData: true });
    });
    if (options.trace) await browser.startTracing(page, { categories: options.trace.categories });
    const traceClock = options.trace ? await page.evaluate(() => ({ mark: 'bench-keystrokes', pageMs: performance.mark('bench-keystrokes').startTime })) : null;
    for (let i = 0; i < options.keystrokes; i++) {
      await page.keyboard.press(String.fromCharCode(97 + (i % 26)));
      await page.waitForTimeout(30);
    }
    await page.waitForTimeout(300);
    const lat = (await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat)).sort((a, b) => a - b);
    const keys = (await page.evaluate(() => (window as unknown as { __keys: number[][] }).__keys)).map(([keydown, changed, frame, callback]) => ({ keydown: keydown!, changed: changed!, frame: frame!, callback: callback! }));
    if (options.trace) options.trace.done(await browser.stopTracing(), keys, traceClock!);
    // Each keystroke's latency in two: handling the key, then the frame up to the callback.
    const split = (part: (k: KeystrokeSample) => number) => {
      const sorted = keys.map(part).sort((a, b) => a - b);
      return (p: number) => (sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! * 10) / 10 : null);
    };
    const handled = split((k) => k.changed - k.keydown);
    const toCallback = split((k) => k.callback - k.changed);
    const waited = keys.filter((k) => k.frame > k.changed).length;
    const q = (p: number) => (lat.length ? Math.round(lat[Math.min(lat.length - 1, Math.floor(p * lat.length))]! * 10) / 10 : null);
    const rss = rssMB(server.pid);
    const valid = lat.length >= options.keystrokes * 0.9 && errors.length === 0;
    log(`  6-renderer keystroke→paint p50 ${q(0.5)} ms p95 ${q(0.95)} ms (${lat.length} of ${options.keystrokes} keystrokes); handled (keydown→DOM change) p50 ${handled(0.5)} p95 ${handled(0.95)} ms, then to the frame's callback p50 ${toCallback(0.5)} p95 ${toCallback(0.95)} ms; ${waited} frames waited for the display's next tick`);
    return {
      ...base,
      p50: q(0.5),
      p99: q(0.99),
      rssMB: Math.round(rss * 10) / 10,
      valid,
      note: `keystroke→paint p50/p95 ${q(0.5)}/${q(0.95)} ms over ${lat.length} keystrokes; first render ${firstRenderMs.toFixed(0)} ms; ${large.paragraphs} paragraphs, ${large.proposals} proposals, ${options.cursors} remote cursors${errors.length ? `; page errors: ${errors[0]}` : ''}${lat.length < options.keystrokes * 0.9 ? '; keystrokes did not reach the editor' : ''}`,
      extra: { keystrokeP50: q(0.5), keystrokeP95: q(0.95), firstRenderMs: Math.round(firstRenderMs), keystrokes: lat.length, handledP50: handled(0.5), handledP95: handled(0.95), frameP50: toCallback(0.5), frameP95: toCallback(0.95), waitedForTick: waited },
    };
  } catch (error) {
    return { ...base, note: `not measured: ${(error as Error).message.split('\n')[0]}` };
  } finally {
    if (timer) clearInterval(timer);
    for (const c of cursors) c.close();
    await browser.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
