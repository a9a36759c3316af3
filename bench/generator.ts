/**
 * The load generator, a child process of the harness (bench/run.ts), driven over IPC. A generator's
 * probes time only its own writers' updates, so that send and receipt times come from one clock; a
 * step that needs more than one generator spreads writers, probes and receivers over them, and the
 * harness hands every generator the final clocks of all writers to check convergence. Every client
 * speaks the y-websocket protocol over a RawSocket.
 */
import * as Y from 'yjs';
import { textRuns } from '../shared/text/y-rich-text';
import { RawSocket } from './raw-socket';
import { awarenessMessage, decodeServerMessage, syncStep1, syncStep2, updateMessage } from './protocol';
import { rng } from './negotiation-data';

export interface GeneratorConfig {
  /** ws://HOST:PORT */
  url: string;
  /** Several nodes (bench/cluster-scenario.ts): client k connects to urls[k % urls.length] (probes first, then writers, then receivers). */
  urls?: string[];
  docName: string;
  writerToken: string;
  readerToken: string;
  /** A plain relay keeps no document: clients start from `initialUpdate` (base64) and skip the sync handshake. */
  relay: boolean;
  initialUpdate: string;
  receivers: number;
  probes: number;
  writers: number;
  /** Updates per second per writer. */
  rate: number;
  /** Idle presence: every receiver sets an awareness state and renews it every heartbeatMs. */
  heartbeatMs: number | null;
  seed: number;
}

export interface MeasureResult {
  cpuPercent: number;
  elapsedMs: number;
  sent: number;
  target: number;
  missedSlots: number;
  framesReceived: number;
  updateFramesReceived: number;
  bytesReceived: number;
  heartbeatsSent: number;
  closed: number;
}

/** A writer's last clock: [client id, clock, document]. */
export type FinalClock = readonly [number, number, string];

export interface ConvergeResult {
  latencies: number[];
  /** When each latency's update was sent, in ms after the window opened (same order as `latencies`). */
  sentAt: number[];
  expected: number;
  received: number;
  identical: boolean;
  probes: number;
  missing: string[];
  denied: string[];
  /** Each probe's document as it ended (state vector and content), to compare across generators. */
  fingerprints: { docName: string; fingerprint: string }[];
}

type Request = { id: number; cmd: 'setup'; config: GeneratorConfig } | { id: number; cmd: 'measure'; ms: number; warmupMs: number } | { id: number; cmd: 'clocks' } | { id: number; cmd: 'converge'; timeoutMs: number; clocks?: FinalClock[] } | { id: number; cmd: 'close' };

interface Sends {
  clocks: number[];
  times: number[];
}

const sends = new Map<number, Sends>();
let windowLatencies: number[] = [];
let windowSentAt: number[] = [];
/** Sends before this time (the warm-up) are not measured. */
let windowStart = Infinity;
const denied: string[] = [];

class Probe {
  readonly doc = new Y.Doc();
  /** Several documents may share a generator (bench/cluster-scenario.ts): each setup call adds one. */
  docName = '';
  readonly cursor = new Map<number, number>();
  synced = false;
  socket: RawSocket | null = null;

  onMessage(data: Buffer, socket: RawSocket): void {
    const now = performance.now();
    const m = decodeServerMessage(data);
    if (m.kind === 'auth') denied.push(m.reason);
    if (m.kind !== 'sync') return;
    if (m.sub === 0) {
      socket.send(syncStep2(Y.encodeStateAsUpdate(this.doc, m.payload)));
      return;
    }
    if (m.sub === 2) this.match(m.payload, now);
    Y.applyUpdate(this.doc, m.payload);
    if (m.sub === 1) this.synced = true;
  }

  private match(update: Uint8Array, now: number): void {
    const { to } = Y.parseUpdateMeta(update);
    for (const [client, end] of to) {
      const s = sends.get(client);
      if (!s) continue;
      let i = this.cursor.get(client) ?? 0;
      while (i < s.clocks.length && s.clocks[i]! < end) {
        if (s.times[i]! >= windowStart) {
          windowLatencies.push(now - s.times[i]!);
          windowSentAt.push(s.times[i]! - windowStart);
        }
        i++;
      }
      this.cursor.set(client, i);
    }
  }
}

class Writer {
  readonly doc = new Y.Doc();
  docName = '';
  synced = false;
  socket: RawSocket | null = null;
  next = 0;
  private text: Y.XmlText | null = null;
  private at = 0;
  readonly sends: Sends = { clocks: [], times: [] };

  constructor(
    private readonly index: number,
    private readonly random: () => number,
  ) {
    sends.set(this.doc.clientID, this.sends);
  }

  onMessage(data: Buffer, socket: RawSocket): void {
    const m = decodeServerMessage(data);
    if (m.kind === 'auth') denied.push(m.reason);
    if (m.kind !== 'sync') return;
    if (m.sub === 0) socket.send(syncStep2(Y.encodeStateAsUpdate(this.doc, m.payload)));
    // A writer types into the document as it was when it joined; it does not integrate the others'
    // typing during the run (that is the probes' job), which keeps the generator light at the knee.
    else if (m.sub === 1) {
      Y.applyUpdate(this.doc, m.payload);
      this.synced = true;
    }
  }

