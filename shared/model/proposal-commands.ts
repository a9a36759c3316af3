import type { Actor } from './actor';
import { createAnchor } from './anchors';
import { CommandRefused } from './command-refused';
import { requireDelegation, requireEditable, requireNotUnderSilence, requireParagraph } from './guards';
import { randomId } from './ids';
import type { Negotiation } from './negotiation';
import { proposalKey, type Proposal, type ProposalKind, type Stance } from './proposal';
import { currentLabels, proposalState } from './queries';
import { scanBrackets } from '../text/brackets';
import { flatText, richText } from '../text/rich-text';
import type { RichTextJSON } from '../text/schema';

/** What a delegation proposes. Spans are offsets in the paragraph's flat text (see createAnchor). */
export interface ProposalInput {
  kind: ProposalKind;
  paragraphId: string;
  /**
   * delete and replace: the words `from`–`to`; insert: the words after which the new ones go (`from`–`to`),
   * or the place itself (`from` alone, or `to` = `from`).
   */
  from?: number;
  to?: number;
  /** The inserted or replacing words. */
  text?: string;
  /** new-paragraph and alternative: the proposed paragraph (plain text is wrapped). */
  paragraph?: RichTextJSON | string;
  /** move-paragraph: the paragraph it should follow, null for the top. */
  moveAfter?: string | null;
  onBehalfOf?: string | null;
  rationale?: string | null;
  source?: string | null;
  /** Time of the proposal; now when omitted. */
  at?: string;
}

/**
 * Words a delegation may propose to bracket: brackets in them pair up among themselves (the new pair
 * then nests soundly), and they are not already the whole of a bracketed span.
 */
function requireBracketable(text: string, from: number, to: number, words: string): void {
  if (!words.trim()) throw new CommandRefused('To bracket words, select at least one word, not only spaces.', 'invalid');
  if (scanBrackets(words).unmatched.length > 0) throw new CommandRefused(`The words "${words}" open or close a bracket they do not hold both ends of; select the whole bracketed passage, or words outside it.`, 'invalid');
  const spans = scanBrackets(text).spans;
  if (spans.some((s) => s.start === from - 1 && s.end === to + 1) || spans.some((s) => s.start === from && s.end === to)) {
    throw new CommandRefused(`The words "${words}" are already in brackets.`, 'invalid');
  }
}

function buildProposal(negotiation: Negotiation, author: string, input: ProposalInput): Proposal {
  const target = requireParagraph(negotiation, input.paragraphId);
  const label = currentLabels(negotiation).get(target.id) ?? 'This paragraph';
  if (input.kind !== 'new-paragraph') requireEditable(target, label);
  if (input.onBehalfOf) {
    const group = negotiation.table.delegation(input.onBehalfOf);
    if (!group || group.kind !== 'group') throw new CommandRefused(`"${input.onBehalfOf}" is not a group on the roster.`, 'invalid');
    if (group.chair !== author) throw new CommandRefused(`${negotiation.table.delegation(author)?.name ?? author} does not speak for ${group.name}; the roster names ${group.chair ? negotiation.table.delegation(group.chair)?.name ?? group.chair : 'no one'}.`, 'not-allowed');
  }
  let anchor: Proposal['anchor'] = null;
  let text: string | null = null;
  let paragraph: RichTextJSON | null = null;
  switch (input.kind) {
    case 'insert':
    case 'delete':
    case 'replace':
    case 'bracket': {
      const from = input.from ?? 0;
      const to = input.to ?? from;
      if (input.kind !== 'insert' && to <= from) throw new CommandRefused(`To ${input.kind} words, select at least one.`, 'invalid');
      const words = input.kind === 'insert' || input.kind === 'replace';
      if (words && !input.text?.trim()) throw new CommandRefused(`A proposal to ${input.kind} needs the words to ${input.kind === 'insert' ? 'insert' : 'put instead'}.`, 'invalid');
      anchor = createAnchor(negotiation.table, target.id, from, to);
      if (input.kind === 'bracket') requireBracketable(flatText(target.text), from, to, anchor.quote);
      text = words ? (input.text ?? null) : null;
      break;
    }
    case 'new-paragraph':
    case 'alternative': {
      const p = typeof input.paragraph === 'string' ? richText({ text: input.paragraph }) : input.paragraph;
      if (!p) throw new CommandRefused('A new paragraph or an alternative needs its wording.', 'invalid');
      paragraph = p;
      break;
    }
    case 'move-paragraph':
      if (input.moveAfter && !negotiation.table.paragraph(input.moveAfter)) throw new CommandRefused(`There is no paragraph ${input.moveAfter} to move after.`, 'not-found');
      break;
    case 'delete-paragraph':
      break;
  }
  return {
    id: randomId(12),
    kind: input.kind,
    author,
    onBehalfOf: input.onBehalfOf ?? null,
    paragraphId: target.id,
    anchor,
    text,
    paragraph,
    moveAfter: input.moveAfter ?? null,
    rationale: input.rationale?.trim() || null,
    source: input.source?.trim() || null,
    createdAt: input.at ?? new Date().toISOString(),
    withdrawn: false,
  };
}

