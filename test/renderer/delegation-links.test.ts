import { describe, expect, it } from 'vitest';
import { DelegationLinks, type Link } from '../../renderer/sync/delegation-links';

/** A document connection that syncs when the test says so. */
class FakeLink implements Link {
  shouldConnect = false;
  synced = false;
  connects = 0;
  private readonly listeners = new Set<(s: boolean) => void>();
  connect(): void {
    this.shouldConnect = true;
    this.connects++;
  }
  disconnect(): void {
    this.shouldConnect = false;
    this.synced = false;
  }
  sync(): void {
    this.synced = true;
    for (const l of [...this.listeners]) l(true);
  }
  on(_e: 'sync', l: (s: boolean) => void): void {
    this.listeners.add(l);
  }
  off(_e: 'sync', l: (s: boolean) => void): void {
    this.listeners.delete(l);
  }
}

/** Timers the test runs by hand. */
function manualTimers() {
  let next = 0;
  const pending = new Map<number, () => void>();
  return {
    setTimeout: (f: () => void) => (pending.set(++next, f), next),
    clearTimeout: (id: unknown) => void pending.delete(id as number),
    runAll: () => {
      for (const [id, f] of [...pending]) {
        pending.delete(id);
        f();
      }
    },
  };
}

function roster(n: number) {
  const timers = manualTimers();
  const links = new DelegationLinks({ concurrency: 3, timers });
  const docs = Array.from({ length: n }, (_, i) => [`d${i}`, new FakeLink()] as const);
  return { links, timers, docs, byId: new Map(docs) };
}

describe('delegation documents: connected while present, fetched once otherwise', () => {
  it('fetches absent delegations a few at a time, keeping no socket open once each has synced', () => {
    const { links, docs } = roster(200);
    for (const [id, link] of docs) links.add(id, link);
    expect(links.connectedCount()).toBe(3);
    for (let round = 0; round < 200; round++) docs.find(([, l]) => l.shouldConnect)?.[1].sync();
    expect(docs.every(([, l]) => l.connects === 1)).toBe(true);
    expect(links.connectedCount()).toBe(0);
  });

  it('keeps our own and the present delegations connected; lets a leaver go after a while', () => {
    const { links, timers, docs, byId } = roster(10);
    links.add('d0', byId.get('d0')!, true);
    for (const [id, link] of docs.slice(1)) links.add(id, link);
    for (let round = 0; round < 4; round++) for (const [, link] of docs) if (link.shouldConnect && link !== byId.get('d0')) link.sync();
    expect(links.connectedCount()).toBe(1);
    links.setPresent(['d4', 'd5']);
    expect(byId.get('d4')!.shouldConnect && byId.get('d5')!.shouldConnect).toBe(true);
    links.setPresent(['d5']);
    expect(byId.get('d4')!.shouldConnect).toBe(true);
    timers.runAll();
    expect(byId.get('d4')!.shouldConnect).toBe(false);
    expect(links.connectedCount()).toBe(2);
  });

  it('closes everything offline; back online, reconnects the live ones and fetches the others again', () => {
    const { links, docs, byId } = roster(4);
    for (const [id, link] of docs) links.add(id, link, id === 'd0');
    links.setPresent(['d1']);
    for (const [, link] of docs) if (link.shouldConnect) link.sync();
    links.setOnline(false);
    expect(links.connectedCount()).toBe(0);
    links.setOnline(true);
    expect(byId.get('d0')!.shouldConnect && byId.get('d1')!.shouldConnect).toBe(true);
    expect(byId.get('d2')!.shouldConnect && byId.get('d3')!.shouldConnect).toBe(true);
    byId.get('d2')!.sync();
    byId.get('d3')!.sync();
    expect(links.connectedCount()).toBe(2);
  });

  it('gives up on a document that does not sync in time, and goes on', () => {
    const { links, timers, docs } = roster(5);
    for (const [id, link] of docs) links.add(id, link);
    expect(links.connectedCount()).toBe(3);
    timers.runAll();
    expect(links.connectedCount()).toBe(2);
    timers.runAll();
    expect(links.connectedCount()).toBe(0);
  });
});
