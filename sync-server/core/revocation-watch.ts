import type { Logger } from 'pino';
import type { Invitations } from '../storage/invitation-store';
import type { ServerHooks } from './server-hooks';

/** How often the store is asked for new revocations: well inside the 100 ms a revoked connection may live. */
export const REVOCATION_POLL_MS = 10;
/** How often a store that announces revocations is asked anyway, while it listens. */
const ANNOUNCED_POLL_MS = 1_000;
/**
 * How far back each query looks: a revocation is stamped by the clock of whoever made it, before its
 * commit, so one committed late (or by a node whose clock lags a little) is still found.
 */
const LOOK_BACK_MS = 10_000;

/**
 * Watches the store for invitations revoked by anyone (the command line, another node) and calls
 * `revoked` for each, once, within REVOCATION_POLL_MS. On a store that answers synchronously (SQLite),
 * `hooks()` also asks it before the first write of every event-loop turn, so that no write processed
 * after a revocation was committed is applied or stored, however late the timer runs.
 */
export class RevocationWatch {
  /** Every invitation seen revoked since the server started. */
  private readonly seen = new Set<string>();
  private latest = Date.now();
  private busy = false;
  /** A poll was asked for while one was in flight (it may have read before the revocation's commit). */
  private again = false;
  private unwatch: (() => void) | null = null;
  private warned = false;
  private checkedThisTurn = false;
  /** Whether the store answered without a round trip (then writes ask it too); known after the first poll. */
  private synchronous = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly invitations: Invitations,
    private readonly revoked: (invitationId: string) => void,
    private readonly logger: Logger,
  ) {}

  /**
   * Starts polling (the first read at once); nothing when the store cannot say (then the periodic
   * revalidation still catches it). A store that announces revocations is read when it does, and
   * every second besides; every REVOCATION_POLL_MS while it cannot.
   */
  start(): void {
    if (!this.invitations.revokedSince || this.timer) return;
    void this.poll();
    this.every(REVOCATION_POLL_MS);
    this.unwatch = this.invitations.watchRevocations?.({ revoked: () => void this.poll(), listening: (up) => this.every(up ? ANNOUNCED_POLL_MS : REVOCATION_POLL_MS) }) ?? null;
  }

  /** Stops the timer and the announcements (writes still ask a synchronous store). */
  stop(): void {
    this.unwatch?.();
    this.unwatch = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private every(ms: number): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = setInterval(() => void this.poll(), ms);
    this.timer.unref();
  }

  /** Refuses a write from an invitation found revoked, asking a synchronous store first (once per turn). */
  hooks(): ServerHooks {
    return {
      validateUpdate: ({ identity }) => {
        if (this.synchronous && !this.checkedThisTurn) {
          this.checkedThisTurn = true;
          setImmediate(() => (this.checkedThisTurn = false));
          void this.poll();
        }
        return this.seen.has(identity.invitationId) ? 'this invitation was revoked; the change was not applied' : null;
      },
    };
  }

  /** Reads new revocations (synchronously when the store answers at once). */
  private async poll(): Promise<void> {
    if (!this.invitations.revokedSince) return;
    if (this.busy) {
      this.again = true;
      return;
    }
    this.busy = true;
    this.again = false;
    try {
      const answer = this.invitations.revokedSince(new Date(this.latest - LOOK_BACK_MS).toISOString());
      this.synchronous = !(answer instanceof Promise);
      this.handle(answer instanceof Promise ? await answer : answer);
      this.warned = false;
    } catch (error) {
      if (!this.warned) this.logger.warn({ err: error }, 'could not read revocations from the store; open connections are rechecked periodically meanwhile');
      this.warned = true;
    } finally {
      this.busy = false;
    }
    if (this.again) void this.poll();
  }

  private handle(rows: { id: string; revokedAt: string }[]): void {
    for (const r of rows) {
      this.latest = Math.max(this.latest, Date.parse(r.revokedAt));
      if (this.seen.has(r.id)) continue;
      this.seen.add(r.id);
      // Closing can wait for the end of this write's handling; the refusal cannot.
      queueMicrotask(() => this.revoked(r.id));
    }
  }
}
