import { CommandRefused } from './command-refused';
import { slugify } from '../protocol/document-names';
import { randomId } from './ids';
import { Negotiation } from './negotiation';
import type { Actor } from './actor';
import type { Delegation, DelegationKind } from './roster';
import type { NegotiationMeta } from './table-state';

/** Creates an empty negotiation with its metadata. */
export function createNegotiation(init: Partial<NegotiationMeta> & { title: string; id?: string }): Negotiation {
  const negotiation = new Negotiation(init.id ?? randomId(12));
  const { id: _id, ...meta } = init;
  negotiation.table.doc.transact(() => {
    const m = negotiation.table.metaMap;
    const full: NegotiationMeta = {
      symbol: null,
      form: 'resolution',
      language: 'en',
      organ: null,
      closing: null,
      targetWords: null,
      createdAt: new Date().toISOString(),
      dates: {},
      ...meta,
    };
    for (const [key, value] of Object.entries(full)) m.set(key, value);
  });
  return negotiation;
}

/**
 * Puts a delegation on the roster (co-facilitators only) and returns it; a delegation already on the
 * roster under the same name is returned as it is.
 */
export function addDelegation(negotiation: Negotiation, actor: Actor, fields: { name: string; kind?: DelegationKind; chair?: string | null; id?: string; code?: string | null }): Delegation {
  if (actor.role !== 'cofacilitator') throw new CommandRefused('Only the co-facilitators can change the roster.', 'not-allowed');
  const name = fields.name.trim();
  if (!name) throw new CommandRefused('A delegation needs a name.', 'invalid');
  const table = negotiation.table;
  const existing = table.roster().find((d) => d.name.toLowerCase() === name.toLowerCase());
  if (existing) return existing;
  let id = fields.id ?? slugify(name);
  for (let n = 2; table.rosterMap.has(id); n++) id = `${slugify(name).slice(0, 60)}-${n}`;
  const delegation: Delegation = { id, name, kind: fields.kind ?? 'member-state', chair: fields.chair ?? null, ...(fields.code ? { code: fields.code.trim().toUpperCase() } : {}) };
  table.rosterMap.set(id, delegation);
  return delegation;
}