  /** One keystroke: a character typed at this writer's cursor in its paragraph. */
  type(): void {
    if (!this.text) {
      const paragraphs = this.doc.getMap<Y.Map<unknown>>('paragraphs');
      const ids = [...paragraphs.keys()].sort();
      const id = ids[this.index % ids.length]!;
      this.text = textRuns(paragraphs.get(id)!.get('text') as Y.XmlFragment)[0]!.text;
      this.at = Math.floor(this.random() * this.text.length);
    }
    const clock = Y.getState(this.doc.store, this.doc.clientID);
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array) => (update = u);
    this.doc.on('update', capture);
    this.text.insert(this.at++, String.fromCharCode(97 + Math.floor(this.random() * 26)), {});
    this.doc.off('update', capture);
    this.sends.clocks.push(clock);
    this.sends.times.push(performance.now());
    this.socket!.send(updateMessage(update!));
  }
}

let config: GeneratorConfig | null = null;
const probes: Probe[] = [];
const writers: Writer[] = [];
const receivers: RawSocket[] = [];
const heartbeats: { socket: RawSocket; clientId: number; clock: number; state: unknown; next: number }[] = [];
let heartbeatTimer: NodeJS.Timeout | null = null;
let heartbeatsSent = 0;

async function inBatches<T>(count: number, batch: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += batch) out.push(...(await Promise.all(Array.from({ length: Math.min(batch, count - i) }, (_, j) => make(i + j)))));
  return out;
}

async function waitUntil(check: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function setup(c: GeneratorConfig): Promise<{ connected: number }> {
  config = c;
  const random = rng(c.seed);
  const initial = c.relay ? Buffer.from(c.initialUpdate, 'base64') : null;
  let nextClient = 0;
  const url = (token: string) => {
    const base = c.urls && c.urls.length > 0 ? c.urls[nextClient++ % c.urls.length]! : c.url;
    return `${base}/${c.docName}?token=${encodeURIComponent(token)}`;
  };
  /** Connects a probe or a writer: it starts from the relay's initial state, or syncs with the server. */
  const join = async (client: Probe | Writer, token: string): Promise<void> => {
    client.docName = c.docName;
    client.socket = await RawSocket.connect(url(token), (d, s) => client.onMessage(d, s));
    if (initial) {
      Y.applyUpdate(client.doc, initial);
      client.synced = true;
    } else client.socket.send(syncStep1(Y.encodeStateVector(client.doc)));
  };
  for (let i = 0; i < c.probes; i++) {
    const p = new Probe();
    probes.push(p);
    await join(p, c.readerToken);
  }
  for (let i = 0; i < c.writers; i++) {
    const w = new Writer(i, random);
    writers.push(w);
    await join(w, c.writerToken);
  }
  const empty = syncStep1(Y.encodeStateVector(new Y.Doc()));
  const made = await inBatches(c.receivers, 25, async () => {
    const s = await RawSocket.connect(url(c.readerToken));
    if (!c.relay) s.send(empty);
    return s;
  });
  receivers.push(...made);
  // Synced: probes and writers hold the document; receivers were sent sync step 1 and step 2.
  await waitUntil(() => probes.every((p) => p.synced) && writers.every((w) => w.synced) && (c.relay || receivers.every((r) => r.framesByType[0]! >= 2)), 'every client to sync', 60_000);
  const closed = [...receivers, ...probes.map((p) => p.socket!), ...writers.map((w) => w.socket!)].filter((s) => s.closedWith);
  if (closed.length > 0) throw new Error(`${closed.length} clients were closed during setup: ${JSON.stringify(closed[0]!.closedWith)}`);
  if (c.heartbeatMs) {
    const now = performance.now();
    receivers.forEach((socket, i) => {
      const clientId = Math.floor(random() * 2 ** 31);
      const state = { user: { name: `Delegate ${i}`, color: '#3366cc' }, cursor: null };
      socket.send(awarenessMessage(clientId, 1, state));
      // Heartbeats (the same state, a newer clock) spread evenly over the period, as independent clients' would be.
      heartbeats.push({ socket, clientId, clock: 1, state, next: now + ((i + 0.5) / receivers.length) * c.heartbeatMs! });
    });
    heartbeatTimer = setInterval(() => {
      const t = performance.now();
      for (const h of heartbeats) {
        if (h.next > t) continue;
        h.next += c.heartbeatMs!;
        h.clock++;
        heartbeatsSent++;
        h.socket.send(awarenessMessage(h.clientId, h.clock, h.state));
      }
    }, 20);
  }
  return { connected: probes.length + writers.length + receivers.length };
}

const allSockets = (): RawSocket[] => [...receivers, ...probes.map((p) => p.socket!), ...writers.map((w) => w.socket!)];

async function measure(ms: number, warmupMs: number): Promise<MeasureResult> {
  const c = config!;
  const period = 1000 / c.rate;
  const start = performance.now();
  writers.forEach((w, i) => (w.next = start + (i / Math.max(1, writers.length)) * period));
  windowLatencies = [];
  windowSentAt = [];
  windowStart = start + warmupMs;
  let snapshot: { frames: number; updates: number; bytes: number; hb: number; cpu: NodeJS.CpuUsage; t: number; sent: number } | null = null;
  let sent = 0;
  let missedSlots = 0;
  const totals = () => {
    const sockets = allSockets();
    return { frames: sockets.reduce((n, s) => n + s.frames, 0), updates: sockets.reduce((n, s) => n + s.framesByType[0]!, 0), bytes: sockets.reduce((n, s) => n + s.bytes, 0) };
  };
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const now = performance.now();
      if (!snapshot && now >= windowStart) snapshot = { ...totals(), hb: heartbeatsSent, cpu: process.cpuUsage(), t: now, sent };
      if (now - start >= warmupMs + ms) {
        clearInterval(tick);
        return resolve();
      }
      for (const w of writers) {
        // A generator that falls behind by more than two periods skips slots rather than bursting.
        if (now - w.next > 2 * period) {
          const skipped = Math.floor((now - w.next) / period) - 1;
          if (snapshot) missedSlots += skipped;
          w.next += skipped * period;
        }
        while (w.next <= now) {
          w.type();
          sent++;
          w.next += period;
        }
      }
    }, 2);
  });
  const s0 = snapshot!;
  const elapsedMs = performance.now() - s0.t;
  const cpu = process.cpuUsage(s0.cpu);
  const t = totals();
  return {
    cpuPercent: ((cpu.user + cpu.system) / 1000 / elapsedMs) * 100,
    elapsedMs,
    sent: sent - s0.sent,
    target: Math.floor((elapsedMs / 1000) * c.rate * writers.length),
    missedSlots,
    framesReceived: t.frames - s0.frames,
    updateFramesReceived: t.updates - s0.updates,
    bytesReceived: t.bytes - s0.bytes,
    heartbeatsSent: heartbeatsSent - s0.hb,
    closed: allSockets().filter((s) => s.closedWith).length,
  };
}

