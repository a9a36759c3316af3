import type { Paragraph } from '../../shared/model/paragraph';
import type { ProposalKind } from '../../shared/model/proposal';
import type { ProposalView } from '../../shared/model/queries';
import { flatText } from '../../shared/text/rich-text';

/** Which paragraphs to show: by state, by a delegation's proposals or positions, by kind of proposal, changed only, by words. */
export interface ParagraphFilter {
  state: 'all' | 'not-discussed' | 'discussed' | 'adref' | 'agreed' | 'changed';
  delegation: string;
  kind: ProposalKind | '';
  /** Words the paragraph's text holds (Find): any case, with or without accents. */
  words: string;
}

export const NO_FILTER: ParagraphFilter = { state: 'all', delegation: '', kind: '', words: '' };

/** Text as Find compares it: lower case, accents dropped, spaces folded. */
const folded = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ');

/** Whether a paragraph passes the filter. "Discussed" means it has had proposals; "changed": since my last visit or the last revision; words: found in its text. */
export function passesFilter(p: Paragraph, views: readonly ProposalView[], changed: boolean, f: ParagraphFilter): boolean {
  const open = views.filter((v) => v.state === 'open');
  const state = p.status.state;
  if (f.state === 'not-discussed' && !(state === 'open' && views.length === 0)) return false;
  if (f.state === 'discussed' && !(state === 'open' && views.length > 0)) return false;
  if ((f.state === 'adref' || f.state === 'agreed') && state !== f.state) return false;
  if (f.state === 'changed' && !changed) return false;
  if (f.delegation && !open.some((v) => v.proposal.author === f.delegation || v.proposal.onBehalfOf === f.delegation || Object.values(v.positions).some((ids) => ids.includes(f.delegation)))) return false;
  if (f.kind && !open.some((v) => v.proposal.kind === f.kind)) return false;
  if (f.words.trim() && !folded(flatText(p.text)).includes(folded(f.words.trim()))) return false;
  return true;
}
