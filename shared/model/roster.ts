/** Kinds of participants in a negotiation. */
export type DelegationKind = 'member-state' | 'observer' | 'eu' | 'group';

/** A delegation on the roster. */
export interface Delegation {
  id: string;
  name: string;
  kind: DelegationKind;
  /** For a group: the delegation that currently speaks for it ("Egypt" for the G77 and China). */
  chair: string | null;
}