/** This generator's writers' last clocks. */
const writerClocks = (): FinalClock[] => writers.map((w) => [w.doc.clientID, Y.getState(w.doc.store, w.doc.clientID), w.docName] as const);

/**
 * Waits until every probe holds every writer's last keystroke (`clocks`: of every generator's writers;
 * by default this one's), then compares the probes' documents.
 */
async function converge(timeoutMs: number, finalClocks: readonly FinalClock[] = writerClocks()): Promise<ConvergeResult> {
  const ofProbe = (p: Probe) => finalClocks.filter(([, , doc]) => doc === p.docName);
  const complete = (p: Probe) => ofProbe(p).every(([client, clock]) => Y.getState(p.doc.store, client) >= clock);
  await waitUntil(() => probes.every(complete), 'the probes to receive every update', timeoutMs).catch(() => undefined);
  const missing = probes.flatMap((p, i) => ofProbe(p).filter(([client, clock]) => Y.getState(p.doc.store, client) < clock).map(([client, clock]) => `probe ${i} lacks ${clock - Y.getState(p.doc.store, client)} of client ${client}`));
  const fingerprint = (p: Probe) => `${Buffer.from(Y.encodeStateVector(p.doc)).toString('base64')}|${JSON.stringify(p.doc.getMap('paragraphs').toJSON())}`;
  // The probes of each document hold identical copies.
  const identical = probes.every((p) => fingerprint(p) === fingerprint(probes.find((q) => q.docName === p.docName)!));
  const expected = writers.reduce((n, w) => n + w.sends.times.filter((t) => t >= windowStart).length * probes.filter((p) => p.docName === w.docName).length, 0);
  const latencies = windowLatencies;
  const sentAt = windowSentAt;
  windowLatencies = [];
  windowSentAt = [];
  return { latencies, sentAt, expected, received: latencies.length, identical, probes: probes.length, missing, denied: [...denied], fingerprints: probes.map((p) => ({ docName: p.docName, fingerprint: fingerprint(p) })) };
}

function close(): void {
  if (heartbeatTimer) clearInterval(heartbeatTimer);
  for (const s of allSockets()) s.close();
}

process.on('message', (raw: unknown) => {
  const request = raw as Request;
  const reply = (result: unknown) => process.send!({ id: request.id, result });
  const fail = (error: unknown) => process.send!({ id: request.id, error: (error as Error).message ?? String(error) });
  try {
    switch (request.cmd) {
      case 'setup':
        return void setup(request.config).then(reply, fail);
      case 'measure':
        return void measure(request.ms, request.warmupMs).then(reply, fail);
      case 'clocks':
        return reply(writerClocks());
      case 'converge':
        return void converge(request.timeoutMs, request.clocks).then(reply, fail);
      case 'close':
        close();
        reply(true);
        return void setTimeout(() => process.exit(0), 200);
    }
  } catch (error) {
    fail(error);
  }
});
