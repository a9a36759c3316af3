import { isNumbered, type Paragraph, type ParagraphKind } from './paragraph';

const LATIN = ['bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies'];
const PREFIX: Partial<Record<ParagraphKind, string>> = { preambular: 'PP', operative: 'OP', declaration: '' };

/** Whether a paragraph still shows in the text of this epoch: deleted before the last revision, it does not. */
export function isShown(p: Paragraph, epoch: number): boolean {
  return !(p.status.state === 'deleted' && p.status.inEpoch < epoch);
}

/**
 * The working labels of paragraphs (PP3, OP5 bis, OP6 Alt 1, and 4, 4 bis for a declaration), computed
 * from their order and kinds, never stored. Paragraphs present at the last revision are numbered in
 * sequence; one added since is "bis", "ter" … after the numbered paragraph before it; an alternative
 * wording is "Alt n" of the paragraph it replaces. Headings, chapeaux and annex titles have no label.
 */
export function computeLabels(paragraphs: Paragraph[], epoch: number): Map<string, string> {
  const labels = new Map<string, string>();
  const numbers = new Map<string, number>();
  const suffixCount = new Map<string, number>();
  const altCount = new Map<string, number>();
  const lastBase = new Map<string, string>();
  const alternatives: { id: string; of: string; n: number }[] = [];
  for (const p of paragraphs) {
    if (!isNumbered(p.kind) || !isShown(p, epoch)) continue;
    const prefix = PREFIX[p.kind] ?? '';
    if (p.alternativeOf) {
      const n = (altCount.get(p.alternativeOf) ?? 0) + 1;
      altCount.set(p.alternativeOf, n);
      alternatives.push({ id: p.id, of: p.alternativeOf, n });
      continue;
    }
    if (p.addedInEpoch <= epoch) {
      const n = (numbers.get(prefix) ?? 0) + 1;
      numbers.set(prefix, n);
      const label = `${prefix}${n}`;
      labels.set(p.id, label);
      lastBase.set(prefix, label);
    } else {
      const base = lastBase.get(prefix) ?? `${prefix}0`;
      const n = (suffixCount.get(base) ?? 0) + 1;
      suffixCount.set(base, n);
      labels.set(p.id, `${base} ${LATIN[n - 1] ?? `${n}`}`);
    }
  }
  // Alternatives are labelled after the paragraph they replace, wherever that one stands.
  for (const alt of alternatives) labels.set(alt.id, `${labels.get(alt.of) ?? '?'} Alt ${alt.n}`);
  return new Map(paragraphs.filter((p) => labels.has(p.id)).map((p) => [p.id, labels.get(p.id)!]));
}
