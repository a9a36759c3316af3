import type { Actor } from './actor';
import { CommandRefused } from './command-refused';
import { requireFacilitator } from './guards';
import type { Negotiation } from './negotiation';
import type { NegotiationMeta } from './table-state';

/** The metadata the co-facilitators may change after creation. */
export type MetaChange = Partial<Pick<NegotiationMeta, 'title' | 'symbol' | 'form' | 'language' | 'organ' | 'closing' | 'targetWords' | 'dates'>>;

/** Changes the negotiation's metadata: title, symbol, form, language, target length, dates. */
export function updateMeta(negotiation: Negotiation, actor: Actor, change: MetaChange): void {
  requireFacilitator(actor, 'change the title, symbol or dates');
  if (change.title !== undefined && !change.title.trim()) throw new CommandRefused('A negotiation needs a title.', 'invalid');
  if (change.targetWords !== undefined && change.targetWords !== null && !(Number.isInteger(change.targetWords) && change.targetWords > 0)) {
    throw new CommandRefused(`The target length must be a whole number of words, not ${change.targetWords}.`, 'invalid');
  }
  for (const [name, date] of Object.entries(change.dates ?? {})) {
    if (Number.isNaN(Date.parse(date))) throw new CommandRefused(`The date "${name}" (${date}) is not a date; use 2021-11-22.`, 'invalid');
  }
  const meta = negotiation.table.metaMap;
  negotiation.table.doc.transact(() => {
    for (const [key, value] of Object.entries(change)) if (value !== undefined) meta.set(key, key === 'title' ? String(value).trim() : value);
  });
}

/** Names the delegation that speaks for a group ("Egypt on behalf of the Group of 77 and China"). */
export function setGroupChair(negotiation: Negotiation, actor: Actor, groupId: string, chairId: string | null): void {
  requireFacilitator(actor, 'change the roster');
  const group = negotiation.table.delegation(groupId);
  if (!group || group.kind !== 'group') throw new CommandRefused(`"${groupId}" is not a group on the roster.`, 'not-found');
  if (chairId !== null && !negotiation.table.delegation(chairId)) throw new CommandRefused(`"${chairId}" is not on the roster.`, 'not-found');
  negotiation.table.rosterMap.set(groupId, { ...group, chair: chairId });
}

/**
 * Gives a delegation the code the room writes positions with ("MEX", "G77"), or takes it away (null or
 * blank): 2 to 8 letters or digits, stored in capitals.
 */
export function setDelegationCode(negotiation: Negotiation, actor: Actor, delegationId: string, code: string | null): void {
  requireFacilitator(actor, 'change the roster');
  const delegation = negotiation.table.delegation(delegationId);
  if (!delegation) throw new CommandRefused(`"${delegationId}" is not on the roster.`, 'not-found');
  const wanted = code?.trim().toUpperCase() ?? '';
  if (wanted && !/^[A-Z0-9]{2,8}$/.test(wanted)) throw new CommandRefused(`"${code}" is not a code: use 2 to 8 letters or digits, such as an ISO-3 code (MEX) or a group's (G77).`, 'invalid');
  const { code: _old, ...rest } = delegation;
  negotiation.table.rosterMap.set(delegationId, wanted ? { ...rest, code: wanted } : rest);
}
