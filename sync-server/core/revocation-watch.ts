import type { Logger } from 'pino';
import type { Invitations } from '../storage/invitation-store';

/** How often the store is asked for new revocations: well inside the 100 ms a revoked connection may live. */
export const REVOCATION_POLL_MS = 10;

/**
 * Watches the store for invitations revoked by anyone (the command line, another process) and calls
 * `revoked` for each, once, within REVOCATION_POLL_MS. One indexed-size query per period; nothing when
 * the store cannot say (then the periodic revalidation still catches it). Returns a function that stops.
 */
export function watchRevocations(invitations: Invitations, revoked: (invitationId: string) => void, logger: Logger): () => void {
  if (!invitations.revokedSince) return () => undefined;
  const since = invitations.revokedSince.bind(invitations);
  let last = new Date().toISOString();
  // Revocations stamped with `last` already handled (timestamps have millisecond resolution).
  let seenAtLast = new Set<string>();
  let busy = false;
  let warned = false;
  const poll = async (): Promise<void> => {
    if (busy) return;
    busy = true;
    try {
      for (const r of await since(last)) {
        if (r.revokedAt === last && seenAtLast.has(r.id)) continue;
        if (r.revokedAt !== last) seenAtLast = new Set();
        last = r.revokedAt;
        seenAtLast.add(r.id);
        revoked(r.id);
      }
      warned = false;
    } catch (error) {
      if (!warned) logger.warn({ err: error }, 'could not read revocations from the store; open connections are rechecked periodically meanwhile');
      warned = true;
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void poll(), REVOCATION_POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
