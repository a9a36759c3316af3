import type { Actor } from '../../shared/model/actor';
import { cleanText } from '../../shared/model/clean-text';
import { formatCleanText } from '../../shared/model/clean-format';
import * as F from '../../shared/model/facilitator-commands';
import type { Negotiation } from '../../shared/model/negotiation';
import type { Stance } from '../../shared/model/proposal';
import * as P from '../../shared/model/proposal-commands';
import { currentLabels, listProposals } from '../../shared/model/queries';
import { issueRevision } from '../../shared/model/revision-commands';
import { breakSilence, closeSilence, openSilence } from '../../shared/model/silence-commands';
import { flatText } from '../../shared/text/rich-text';

const STANCES: Stance[] = ['support', 'oppose', 'reserve', 'pending-instructions'];

/**
 * One random command of a participant, as the convergence tests run them: proposals, positions and
 * drafts for delegations; decisions, brackets, statuses, paragraphs, revisions and silence for
 * co-facilitators. Returns the key of a proposal it created, if any; throws CommandRefused when refused.
 */
export function randomStep(n: Negotiation, actor: Actor, random: () => number, step: number, roll: number): string | null {
  const pick = <T,>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const paragraphs = n.table.paragraphs();
  const target = pick(paragraphs);
  const text = flatText(target.text);
  const open = listProposals(n).filter((v) => v.state === 'open');
  if (actor.role === 'delegation') {
    if (roll < 0.45) {
      const kind = pick(['insert', 'delete', 'replace', 'bracket', 'new-paragraph', 'alternative', 'delete-paragraph', 'move-paragraph'] as const);
      const from = Math.floor(random() * Math.max(1, text.length - 5));
      const p = P.propose(n, actor, { kind, paragraphId: target.id, from, to: from + 1 + Math.floor(random() * 5), text: `w${step}`, paragraph: `New text ${step};`, moveAfter: pick(paragraphs).id === target.id ? null : pick(paragraphs).id });
      return `${p.author}/${p.id}`;
    }
    if (roll < 0.7 && open.length) P.setPosition(n, actor, pick(open).key, pick(STANCES));
    else if (roll < 0.8 && open.length) P.withdraw(n, actor, pick(open).proposal.id);
    else if (roll < 0.9) breakSilence(n, actor, [target.id], 'objection');
    else {
      const d = P.draftProposal(n, actor, { kind: 'delete-paragraph', paragraphId: target.id });
      const p = P.submitDraft(n, actor, d.id);
      return `${p.author}/${p.id}`;
    }
    return null;
  }
  if (roll < 0.35 && open.length) F.accept(n, actor, pick(open).key);
  else if (roll < 0.42 && open.length) F.notRetain(n, actor, pick(open).key);
  else if (roll < 0.5 && text.length > 4) F.bracket(n, actor, target.id, 1, 3);
  else if (roll < 0.55) F.unbracket(n, actor, target.id, text.indexOf('['));
  else if (roll < 0.62) F.setStatus(n, actor, target.id, pick([{ state: 'agreed' }, { state: 'adref', pending: ['mexico'], deadline: null }, { state: 'open' }] as const));
  else if (roll < 0.66) F.reopen(n, actor, target.id);
  else if (roll < 0.72) F.addParagraph(n, actor, { after: target.id, text: `Added ${step};` });
  else if (roll < 0.76) F.moveParagraph(n, actor, target.id, pick(paragraphs).id);
  else if (roll < 0.8) F.deleteParagraph(n, actor, target.id);
  else if (roll < 0.85) F.replaceParagraphText(n, actor, target.id, `Rewritten ${step};`);
  else if (roll < 0.9) issueRevision(n, actor);
  else if (roll < 0.95) openSilence(n, actor, '2099-01-01T00:00:00Z', undefined, { keepOpen: random() < 0.5 });
  else closeSilence(n, actor);
  return null;
}

/** What every replica must agree on once the network settles. */
export function observable(n: Negotiation) {
  return {
    labels: [...currentLabels(n)],
    paragraphs: n.table.paragraphs().map((p) => [p.id, p.kind, p.status, flatText(p.text)]),
    proposals: listProposals(n).map((v) => [v.key, v.proposal.author, v.state, v.positions, v.needsReview]),
    clean: formatCleanText(cleanText(n, { draft: true }), 'txt'),
    silence: n.table.silence(),
    revisions: n.table.revisions().length,
    log: n.table.logArray.toArray(),
  };
}
