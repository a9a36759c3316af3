import { resolveAnchor } from '../../shared/model/anchors';
import type { Negotiation } from '../../shared/model/negotiation';
import { isSpanKind } from '../../shared/model/proposal';
import type { ProposalView } from '../../shared/model/queries';
import { insertion } from '../../shared/text/word-edit';
import { plainOf, textRuns } from '../../shared/text/y-rich-text';
import type { InlineSuggestion } from './suggestion-plugin';

/** Colours told apart by most eyes, one per author (a delegation keeps its colour everywhere), each at least 4.5:1 on its own tint over the paragraph (WCAG AA). */
const PALETTE = ['#1a5f9a', '#b3261e', '#256b29', '#7b3a96', '#9c4a00', '#006872', '#ad1457', '#5d4037', '#3949ab', '#566300'];

/** The colour a delegation's suggestions are drawn in; the same in every window. */
export function authorColour(delegationId: string): string {
  let h = 0;
  for (const c of delegationId) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length]!;
}

/** The colour of suggestions in a non-attributed reading: nobody's. */
export const NEUTRAL_COLOUR = '#555b66';

type Anchor = NonNullable<ProposalView['proposal']['anchor']>;

/** Where a proposal's words are now, in the paragraph's flat offsets; null when they are gone. */
export function flatSpanOf(negotiation: Negotiation, paragraphId: string, anchor: Anchor): { from: number; to: number } | null {
  const span = resolveAnchor(negotiation.table, anchor);
  if (!span) return null;
  const run = textRuns(negotiation.table.textFragment(paragraphId)).find((r) => r.text === span.text);
  return run ? { from: run.start + span.from, to: run.start + span.to } : null;
}

/**
 * Where an insertion's words go and the words as accepting it types them (shared/text/word-edit's
 * `insertion`): after the quoted words, spaced as the text will read; null when its words are gone.
 */
function placedInsertion(negotiation: Negotiation, paragraphId: string, anchor: Anchor, words: string): { at: number; text: string } | null {
  const span = resolveAnchor(negotiation.table, anchor);
  if (!span) return null;
  const run = textRuns(negotiation.table.textFragment(paragraphId)).find((r) => r.text === span.text);
  if (!run) return null;
  const splice = insertion(plainOf(span.text), span.to, words);
  return { at: run.start + splice.from, text: splice.insert };
}

/**
 * The open word-level proposals on a paragraph as drawn in its text: where each applies, its words,
 * and how its author is shown (`who`: the delegation's name, or null in a non-attributed reading).
 */
export function inlineSuggestions(negotiation: Negotiation, paragraphId: string, views: readonly ProposalView[], who: (view: ProposalView) => string | null, own: string | null): InlineSuggestion[] {
  const items: InlineSuggestion[] = [];
  for (const v of views) {
    const p = v.proposal;
    if (v.state !== 'open' || !p.anchor || !isSpanKind(p.kind)) continue;
    // An insertion is drawn where accepting it puts its words: after those it quotes, not over them.
    const inserted = p.kind === 'insert' ? placedInsertion(negotiation, paragraphId, p.anchor, p.text ?? '') : null;
    const at = inserted ? { from: inserted.at, to: inserted.at } : flatSpanOf(negotiation, paragraphId, p.anchor);
    if (!at) continue;
    const name = who(v);
    items.push({
      key: v.key,
      from: at.from,
      to: at.to,
      text: inserted ? inserted.text : p.kind === 'delete' || p.kind === 'bracket' ? '' : (p.text ?? ''),
      bracket: p.kind === 'bracket',
      colour: name === null ? NEUTRAL_COLOUR : authorColour(p.author),
      who: name ?? '',
      mine: own === p.author,
      stale: v.needsReview,
      opposed: v.positions.oppose.length > 0,
    });
  }
  return items;
}
