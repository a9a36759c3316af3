import type { Negotiation } from '../../shared/model/negotiation';
import { currentLabels } from '../../shared/model/queries';

/** A deadline the user should hear about. */
export interface Deadline {
  key: string;
  negotiationId: string;
  kind: 'silence' | 'adref';
  at: string;
  title: string;
  body: string;
}

/** The silence and ad ref deadlines of a negotiation, still ahead or not. */
export function deadlinesOf(negotiation: Negotiation): Deadline[] {
  const table = negotiation.table;
  const title = table.meta().title;
  const out: Deadline[] = [];
  const silence = table.silence();
  if (silence.state === 'open') {
    out.push({ key: `${negotiation.id}/silence/${silence.id}`, negotiationId: negotiation.id, kind: 'silence', at: silence.deadline, title: 'Silence procedure', body: `Silence on “${title}” ends at ${silence.deadline}.` });
  }
  const labels = currentLabels(negotiation);
  for (const p of table.paragraphs()) {
    if (p.status.state !== 'adref' || !p.status.deadline) continue;
    const label = labels.get(p.id) ?? 'A paragraph';
    out.push({ key: `${negotiation.id}/adref/${p.id}/${p.status.deadline}`, negotiationId: negotiation.id, kind: 'adref', at: p.status.deadline, title: 'Ad ref deadline', body: `${label} of “${title}” is agreed ad ref until ${p.status.deadline}.` });
  }
  return out;
}

/** The clock and timers, injected. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}
export const systemClock: Clock = { now: () => Date.now(), setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };

/** Before a deadline, when to warn: a day and an hour ahead. */
export const WARN_BEFORE_MS = [24 * 3600_000, 3600_000];
/** Timers further ahead than this are re-planned later (setTimeout's limit is about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Plans a notification a day and an hour before each silence or ad ref deadline (once each, even when
 * the plan is refreshed), and one at once for a deadline less than an hour ahead that was not warned.
 */
export class DeadlineScheduler {
  private timers = new Map<string, unknown>();
  private readonly sent = new Set<string>();

  constructor(
    private readonly notify: (deadline: Deadline, remainingMs: number) => void,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Replaces the plan for one negotiation with its current deadlines. */
  plan(negotiationId: string, deadlines: Deadline[]): void {
    for (const [key, handle] of this.timers) {
      if (key.startsWith(`${negotiationId}/`)) {
        this.clock.clearTimeout(handle);
        this.timers.delete(key);
      }
    }
    const now = this.clock.now();
    for (const d of deadlines) {
      const at = Date.parse(d.at);
      if (Number.isNaN(at) || at <= now) continue;
      const warnings = WARN_BEFORE_MS.map((before) => ({ id: `${d.key}#${before}`, when: at - before }));
      const future = warnings.filter((w) => w.when > now && !this.sent.has(w.id));
      const missed = warnings.filter((w) => w.when <= now && !this.sent.has(w.id));
      // Opening the app inside a warning window: one notification now, the rest as planned.
      if (missed.length > 0) {
        for (const w of missed) this.sent.add(w.id);
        this.notify(d, at - now);
      }
      for (const w of future) {
        const delay = Math.min(w.when - now, MAX_TIMER_MS);
        const handle = this.clock.setTimeout(() => {
          this.timers.delete(w.id);
          if (w.when - this.clock.now() > 1000) return this.plan(negotiationId, deadlines); // a long timer came early: plan again
          this.sent.add(w.id);
          this.notify(d, at - this.clock.now());
        }, delay);
        this.timers.set(w.id, handle);
      }
    }
  }

  /** How many notifications are waiting. */
  get planned(): number {
    return this.timers.size;
  }

  stop(): void {
    for (const handle of this.timers.values()) this.clock.clearTimeout(handle);
    this.timers.clear();
  }
}
