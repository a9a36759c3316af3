import fs from 'node:fs';
import os from 'node:os';

/** The niceness of the server's background threads: under contention the serving and committing threads get about ten times their share of a core. */
export const BACKGROUND_NICENESS = 10;

/**
 * Lowers the scheduling priority of the calling thread only, so that the heavy work of a background
 * thread (slicing a client's 5 MB update, encoding a document's whole state, compacting a log) yields
 * the cores to the thread that serves the sockets and to the one that commits, whenever both want
 * them; on an idle machine it runs as fast as before. On Linux, niceness is per thread and
 * `/proc/thread-self` names the calling one. Elsewhere (or when refused) nothing changes; returns
 * whether the priority was lowered.
 */
export function lowerThreadPriority(niceness = BACKGROUND_NICENESS): boolean {
  if (process.platform !== 'linux') return false;
  try {
    const tid = Number(/\/task\/(\d+)$/.exec(fs.readlinkSync('/proc/thread-self'))?.[1]);
    if (!tid) return false;
    os.setPriority(tid, Math.max(os.getPriority(tid), niceness));
    return true;
  } catch {
    return false;
  }
}
