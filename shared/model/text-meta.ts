import { currentText } from './revision-commands';
import type { Negotiation } from './negotiation';
import type { FrozenParagraph, NegotiationMeta } from './table-state';

/** Whether a symbol is an adopted resolution's ("A/RES/76/7", "E/RES/2021/25", "S/RES/748 (1992)", "A/HRC/RES/55/1"). */
export function isAdoptedSymbol(symbol: string | null): boolean {
  return /^[A-Z]+(?:\/[A-Z]+)?\/RES\//.test(symbol ?? '');
}

/** The metadata a text carries, and, for a draft made from an adopted resolution, that resolution's symbol. */
export type TextMeta = NegotiationMeta & {
  /** The adopted resolution the draft renegotiates ("A/RES/78/228"): named, never carried as its symbol. */
  basis?: string;
};

const sameText = (a: FrozenParagraph[], b: FrozenParagraph[]): boolean =>
  a.length === b.length && a.every((p, i) => p.id === b[i]!.id && (p.status.state === 'deleted') === (b[i]!.status.state === 'deleted') && JSON.stringify(p.text) === JSON.stringify(b[i]!.text));

/**
 * Whether the negotiation renegotiates the text it was made from: a revision (the zero draft, Rev.N) has
 * been issued, or the current text is no longer the imported one.
 */
export function isRenegotiated(negotiation: Negotiation): boolean {
  const table = negotiation.table;
  if (table.epoch() > 0) return true;
  const original = table.original();
  return original !== null && !sameText(currentText(negotiation), original.paragraphs);
}

/**
 * The metadata of a text of the negotiation: `revision` (an issued revision) or the current text. A text
 * made from an adopted resolution and being renegotiated is a draft: it does not carry the resolution's
 * symbol nor its plenary meeting line (the Secretariat gives a draft its own symbol, "A/80/L.12", when it
 * is tabled); the resolution is named as its `basis`. The imported text untouched is the resolution itself.
 */
export function textMeta(negotiation: Negotiation, revision?: number): TextMeta {
  const meta = negotiation.table.meta();
  if (!isAdoptedSymbol(meta.symbol) || (revision === undefined && !isRenegotiated(negotiation))) return meta;
  return { ...meta, symbol: null, closing: null, basis: meta.symbol! };
}
