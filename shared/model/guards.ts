import type { Actor } from './actor';
import { CommandRefused } from './command-refused';
import type { Negotiation } from './negotiation';
import type { Paragraph } from './paragraph';

/** Refuses unless the actor is a co-facilitator. */
export function requireFacilitator(actor: Actor, what: string): void {
  if (actor.role !== 'cofacilitator') throw new CommandRefused(`Only the co-facilitators can ${what}.`, 'not-allowed');
}

/** Refuses unless the actor speaks for a delegation; returns that delegation's id. */
export function requireDelegation(negotiation: Negotiation, actor: Actor, what: string): string {
  if (actor.role === 'observer') throw new CommandRefused(`Observers follow the negotiation but cannot ${what}.`, 'not-allowed');
  if (actor.role !== 'delegation' || !actor.delegationId) throw new CommandRefused(`Only a delegation can ${what}; co-facilitators decide on proposals instead.`, 'not-allowed');
  if (!negotiation.table.delegation(actor.delegationId)) throw new CommandRefused(`Delegation "${actor.delegationId}" is not on the roster of this negotiation.`, 'not-allowed');
  return actor.delegationId;
}

/** The paragraph, or a refusal naming the id. */
export function requireParagraph(negotiation: Negotiation, id: string): Paragraph {
  const p = negotiation.table.paragraph(id);
  if (!p) throw new CommandRefused(`There is no paragraph ${id}.`, 'not-found');
  return p;
}

/** Refuses to change an agreed (or agreed ad ref) or deleted paragraph: agreed text is reopened only by an explicit decision. */
export function requireEditable(p: Paragraph, label: string): void {
  if (p.status.state === 'agreed') throw new CommandRefused(`${label} is agreed; reopen it explicitly before changing it.`, 'agreed-paragraph');
  if (p.status.state === 'adref') throw new CommandRefused(`${label} is agreed ad ref; reopen it explicitly before changing it.`, 'agreed-paragraph');
  if (p.status.state === 'deleted') throw new CommandRefused(`${label} is deleted.`, 'invalid');
}

/** Refuses while the text is under silence: delegations break silence, co-facilitators close it first. */
export function requireNotUnderSilence(negotiation: Negotiation, what: string): void {
  const s = negotiation.table.silence();
  if (s.state === 'open') throw new CommandRefused(`The text is under silence until ${s.deadline}; ${what} is not possible until the silence procedure is closed.`, 'under-silence');
}