/** Submits a proposal at once: it goes into the delegation's document, visible to all. */
export function propose(negotiation: Negotiation, actor: Actor, input: ProposalInput): Proposal {
  const author = requireDelegation(negotiation, actor, 'propose amendments');
  requireNotUnderSilence(negotiation, 'a new proposal');
  const proposal = buildProposal(negotiation, author, input);
  negotiation.delegation(author).proposalsMap.set(proposal.id, proposal);
  return proposal;
}

/** Saves a draft in the delegation's private document: no one else sees it until it is submitted. */
export function draftProposal(negotiation: Negotiation, actor: Actor, input: ProposalInput): Proposal {
  const author = requireDelegation(negotiation, actor, 'draft proposals');
  const proposal = buildProposal(negotiation, author, input);
  negotiation.private(author).draftsMap.set(proposal.id, proposal);
  return proposal;
}

/** Moves a draft from the private document into the delegation document. */
export function submitDraft(negotiation: Negotiation, actor: Actor, draftId: string, at?: string): Proposal {
  const author = requireDelegation(negotiation, actor, 'submit proposals');
  requireNotUnderSilence(negotiation, 'a new proposal');
  const drafts = negotiation.private(author).draftsMap;
  const draft = drafts.get(draftId);
  if (!draft) throw new CommandRefused(`There is no draft ${draftId}.`, 'not-found');
  const proposal = { ...draft, createdAt: at ?? new Date().toISOString() };
  negotiation.delegation(author).proposalsMap.set(proposal.id, proposal);
  drafts.delete(draftId);
  return proposal;
}

/** Withdraws one of the delegation's own open proposals. */
export function withdraw(negotiation: Negotiation, actor: Actor, proposalId: string): void {
  const author = requireDelegation(negotiation, actor, 'withdraw proposals');
  const proposals = negotiation.delegation(author).proposalsMap;
  const proposal = proposals.get(proposalId);
  if (!proposal) throw new CommandRefused(`${author} has no proposal ${proposalId}; a delegation withdraws only its own proposals.`, 'not-found');
  const state = proposalState(negotiation, proposal);
  if (state !== 'open') throw new CommandRefused(`The proposal is already ${state}.`, 'invalid');
  proposals.set(proposalId, { ...proposal, withdrawn: true });
}

/**
 * Gives one of the delegation's own open proposals its rationale and agreed-language source, or changes
 * them: a suggestion typed in the text has neither at first. The words proposed do not change.
 */
export function explainProposal(negotiation: Negotiation, actor: Actor, proposalId: string, explanation: { rationale: string | null; source: string | null }): Proposal {
  const author = requireDelegation(negotiation, actor, 'explain proposals');
  const proposals = negotiation.delegation(author).proposalsMap;
  const proposal = proposals.get(proposalId);
  if (!proposal) throw new CommandRefused(`${author} has no proposal ${proposalId}; a delegation explains only its own proposals.`, 'not-found');
  const state = proposalState(negotiation, proposal);
  if (state !== 'open') throw new CommandRefused(`The proposal is already ${state}.`, 'invalid');
  const explained = { ...proposal, rationale: explanation.rationale?.trim() || null, source: explanation.source?.trim() || null };
  proposals.set(proposalId, explained);
  return explained;
}

/** Registers the delegation's support, opposition, reservation or "pending instructions" on a proposal. */
export function setPosition(negotiation: Negotiation, actor: Actor, key: string, stance: Stance, note: string | null = null, at?: string): void {
  const own = requireDelegation(negotiation, actor, 'take positions on proposals');
  const [author, id] = key.split('/');
  const proposal = author && id ? negotiation.delegation(author).proposalsMap.get(id) : undefined;
  if (!proposal) throw new CommandRefused(`There is no proposal ${key}.`, 'not-found');
  if (author === own) throw new CommandRefused('A delegation does not take a position on its own proposal.', 'invalid');
  negotiation.delegation(own).positionsMap.set(proposalKey(proposal), { stance, note, at: at ?? new Date().toISOString() });
}

/** Clears the delegation's position on a proposal. */
export function clearPosition(negotiation: Negotiation, actor: Actor, key: string): void {
  const own = requireDelegation(negotiation, actor, 'take positions on proposals');
  negotiation.delegation(own).positionsMap.delete(key);
}

/** Confirms, for the delegation's capital, a paragraph agreed ad ref. */
export function confirmAdRef(negotiation: Negotiation, actor: Actor, paragraphId: string, at?: string): void {
  const own = requireDelegation(negotiation, actor, 'confirm ad ref agreements');
  const p = requireParagraph(negotiation, paragraphId);
  if (p.status.state !== 'adref') throw new CommandRefused('This paragraph is not agreed ad ref; there is nothing to confirm.', 'invalid');
  negotiation.delegation(own).adRefMap.set(paragraphId, { confirmedAt: at ?? new Date().toISOString() });
}

/** Supports a proposal (one click in the app). */
export function support(negotiation: Negotiation, actor: Actor, key: string): void {
  setPosition(negotiation, actor, key, 'support');
}

/** Opposes a proposal. */
export function oppose(negotiation: Negotiation, actor: Actor, key: string): void {
  setPosition(negotiation, actor, key, 'oppose');
}
