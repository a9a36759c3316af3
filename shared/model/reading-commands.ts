import type { Actor } from './actor';
import { requireFacilitator } from './guards';
import type { Negotiation } from './negotiation';
import type { TableDocument } from './table-document';

/**
 * Whether the text is read without attribution: the room sometimes decides that proposals are read out
 * and shown without their authors, to move from national positions to the text.
 */
export function isNonAttributed(table: TableDocument): boolean {
  return table.metaMap.get('reading') === 'non-attributed';
}

/** A co-facilitator switches the room's reading to non-attributed (or back to attributed). */
export function setNonAttributed(negotiation: Negotiation, actor: Actor, on: boolean): void {
  requireFacilitator(actor, 'change how proposals are attributed');
  negotiation.table.metaMap.set('reading', on ? 'non-attributed' : 'attributed');
}
