import fs from 'node:fs';

const SCHEDSTAT = '/proc/thread-self/schedstat';

/** Whether this platform tells a thread's own time (Linux). */
export const hasThreadClock = process.platform === 'linux' && fs.existsSync(SCHEDSTAT);

/**
 * The calling thread's own clock, in ms: the time it has spent on a core (Linux's schedstat, the first
 * field, in ns). A loaded machine does not advance it while the thread waits for a core, so that what a
 * server's thread makes its clients wait for, timed on it, is the server's doing and not the machine's.
 */
export function threadCpuMs(): number {
  return Number(fs.readFileSync(SCHEDSTAT, 'utf8').split(' ')[0]) / 1e6;
}

/** A stall of the event loop: how long its timers could not run, on the thread's own clock and on the wall's. */
export interface Stall {
  ownMs: number;
  wallMs: number;
}

/**
 * Watches the calling thread's event loop: a timer every `everyMs`, and each gap between two of its
 * runs in which the thread itself worked more than `thresholdMs` (its own clock) is a stall. Gaps that
 * are the machine's (the thread waited for a core) are not.
 */
export function watchStalls(thresholdMs: number, everyMs = 5): { readonly stalls: Stall[]; readonly longestOwnMs: number; stop(): void } {
  const stalls: Stall[] = [];
  let longest = 0;
  let own = threadCpuMs();
  let wall = performance.now();
  const timer = setInterval(() => {
    const [nowOwn, nowWall] = [threadCpuMs(), performance.now()];
    const gap = { ownMs: nowOwn - own, wallMs: nowWall - wall };
    longest = Math.max(longest, gap.ownMs);
    if (gap.ownMs > thresholdMs) stalls.push(gap);
    [own, wall] = [nowOwn, nowWall];
  }, everyMs);
  return {
    stalls,
    get longestOwnMs() {
      return longest;
    },
    stop: () => clearInterval(timer),
  };
}
