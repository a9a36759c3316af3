import type * as Y from 'yjs';
import type { Position, Proposal } from './proposal';
import { isAdRefConfirmation, isPosition, isSilenceObjection, readProposal, type RosterLookup } from './stored-values';

/** A delegation's ad ref confirmation of a paragraph. */
export interface AdRefConfirmation {
  confirmedAt: string;
}

/** A delegation's objection when it breaks silence: the paragraphs and its reasons. */
export interface SilenceObjection {
  paragraphs: string[];
  reason: string;
  at: string;
}

/**
 * Typed access to a delegation document, written only by that delegation: its proposals, its positions
 * on others' proposals, its ad ref confirmations and its silence objections.
 */
export class DelegationDocument {
  constructor(
    readonly delegationId: string,
    readonly doc: Y.Doc,
    /** The roster, against which "on behalf of" is read; none: no group is spoken for. */
    private readonly roster: RosterLookup = () => null,
  ) {}

  get proposalsMap(): Y.Map<Proposal> {
    return this.doc.getMap('proposals');
  }
  /** Keyed by proposal key (`delegationId/proposalId`). */
  get positionsMap(): Y.Map<Position> {
    return this.doc.getMap('positions');
  }
  /** Keyed by paragraph id. */
  get adRefMap(): Y.Map<AdRefConfirmation> {
    return this.doc.getMap('adref');
  }
  /** Keyed by silence procedure id. */
  get objectionsMap(): Y.Map<SilenceObjection> {
    return this.doc.getMap('objections');
  }

  /**
   * The proposals of this delegation, validated as they are read (see readProposal): one naming another
   * author is ignored, so that no proposal is ever attributed to a delegation that did not write it; so is
   * a malformed one; "on behalf of" a group holds only while the roster names this delegation its chair.
   */
  proposals(): Proposal[] {
    return [...this.proposalsMap.values()]
      .map((p) => readProposal(p, this.delegationId, this.roster))
      .filter((p): p is Proposal => p !== null)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  position(proposalKey: string): Position | null {
    const p = this.positionsMap.get(proposalKey);
    return isPosition(p) ? p : null;
  }

  /** Whether the delegation confirmed a paragraph agreed ad ref. */
  confirmedAdRef(paragraphId: string): boolean {
    return isAdRefConfirmation(this.adRefMap.get(paragraphId));
  }

  objection(silenceId: string): SilenceObjection | null {
    const o = this.objectionsMap.get(silenceId);
    return isSilenceObjection(o) ? o : null;
  }
}

/** Typed access to a delegation's private document: drafts not yet submitted, and notes. */
export class PrivateDocument {
  constructor(
    readonly delegationId: string,
    readonly doc: Y.Doc,
    private readonly roster: RosterLookup = () => null,
  ) {}

  get draftsMap(): Y.Map<Proposal> {
    return this.doc.getMap('drafts');
  }
  /** Internal notes keyed by paragraph id. */
  get notesMap(): Y.Map<string> {
    return this.doc.getMap('notes');
  }

  /** The delegation's drafts, read as its proposals are (readProposal). */
  drafts(): Proposal[] {
    return [...this.draftsMap.values()]
      .map((p) => readProposal(p, this.delegationId, this.roster))
      .filter((p): p is Proposal => p !== null)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }
}
