import type { Paragraph } from '../../shared/model/paragraph';
import type { ProposalView } from '../../shared/model/queries';
import type { Translate } from '../i18n/translate';

/** Something that happened on my paragraphs, as an in-app notification. */
export interface Notice {
  /** Stable: the same event never notifies twice. */
  id: string;
  paragraphId: string;
  text: string;
}

const stances = (v: ProposalView): string => Object.entries(v.positions).map(([s, ids]) => `${s}:${ids.join(',')}`).join(';');

/**
 * What a person should hear about between two readings of the proposals: a new proposal by another
 * delegation on a paragraph they follow, or (a delegation) on a paragraph it proposed on; a position
 * taken on one of its own proposals; and (from the first reading on) a paragraph agreed ad ref that
 * awaits its capital's confirmation. `own` is null for a co-facilitator or an observer.
 */
export function noticesBetween(
  before: ReadonlyMap<string, readonly ProposalView[]> | null,
  after: ReadonlyMap<string, readonly ProposalView[]>,
  context: { own: string | null; followed?: ReadonlySet<string>; paragraphs: readonly Paragraph[]; confirmed: ReadonlyMap<string, readonly string[]>; labelOf(id: string): string; nameOf(id: string): string; t: Translate },
): Notice[] {
  const { own, t } = context;
  const notices: Notice[] = [];
  for (const p of context.paragraphs) {
    const label = context.labelOf(p.id);
    if (own && p.status.state === 'adref' && p.status.pending.includes(own) && !(context.confirmed.get(p.id) ?? []).includes(own)) {
      notices.push({ id: `adref:${p.id}:${p.status.pending.join(',')}`, paragraphId: p.id, text: t('notify.adref', { label }) });
    }
    if (!before) continue;
    const now = after.get(p.id) ?? [];
    const proposedOn = own !== null && now.some((v) => v.proposal.author === own);
    const followed = context.followed?.has(p.id) ?? false;
    if (!proposedOn && !followed) continue;
    const then = new Map((before.get(p.id) ?? []).map((v) => [v.key, v]));
    for (const v of now) {
      const was = then.get(v.key);
      if (!was && v.proposal.author !== own && v.state === 'open') notices.push({ id: `proposal:${v.key}`, paragraphId: p.id, text: t(proposedOn ? 'notify.proposal' : 'notify.followed', { who: context.nameOf(v.proposal.author), label }) });
      if (was && v.proposal.author === own && stances(was) !== stances(v)) notices.push({ id: `position:${v.key}:${stances(v)}`, paragraphId: p.id, text: t('notify.position', { label }) });
    }
  }
  return notices;
}

/**
 * The notices still worth showing: one that a paragraph awaits this delegation's capital goes once the
 * capital has confirmed (or the paragraph's status changed), rather than asking for what is done.
 */
export function stillStanding(shown: readonly Notice[], fresh: readonly Notice[]): Notice[] {
  const now = new Set(fresh.map((n) => n.id));
  return shown.filter((n) => !n.id.startsWith('adref:') || now.has(n.id));
}
