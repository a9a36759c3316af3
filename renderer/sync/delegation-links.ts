/** What DelegationLinks needs of a document's connection (a y-websocket provider has all of it). */
export interface Link {
  connect(): void;
  disconnect(): void;
  readonly shouldConnect: boolean;
  readonly synced: boolean;
  on(event: 'sync', listener: (synced: boolean) => void): void;
  off(event: 'sync', listener: (synced: boolean) => void): void;
}

export interface DelegationLinkOptions {
  /** How many absent delegations' documents a sweep fetches at once. */
  concurrency?: number;
  /** How long a sweep waits for one document before going on (ms). */
  fetchTimeout?: number;
  /** How long a delegation's document stays connected after it left the room (ms). */
  linger?: number;
  timers?: { setTimeout(f: () => void, ms: number): unknown; clearTimeout(id: unknown): void };
}

/**
 * Which delegation documents hold a websocket open. A full UN roster is ~200 delegations; one socket
 * each, in every window, is 200 sockets per person. Only a delegation that is connected can change its
 * document, and a connected delegation is in the room (the table's awareness, stamped by the server).
 * So: the documents of the delegations present (and our own) stay connected and change live; the
 * others are fetched once by a sweep (connect, sync, disconnect, a few at a time) when the app starts
 * or comes back online, when a delegation leaves the room, and when `sweep` is called (a timer).
 */
export class DelegationLinks {
  private readonly links = new Map<string, Link>();
  private readonly keep = new Set<string>();
  private present = new Set<string>();
  private readonly queue: string[] = [];
  private readonly fetching = new Map<string, () => void>();
  private readonly lingering = new Map<string, unknown>();
  private online = true;
  private readonly concurrency: number;
  private readonly fetchTimeout: number;
  private readonly linger: number;
  private readonly timers: NonNullable<DelegationLinkOptions['timers']>;

  constructor(options: DelegationLinkOptions = {}) {
    this.concurrency = options.concurrency ?? 6;
    this.fetchTimeout = options.fetchTimeout ?? 10_000;
    this.linger = options.linger ?? 5_000;
    this.timers = options.timers ?? { setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (id) => clearTimeout(id as number) };
  }

  /** A delegation document to manage; `always` keeps it connected (our own). It is fetched once. */
  add(delegationId: string, link: Link, always = false): void {
    this.links.set(delegationId, link);
    if (always) this.keep.add(delegationId);
    if (this.live(delegationId)) this.connect(delegationId);
    else this.enqueue([delegationId]);
  }

  /** The delegations in the room now. Those who arrive connect; those who left are let go after a while. */
  setPresent(ids: Iterable<string>): void {
    const next = new Set(ids);
    const before = this.present;
    this.present = next;
    for (const id of next) {
      const timer = this.lingering.get(id);
      if (timer !== undefined) {
        this.timers.clearTimeout(timer);
        this.lingering.delete(id);
      }
      if (!before.has(id) && this.links.has(id)) this.connect(id);
    }
    for (const id of before) {
      if (next.has(id) || this.keep.has(id) || !this.links.has(id)) continue;
      this.lingering.set(id, this.timers.setTimeout(() => (this.lingering.delete(id), this.live(id) || this.release(id)), this.linger));
    }
  }

  /** The network is gone (every socket closes) or back (the live ones reconnect, the others are swept). */
  setOnline(online: boolean): void {
    this.online = online;
    if (!online) {
      this.queue.length = 0;
      for (const done of [...this.fetching.values()]) done();
      for (const link of this.links.values()) if (link.shouldConnect) link.disconnect();
      return;
    }
    for (const id of this.links.keys()) if (this.live(id)) this.connect(id);
    this.sweep();
  }

  /** Fetches every absent delegation's document once more. */
  sweep(): void {
    this.enqueue([...this.links.keys()].filter((id) => !this.live(id)));
  }

  /** How many delegation documents hold a socket now. */
  connectedCount(): number {
    return [...this.links.values()].filter((l) => l.shouldConnect).length;
  }

  destroy(): void {
    for (const t of this.lingering.values()) this.timers.clearTimeout(t);
    this.lingering.clear();
    this.queue.length = 0;
    for (const done of [...this.fetching.values()]) done();
  }

  private live(id: string): boolean {
    return this.keep.has(id) || this.present.has(id);
  }

  private connect(id: string): void {
    const link = this.links.get(id);
    if (this.online && link && !link.shouldConnect) link.connect();
  }

  private release(id: string): void {
    const link = this.links.get(id);
    if (link?.shouldConnect && !this.fetching.has(id)) link.disconnect();
  }

  private enqueue(ids: string[]): void {
    for (const id of ids) if (!this.queue.includes(id) && !this.fetching.has(id)) this.queue.push(id);
    this.pump();
  }

  private pump(): void {
    while (this.online && this.fetching.size < this.concurrency && this.queue.length) {
      const id = this.queue.shift()!;
      const link = this.links.get(id);
      if (!link || this.live(id)) continue;
      const onSync = (synced: boolean): void => void (synced && done());
      const done = (): void => {
        if (!this.fetching.has(id)) return;
        this.fetching.delete(id);
        link.off('sync', onSync);
        this.timers.clearTimeout(timer);
        if (!this.live(id)) this.release(id);
        this.pump();
      };
      this.fetching.set(id, done);
      link.on('sync', onSync);
      const timer = this.timers.setTimeout(done, this.fetchTimeout);
      link.connect();
    }
  }
}
