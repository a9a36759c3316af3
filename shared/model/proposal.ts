import type { RichTextJSON } from '../text/schema';

/**
 * The kinds of amendment a delegation can propose. `bracket`: put the quoted words in square brackets,
 * the mark of words not agreed (accepted, the words stand bracketed in the text).
 */
export type ProposalKind = 'insert' | 'delete' | 'replace' | 'bracket' | 'new-paragraph' | 'delete-paragraph' | 'move-paragraph' | 'alternative';

/** Every kind, in the order the interface lists them. */
export const PROPOSAL_KINDS: readonly ProposalKind[] = ['insert', 'delete', 'replace', 'bracket', 'new-paragraph', 'delete-paragraph', 'move-paragraph', 'alternative'];

/** The kinds that apply to words of a paragraph, anchored by a span. */
export type SpanKind = Extract<ProposalKind, 'insert' | 'delete' | 'replace' | 'bracket'>;

/** Whether a kind applies to words of a paragraph (and so has an anchor). */
export const isSpanKind = (kind: ProposalKind): kind is SpanKind => kind === 'insert' || kind === 'delete' || kind === 'replace' || kind === 'bracket';

/**
 * Where in a paragraph a proposal applies: Yjs relative positions (as JSON) that follow the words
 * through concurrent edits, and the quoted words, so that a span changed since is flagged for review
 * rather than applied to the wrong words. For an insertion, start = end and quote is empty.
 */
export interface SpanAnchor {
  start: unknown;
  end: unknown;
  quote: string;
}

/** A delegation's proposal, as stored in its delegation document (or its private document as a draft). */
export interface Proposal {
  id: string;
  kind: ProposalKind;
  /** The delegation that wrote it; always the owner of the document it is stored in. */
  author: string;
  /** The group the author speaks for on this proposal ("Egypt on behalf of the Group of 77 and China"). */
  onBehalfOf: string | null;
  /** The paragraph it targets, by permanent id (for new-paragraph: the one it follows). */
  paragraphId: string;
  /** For insert, delete, replace and bracket. */
  anchor: SpanAnchor | null;
  /** The proposed words: inserted or replacing words. */
  text: string | null;
  /** For new-paragraph and alternative: the proposed paragraph; for new-paragraph also its kind. */
  paragraph: RichTextJSON | null;
  /** For move-paragraph: the paragraph it should follow (null: to the top of its part). */
  moveAfter: string | null;
  rationale: string | null;
  /** Agreed-language source, e.g. "A/RES/78/228, OP3". */
  source: string | null;
  createdAt: string;
  /** Withdrawn by its author; other states come from the co-facilitators' decisions. */
  withdrawn: boolean;
}

/** A proposal's key across the negotiation: `delegationId/proposalId`. */
export function proposalKey(p: { author: string; id: string }): string {
  return `${p.author}/${p.id}`;
}

/** The co-facilitators' decision on a proposal. */
export type DecisionKind = 'accepted' | 'merged' | 'not-retained';

/** A decision, recorded in the table document. */
export interface Decision {
  decision: DecisionKind;
  at: string;
  /** For merged: the facilitator's wording, as the paragraph it went into. */
  intoParagraph: string | null;
  note: string | null;
}

/** A proposal's state as everyone sees it. */
export type ProposalState = 'open' | 'withdrawn' | DecisionKind;

/** A delegation's position on a proposal. */
export type Stance = 'support' | 'oppose' | 'reserve' | 'pending-instructions';

/** A position, stored in the delegation document of the delegation that holds it. */
export interface Position {
  stance: Stance;
  at: string;
  note: string | null;
}
