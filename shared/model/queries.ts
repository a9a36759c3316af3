import { resolveAnchor } from './anchors';
import { computeLabels } from './labels';
import type { Negotiation } from './negotiation';
import { proposalKey, type Proposal, type ProposalState, type Stance } from './proposal';

/** A proposal with what everyone else says about it. */
export interface ProposalView {
  key: string;
  proposal: Proposal;
  state: ProposalState;
  /** Delegations by stance, in roster order. */
  positions: Record<Stance, string[]>;
  /** The quoted words changed since it was written: it must be reviewed, never applied blindly. */
  needsReview: boolean;
}

/** Every submitted proposal of the negotiation, with its state and positions, oldest first. */
export function listProposals(negotiation: Negotiation): ProposalView[] {
  const delegations = negotiation.delegations();
  const all = delegations.flatMap((d) => d.proposals());
  all.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || proposalKey(a).localeCompare(proposalKey(b)));
  return all.map((proposal) => {
    const key = proposalKey(proposal);
    const positions: Record<Stance, string[]> = { support: [], oppose: [], reserve: [], 'pending-instructions': [] };
    for (const d of delegations) {
      if (d.delegationId === proposal.author) continue;
      const pos = d.position(key);
      if (pos) positions[pos.stance].push(d.delegationId);
    }
    return { key, proposal, state: proposalState(negotiation, proposal), positions, needsReview: needsReview(negotiation, proposal) };
  });
}

/** A proposal's state: withdrawn by its author, or the co-facilitators' decision, or open. */
export function proposalState(negotiation: Negotiation, proposal: Proposal): ProposalState {
  const decision = negotiation.table.decision(proposalKey(proposal));
  if (decision) return decision.decision;
  return proposal.withdrawn ? 'withdrawn' : 'open';
}

/** Whether a proposal's target has changed since it was written. */
export function needsReview(negotiation: Negotiation, proposal: Proposal): boolean {
  const p = negotiation.table.paragraph(proposal.paragraphId);
  if (!p || p.status.state === 'deleted') return true;
  if (!proposal.anchor) return false;
  const span = resolveAnchor(negotiation.table, proposal.anchor);
  return !span || !span.intact;
}

/** The current working labels of the negotiation's paragraphs, by permanent id. */
export function currentLabels(negotiation: Negotiation): Map<string, string> {
  return computeLabels(negotiation.table.paragraphs(), negotiation.table.epoch());
}

/** A delegation's display name, with the group it speaks for: "Egypt on behalf of the Group of 77 and China". */
export function authorName(negotiation: Negotiation, proposal: Pick<Proposal, 'author' | 'onBehalfOf'>): string {
  const name = (id: string): string => negotiation.table.delegation(id)?.name ?? id;
  const behalf = negotiation.table.meta().language === 'fr' ? 'au nom du' : 'on behalf of the';
  return proposal.onBehalfOf ? `${name(proposal.author)} ${behalf} ${name(proposal.onBehalfOf)}` : name(proposal.author);
}
