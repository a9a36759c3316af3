import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { DocumentFanout, FanoutListener, FanoutSubscription } from '../../core/document-fanout';

/** What a message carries (after the sender's node id). */
export const Kind = {
  update: 0,
  awareness: 1,
  /** "I could not publish some updates of this document: read it from the store." */
  resync: 2,
} as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

const NODE_ID_BYTES = 8;

/** A message on a document's channel: the sender's node id (8 bytes), the kind, the payload. */
export function fanoutMessage(nodeId: Uint8Array, kind: Kind, payload: Uint8Array): Buffer {
  const message = Buffer.allocUnsafe(NODE_ID_BYTES + 1 + payload.length);
  message.set(nodeId.subarray(0, NODE_ID_BYTES), 0);
  message[NODE_ID_BYTES] = kind;
  message.set(payload, NODE_ID_BYTES + 1);
  return message;
}

/** The channel of a document (with the default prefix). */
export const documentChannel = (name: string, prefix = 'penholder:doc:'): string => prefix + name;

/** How the fan-out stands, for /healthz and the logs. */
export interface FanoutStatus {
  redis: 'up' | 'down';
  /** Documents this node holds and listens for. */
  channels: number;
  /** When Redis was last lost, if it is down. */
  downSince: string | null;
}

/**
 * Fan-out between nodes over Redis pub/sub, one channel per document (`penholder:doc:<name>`).
 * Messages are at most once: whenever one may have been missed (this node lost Redis, or could not
 * publish), the nodes concerned read the document from PostgreSQL again (`listener.resync`). While
 * Redis is down every node keeps serving its own clients and persisting, and reads the documents it
 * holds from PostgreSQL every `pollMs` so that clients of different nodes still converge, slowly.
 */
