import type { Actor } from './actor';
import { createAnchor } from './anchors';
import { CommandRefused } from './command-refused';
import { requireDelegation, requireEditable, requireNotUnderSilence, requireParagraph } from './guards';
import { randomId } from './ids';
import type { Negotiation } from './negotiation';
import { proposalKey, type Proposal } from './proposal';
import { currentLabels, proposalState } from './queries';

/**
 * What a delegation typed or deleted in suggest mode: the span of the paragraph's flat text it
 * replaces (empty for an insertion) and the words typed there (empty for a deletion).
 */
export interface TypedSuggestion {
  paragraphId: string;
  from: number;
  to: number;
  text: string;
}

/**
 * Submits what a delegation types in the text as its own proposal, at once and attributed, as a word
 * processor records a suggestion: a replacement of exactly the replaced words by exactly the typed
 * ones, an insertion or a deletion. While the same typing goes on (`liveId`: the proposal it began),
 * that proposal follows it, as long as it is open and no other delegation has taken a position on it;
 * otherwise a new proposal is made. Typing that undoes itself (nothing replaced, nothing typed)
 * removes the live proposal. Returns the proposal, or null when none remains.
 */
export function suggestTyped(negotiation: Negotiation, actor: Actor, typed: TypedSuggestion, liveId: string | null = null, at?: string): Proposal | null {
  const author = requireDelegation(negotiation, actor, 'suggest changes to the text');
  requireNotUnderSilence(negotiation, 'a new proposal');
  const target = requireParagraph(negotiation, typed.paragraphId);
  requireEditable(target, currentLabels(negotiation).get(target.id) ?? 'This paragraph');
  if (typed.from < 0 || typed.to < typed.from) throw new CommandRefused(`The span ${typed.from}–${typed.to} is not a valid span.`, 'invalid');
  const proposals = negotiation.delegation(author).proposalsMap;
  const live = liveId ? proposals.get(liveId) : undefined;
  const revisable = live && live.paragraphId === target.id && proposalState(negotiation, live) === 'open' && !positionTaken(negotiation, proposalKey(live));
  if (typed.from === typed.to && typed.text === '') {
    if (revisable) proposals.delete(live.id);
    return null;
  }
  const proposal: Proposal = {
    ...(revisable ? live : { id: randomId(12), author, onBehalfOf: null, paragraph: null, moveAfter: null, rationale: null, source: null, createdAt: at ?? new Date().toISOString(), withdrawn: false }),
    paragraphId: target.id,
    kind: typed.text === '' ? 'delete' : typed.from === typed.to ? 'insert' : 'replace',
    anchor: createAnchor(negotiation.table, target.id, typed.from, typed.to),
    text: typed.text === '' ? null : typed.text,
  };
  proposals.set(proposal.id, proposal);
  return proposal;
}

function positionTaken(negotiation: Negotiation, key: string): boolean {
  return negotiation.delegations().some((d) => d.position(key) !== null);
}
