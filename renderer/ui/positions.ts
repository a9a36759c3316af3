import type { ProposalView } from '../../shared/model/queries';
import type { Translate } from '../i18n/translate';

/** Positions counted as the room reads them: "3 support · 1 opposes · 1 reservation" (nothing when none). */
export function positionCounts(view: Pick<ProposalView, 'positions'>, t: Translate): string {
  const parts: string[] = [];
  const add = (n: number, key: Parameters<Translate>[0]) => n > 0 && parts.push(t(key, { count: n }));
  add(view.positions.support.length, 'positions.support');
  add(view.positions.oppose.length, 'positions.oppose');
  add(view.positions.reserve.length, 'positions.reserve');
  add(view.positions['pending-instructions'].length, 'positions.pending');
  return parts.join(' · ');
}

/**
 * Positions in the form negotiators type by hand in WHO rooms: "RETAIN BGD, MYS / DEL JPN / RESERVE CHE".
 * For a proposal to delete, its author and supporters want the words deleted and its opponents want them
 * retained; for any other proposal, its author and supporters want the proposed words retained. A
 * proposal made on behalf of a group is the group's ("DEL G77"), not its chair's.
 */
export function inlinePositions(view: Pick<ProposalView, 'positions' | 'proposal'>, codeOf: (id: string) => string, t: Translate): string {
  const deleting = view.proposal.kind === 'delete' || view.proposal.kind === 'delete-paragraph';
  const withAuthor = [view.proposal.onBehalfOf ?? view.proposal.author, ...view.positions.support];
  const retain = deleting ? view.positions.oppose : withAuthor;
  const del = deleting ? withAuthor : view.positions.oppose;
  const groups: [Parameters<Translate>[0], string[]][] = [
    ['positions.retain', retain],
    ['positions.del', del],
    ['positions.reserveCode', view.positions.reserve],
    ['positions.pendingCode', view.positions['pending-instructions']],
  ];
  return groups
    .filter(([, ids]) => ids.length > 0)
    .map(([key, ids]) => `${t(key)} ${ids.map(codeOf).join(', ')}`)
    .join(' / ');
}
