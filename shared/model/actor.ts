/** The roles in a negotiation. Observers read only. */
export type Role = 'cofacilitator' | 'delegation' | 'observer';

/** Who performs a command: a co-facilitator, or a person of a delegation. */
export interface Actor {
  role: Role;
  /** The delegation the person belongs to; co-facilitators may have none. */
  delegationId: string | null;
  /**
   * Whether the invitation opens the delegation's private document: it is a device link (one the delegation
   * issued itself for its colleagues), or the delegation has issued none yet. Once it has, an invitation the
   * co-facilitators minted in its name no longer opens it.
   */
  privateAccess?: boolean;
  /** How the server names this participant ("co-facilitator (Ireland)"): the author of its decisions in the log. */
  name?: string;
}

/** Which documents an actor may read and write; the sync server applies the same rules. */
export interface DocumentRights {
  read: boolean;
  write: boolean;
}
