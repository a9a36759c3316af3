import type { ParagraphKind } from './paragraph';

/**
 * What ends the organ line: a comma before preambular paragraphs ("The General Assembly, / Recalling …"),
 * nothing when the text opens with its operative part, as the Secretariat prints it ("The General Assembly /
 * Adopts …", "The Economic and Social Council / Recommends to the General Assembly the adoption of the
 * following draft resolution:").
 */
export function organLineEnd(paragraphs: readonly { kind: ParagraphKind }[]): ',' | '' {
  const first = paragraphs.find((p) => p.kind !== 'heading');
  return first && (first.kind === 'operative' || first.kind === 'chapeau') ? '' : ',';
}
