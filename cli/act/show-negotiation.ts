import { countBrackets } from '../../shared/text/brackets';
import { flatText } from '../../shared/text/rich-text';
import { isShown } from '../../shared/model/labels';
import type { Negotiation } from '../../shared/model/negotiation';
import type { ParagraphStatus } from '../../shared/model/paragraph';
import { authorName, currentLabels, listProposals } from '../../shared/model/queries';

/** The state of a negotiation as `penholder act show --json` prints it: the stable shape scripts read. */
export interface ShownNegotiation {
  id: string;
  title: string;
  paragraphs: { id: string; label: string; kind: string; status: 'open' | 'agreed' | 'ad-ref'; pending: string[]; text: string; brackets: number }[];
  proposals: { id: string; paragraph: string; paragraphId: string; author: string; onBehalfOf: string | null; kind: string; state: string; text: string | null; quote: string | null; needsReview: boolean; positions: Record<string, string[]> }[];
  silence: { state: string; until: string | null };
}

const statusWord = (s: Exclude<ParagraphStatus, { state: 'deleted' }>): 'open' | 'agreed' | 'ad-ref' => (s.state === 'adref' ? 'ad-ref' : s.state);

/** Reads the negotiation into the shape scripts rely on. */
export function showNegotiation(negotiation: Negotiation): ShownNegotiation {
  const table = negotiation.table;
  const labels = currentLabels(negotiation);
  const epoch = table.epoch();
  const silence = table.silence();
  return {
    id: negotiation.id,
    title: table.meta().title,
    paragraphs: table
      .paragraphs()
      .filter((p) => isShown(p, epoch) && p.status.state !== 'deleted')
      .map((p) => {
        const text = flatText(p.text);
        const status = p.status as Exclude<ParagraphStatus, { state: 'deleted' }>;
        return { id: p.id, label: labels.get(p.id) ?? '', kind: p.kind, status: statusWord(status), pending: status.state === 'adref' ? status.pending : [], text, brackets: countBrackets(text) };
      }),
    proposals: listProposals(negotiation).map((v) => ({
      id: v.key,
      paragraph: labels.get(v.proposal.paragraphId) ?? '',
      paragraphId: v.proposal.paragraphId,
      author: v.proposal.author,
      onBehalfOf: v.proposal.onBehalfOf,
      kind: v.proposal.kind,
      state: v.state,
      text: v.proposal.text ?? (v.proposal.paragraph ? flatText(v.proposal.paragraph) : null),
      quote: v.proposal.anchor?.quote ?? null,
      needsReview: v.needsReview,
      positions: v.positions,
    })),
    silence: { state: silence.state, until: silence.state === 'none' ? null : silence.deadline },
  };
}

/** The same, as a person reads it in a terminal. */
export function formatShown(negotiation: Negotiation, shown: ShownNegotiation): string {
  const lines = [shown.title, ''];
  for (const p of shown.paragraphs) {
    const status = p.status === 'ad-ref' ? `ad ref, pending ${p.pending.join(', ') || 'none'}` : p.status;
    lines.push(`${p.label.padEnd(10)} [${status}${p.brackets ? `, ${p.brackets} bracket${p.brackets === 1 ? '' : 's'}` : ''}] ${p.text}`);
  }
  const open = shown.proposals.filter((p) => p.state === 'open');
  lines.push('', open.length ? `Open proposals (${open.length}):` : 'No open proposals.');
  for (const p of open) {
    const who = authorName(negotiation, { author: p.author, onBehalfOf: p.onBehalfOf });
    const what = p.kind === 'insert' ? `"${p.text}" after "${p.quote}"` : p.quote ? `"${p.quote}"${p.text ? ` → "${p.text}"` : ''}` : (p.text ?? '');
    const counts = Object.entries(p.positions)
      .filter(([, ds]) => ds.length)
      .map(([stance, ds]) => `${stance} ${ds.join(', ')}`)
      .join('; ');
    lines.push(`  ${p.id}  ${p.paragraph} ${p.kind} by ${who}: ${what}${p.needsReview ? ' (needs review)' : ''}${counts ? ` [${counts}]` : ''}`);
  }
  if (shown.silence.state !== 'none') lines.push('', `Silence: ${shown.silence.state}${shown.silence.until ? ` (deadline ${shown.silence.until})` : ''}`);
  return lines.join('\n') + '\n';
}
