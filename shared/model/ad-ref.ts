import type { Actor } from './actor';
import { CommandRefused } from './command-refused';
import { requireFacilitator, requireNotUnderSilence, requireParagraph } from './guards';
import type { Negotiation } from './negotiation';

/** Where an ad ref agreement stands: who has yet to confirm, and whether the deadline has passed. */
export interface AdRefProgress {
  pending: string[];
  confirmed: string[];
  deadline: string | null;
  /** Everyone confirmed, or the deadline passed (after which silence means yes). */
  settled: boolean;
}

/** The progress of a paragraph agreed ad ref; null when it is not. */
export function adRefProgress(negotiation: Negotiation, paragraphId: string, now: string = new Date().toISOString()): AdRefProgress | null {
  const p = negotiation.table.paragraph(paragraphId);
  if (!p || p.status.state !== 'adref') return null;
  const confirmed = p.status.pending.filter((d) => negotiation.delegation(d).confirmedAdRef(paragraphId));
  const pending = p.status.pending.filter((d) => !confirmed.includes(d));
  const deadline = p.status.deadline;
  return { pending, confirmed, deadline, settled: pending.length === 0 || (deadline !== null && Date.parse(now) >= Date.parse(deadline)) };
}

/** Marks an ad ref paragraph agreed once every capital confirmed or its deadline passed. */
export function settleAdRef(negotiation: Negotiation, actor: Actor, paragraphId: string, now?: string): void {
  requireFacilitator(actor, 'settle ad ref agreements');
  requireNotUnderSilence(negotiation, 'settling an ad ref agreement');
  requireParagraph(negotiation, paragraphId);
  const progress = adRefProgress(negotiation, paragraphId, now);
  if (!progress) throw new CommandRefused('This paragraph is not agreed ad ref.', 'invalid');
  if (!progress.settled) {
    const names = progress.pending.map((d) => negotiation.table.delegation(d)?.name ?? d).join(', ');
    throw new CommandRefused(`Still pending: ${names}${progress.deadline ? ` (until ${progress.deadline})` : ''}.`, 'invalid');
  }
  negotiation.table.setStatus(paragraphId, { state: 'agreed' });
}
