import type { Actor } from './actor';
import { CommandRefused } from './command-refused';
import { appendDecision } from './decision-log';
import { requireDelegation, requireFacilitator, requireParagraph } from './guards';
import { randomId } from './ids';
import type { Negotiation } from './negotiation';
import { describeItems, paragraphsWithOpenItems, textOpenItems } from './paragraph-rules';
import type { Silence } from './table-state';

/** How silence opens on a text that is not clean. */
export interface OpenSilenceOptions {
  /**
   * The co-facilitators confirm that the open items (brackets, alternatives, open proposals, pending ad ref)
   * stay open: silence then runs on the rest, and passing it adopts none of the paragraphs holding them.
   */
  keepOpen?: boolean;
}

/**
 * Puts the current text under silence until a deadline (ISO time). A text with open items is refused
 * (`text-not-clean`, listing them) unless `keepOpen` confirms they stay open.
 */
export function openSilence(negotiation: Negotiation, actor: Actor, deadline: string, at?: string, options: OpenSilenceOptions = {}): Silence {
  requireFacilitator(actor, 'open the silence procedure');
  const table = negotiation.table;
  if (table.silence().state === 'open') throw new CommandRefused('The text is already under silence.', 'invalid');
  if (Number.isNaN(Date.parse(deadline))) throw new CommandRefused(`"${deadline}" is not a date and time; give the deadline as 2021-04-28T18:00:00Z.`, 'invalid');
  const openedAt = at ?? new Date().toISOString();
  if (deadline <= openedAt) throw new CommandRefused('The silence deadline must be in the future.', 'invalid');
  const items = textOpenItems(negotiation, openedAt);
  if (items.length > 0 && !options.keepOpen) {
    throw new CommandRefused(`The text is not clean: ${describeItems(items)}. Settle these first, or confirm that they stay open under silence (silence then adopts none of them).`, 'text-not-clean', items);
  }
  const keptOpen = paragraphsWithOpenItems(negotiation, openedAt);
  const silence: Silence = { state: 'open', id: randomId(10), revision: Math.max(0, table.epoch() - 1), openedAt, deadline, ...(keptOpen.length ? { keptOpen } : {}) };
  table.doc.transact(() => {
    table.silenceMap.set('current', silence);
    const kept = keptOpen.length ? `; kept open: ${keptOpen.join(', ')}` : '';
    appendDecision(table, actor, { kind: 'silence-open', detail: `until ${deadline}${kept}` }, openedAt);
  });
  return silence;
}

/** A delegation breaks silence by naming paragraphs and its reasons. One objection is enough. */
export function breakSilence(negotiation: Negotiation, actor: Actor, paragraphs: string[], reason: string, at?: string): void {
  const own = requireDelegation(negotiation, actor, 'break silence');
  const silence = negotiation.table.silence();
  if (silence.state !== 'open') throw new CommandRefused('The text is not under silence; raise the point in the informals instead.', 'invalid');
  if (paragraphs.length === 0) throw new CommandRefused('Name the paragraphs on which silence is broken.', 'invalid');
  if (!reason.trim()) throw new CommandRefused('Give the reasons for breaking silence.', 'invalid');
  for (const id of paragraphs) requireParagraph(negotiation, id);
  const when = at ?? new Date().toISOString();
  if (when > silence.deadline) throw new CommandRefused(`The silence deadline (${silence.deadline}) has passed.`, 'invalid');
  negotiation.delegation(own).objectionsMap.set(silence.id, { paragraphs, reason: reason.trim(), at: when });
}

/** The objections received in a silence procedure, by delegation. */
export function silenceObjections(negotiation: Negotiation, silenceId: string): { delegationId: string; paragraphs: string[]; reason: string; at: string }[] {
  return negotiation
    .delegations()
    .map((d) => ({ delegationId: d.delegationId, objection: d.objection(silenceId) }))
    .filter((o): o is { delegationId: string; objection: NonNullable<typeof o.objection> } => o.objection !== null)
    .map(({ delegationId, objection }) => ({ delegationId, ...objection }));
}

/**
 * Closes the silence procedure: broken when any delegation objected; otherwise passed if its deadline
 * has come, and then every paragraph still in the text is agreed except those kept open; closed before
 * its deadline without an objection, it is withdrawn and nothing is agreed.
 */
export function closeSilence(negotiation: Negotiation, actor: Actor, note: string | null = null, at?: string): Silence {
  requireFacilitator(actor, 'close the silence procedure');
  const table = negotiation.table;
  const silence = table.silence();
  if (silence.state !== 'open') throw new CommandRefused('The text is not under silence.', 'invalid');
  const closedAt = at ?? new Date().toISOString();
  const broken = silenceObjections(negotiation, silence.id).length > 0;
  const state = broken ? 'broken' : Date.parse(closedAt) >= Date.parse(silence.deadline) ? 'passed' : 'withdrawn';
  const closed: Silence = { ...silence, state, closedAt, note };
  // Nothing that was open is adopted: kept open at the start, or (should anything have changed) open now.
  const open = new Set([...(silence.keptOpen ?? []), ...paragraphsWithOpenItems(negotiation, closedAt)]);
  table.doc.transact(() => {
    table.silenceMap.set('current', closed);
    if (state === 'passed') for (const p of table.paragraphs()) if (p.status.state !== 'deleted' && !open.has(p.id)) table.setStatus(p.id, { state: 'agreed' });
    appendDecision(table, actor, { kind: 'silence-close', detail: note ? `${state}: ${note}` : state }, closedAt);
  });
  return closed;
}
