/** Kinds of participants in a negotiation. */
export type DelegationKind = 'member-state' | 'observer' | 'eu' | 'group';

/** A delegation on the roster. */
export interface Delegation {
  id: string;
  name: string;
  kind: DelegationKind;
  /** For a group: the delegation that currently speaks for it ("Egypt" for the G77 and China). */
  chair: string | null;
  /** The code the room writes positions with: ISO 3166-1 alpha-3 for a State ("MEX"), or the usual short form ("EU", "G77"). */
  code?: string | null;
}

/** The code the roster gives a delegation (ISO-3 "MEX", or a group's "G77"), or null: a code is never made up. */
export function rosterCode(d: Pick<Delegation, 'code'>): string | null {
  return d.code?.trim() ? d.code.trim().toUpperCase() : null;
}

/** How a delegation is written in positions ("RETAIN MEX, CAN"): its code on the roster, else its full name. */
export function delegationCode(d: Pick<Delegation, 'name' | 'code'>): string {
  return rosterCode(d) ?? d.name;
}
