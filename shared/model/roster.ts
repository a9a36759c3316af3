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

/** The code a delegation is written with in positions ("RETAIN MEX, CAN"): its code on the roster, else its name's first letters. */
export function delegationCode(d: Pick<Delegation, 'name' | 'code'>): string {
  if (d.code?.trim()) return d.code.trim().toUpperCase();
  return d.name.replace(/[^\p{L}]/gu, '').slice(0, 3).toUpperCase();
}