export class RedisFanout implements DocumentFanout {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly nodeId = randomBytes(NODE_ID_BYTES);
  private readonly listeners = new Map<string, Set<FanoutListener>>();
  /** Documents with an update that could not be published, announced once Redis is back. */
  private readonly unpublished = new Set<string>();
  /** Publications of this turn, not sent yet (see publish). */
  private batch: { name: string; kind: Kind; message: Buffer }[] | null = null;
  private up = false;
  private downSince: Date | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    url: string,
    private readonly logger: Logger,
    private readonly options: { pollMs: number; prefix: string } = { pollMs: 2_000, prefix: 'penholder:doc:' },
  ) {
    const redisOptions = {
      // Fail at once rather than queue while disconnected: the store is the truth, resync catches up.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (times: number) => Math.min(100 * times, 1_000),
      lazyConnect: true,
    };
    this.pub = new Redis(url, redisOptions);
    this.sub = new Redis(url, redisOptions);
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.receive(channel, message));
    for (const client of [this.pub, this.sub]) {
      client.on('ready', () => void this.changed());
      client.on('close', () => void this.changed());
      client.on('error', () => undefined); // reported as state changes, not once per retry
    }
    this.goneDown('not connected yet');
  }

  /** Connects, waiting at most `timeoutMs`; when Redis is not there the node starts anyway, degraded. */
  async connect(timeoutMs = 3_000): Promise<void> {
    void this.pub.connect().catch(() => undefined);
    void this.sub.connect().catch(() => undefined);
    const start = Date.now();
    while (!this.up && Date.now() - start < timeoutMs) await new Promise((r) => setTimeout(r, 20));
    if (!this.up) this.logger.error({ redis: 'down' }, 'Redis is unavailable: serving this node\'s clients only, persisting to PostgreSQL, reading other nodes\' writes from it every few seconds');
  }

  status(): FanoutStatus {
    return { redis: this.up ? 'up' : 'down', channels: this.listeners.size, downSince: this.downSince?.toISOString() ?? null };
  }

  async subscribe(name: string, listener: FanoutListener): Promise<FanoutSubscription> {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener);
    if (this.up) {
      try {
        // Also when already subscribed: resolves once Redis confirmed, after any subscribe in flight.
        await this.sub.subscribe(this.channel(name));
      } catch (error) {
        // Lost meanwhile: the return of Redis resubscribes and resyncs every document.
        this.logger.warn({ err: error, doc: name }, 'could not subscribe to a document\'s channel');
      }
    }
    let subscribed = true;
    return {
      publishUpdate: (update) => this.publish(name, Kind.update, update),
      publishAwareness: (update) => this.publish(name, Kind.awareness, update),
      unsubscribe: () => {
        if (!subscribed) return;
        subscribed = false;
        set.delete(listener);
        if (set.size > 0 || this.listeners.get(name) !== set) return;
        this.listeners.delete(name);
        if (this.sub.status === 'ready') void this.sub.unsubscribe(this.channel(name)).catch(() => undefined);
      },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pub.disconnect();
    this.sub.disconnect();
  }

  private channel(name: string): string {
    return documentChannel(name, this.options.prefix);
  }

  /**
   * Publications of one turn (the updates of one group commit, made durable together, and presence) leave
   * in one pipeline, one write, as soon as the turn's callbacks ran. Each pipeline leaves at once, without
   * waiting for the previous one's answer (ioredis' auto-pipelining sends one pipeline at a time, a
   * setImmediate late: a publication queued behind another's round trip to Redis).
   */
  private publish(name: string, kind: Kind, payload: Uint8Array): void {
    if (!this.up) {
      if (kind === Kind.update) this.unpublished.add(name);
      return;
    }
    if (!this.batch) {
      this.batch = [];
      process.nextTick(() => this.sendBatch());
    }
    this.batch.push({ name, kind, message: fanoutMessage(this.nodeId, kind, payload) });
  }

  private sendBatch(): void {
    const batch = this.batch ?? [];
    this.batch = null;
    const lost = (items: typeof batch) => {
      for (const { name, kind } of items) if (kind === Kind.update) this.unpublished.add(name);
    };
    if (!this.up) return lost(batch);
    const pipeline = this.pub.pipeline();
    for (const { name, message } of batch) pipeline.publish(this.channel(name), message);
    pipeline.exec().then(
      (results) => lost(batch.filter((_, i) => !results || results[i]![0] !== null)),
      () => lost(batch),
    );
  }

  private receive(channel: Buffer, message: Buffer): void {
    if (message.length < NODE_ID_BYTES + 1) return;
    if (message.subarray(0, NODE_ID_BYTES).equals(this.nodeId)) return; // our own
    const name = channel.toString('utf8').slice(this.options.prefix.length);
    const listeners = this.listeners.get(name);
    if (!listeners) return;
    const payload = new Uint8Array(message.subarray(NODE_ID_BYTES + 1));
    const kind = message[NODE_ID_BYTES] as Kind;
    for (const l of [...listeners]) {
      if (kind === Kind.update) l.update(payload);
      else if (kind === Kind.awareness) l.awareness(payload, message.subarray(0, NODE_ID_BYTES).toString('hex'));
      else if (kind === Kind.resync) l.resync();
    }
  }

  /** Both connections ready → up (resubscribe, then resync everything); either lost → down. */
  private async changed(): Promise<void> {
    if (this.closed) return;
    const ready = this.pub.status === 'ready' && this.sub.status === 'ready';
    if (ready && !this.up) {
      const names = [...this.listeners.keys()];
      try {
        if (names.length > 0) await this.sub.subscribe(...names.map((n) => this.channel(n)));
      } catch {
        return; // lost again; the next 'ready' tries again
      }
      if (this.pub.status !== 'ready' || this.sub.status !== 'ready' || this.up) return;
      this.up = true;
      const wasDown = this.downSince;
      this.downSince = null;
      if (this.pollTimer) clearInterval(this.pollTimer);
      this.pollTimer = null;
      if (wasDown) this.logger.info({ redis: 'up', documents: names.length }, 'Redis is available: fan-out between nodes resumes; resynchronising documents from PostgreSQL');
      // Tell the nodes what we could not publish, and catch up on what we could not hear.
      for (const name of this.unpublished) this.publish(name, Kind.resync, new Uint8Array(0));
      this.unpublished.clear();
      this.resyncAll();
    } else if (!ready && this.up) {
      this.goneDown('connection lost');
    }
  }

  private goneDown(reason: string): void {
    const first = this.downSince === null;
    this.up = false;
    this.downSince ??= new Date();
    if (first && reason !== 'not connected yet') {
      this.logger.error({ redis: 'down', reason }, 'Redis is unavailable: serving this node\'s clients only and persisting to PostgreSQL; other nodes\' writes are read from it every few seconds');
    }
    this.pollTimer ??= setInterval(() => this.resyncAll(), this.options.pollMs);
    this.pollTimer.unref();
  }

  private resyncAll(): void {
    for (const set of this.listeners.values()) for (const l of [...set]) l.resync();
  }
}
