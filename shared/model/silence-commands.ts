import type { Actor } from './actor';
import { CommandRefused } from './command-refused';
import { requireDelegation, requireFacilitator, requireParagraph } from './guards';
import { randomId } from './ids';
import type { Negotiation } from './negotiation';
import type { Silence } from './table-state';

/** Puts the current text under silence until a deadline (ISO time). */
export function openSilence(negotiation: Negotiation, actor: Actor, deadline: string, at?: string): Silence {
  requireFacilitator(actor, 'open the silence procedure');
  const table = negotiation.table;
  if (table.silence().state === 'open') throw new CommandRefused('The text is already under silence.', 'invalid');
  if (Number.isNaN(Date.parse(deadline))) throw new CommandRefused(`"${deadline}" is not a date and time; give the deadline as 2021-04-28T18:00:00Z.`, 'invalid');
  const openedAt = at ?? new Date().toISOString();
  if (deadline <= openedAt) throw new CommandRefused('The silence deadline must be in the future.', 'invalid');
  const silence: Silence = { state: 'open', id: randomId(10), revision: Math.max(0, table.epoch() - 1), openedAt, deadline };
  table.silenceMap.set('current', silence);
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
 * Closes the silence procedure: broken when any delegation objected in time, otherwise passed, and
 * then every paragraph still in the text is agreed.
 */
export function closeSilence(negotiation: Negotiation, actor: Actor, note: string | null = null, at?: string): Silence {
  requireFacilitator(actor, 'close the silence procedure');
  const table = negotiation.table;
  const silence = table.silence();
  if (silence.state !== 'open') throw new CommandRefused('The text is not under silence.', 'invalid');
  const broken = silenceObjections(negotiation, silence.id).length > 0;
  const closed: Silence = { ...silence, state: broken ? 'broken' : 'passed', closedAt: at ?? new Date().toISOString(), note };
  table.doc.transact(() => {
    table.silenceMap.set('current', closed);
    if (!broken) for (const p of table.paragraphs()) if (p.status.state !== 'deleted') table.setStatus(p.id, { state: 'agreed' });
  });
  return closed;
}
