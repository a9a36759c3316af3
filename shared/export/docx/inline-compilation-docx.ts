import { Paragraph, TextRun, type FileChild } from 'docx';
import { bodyParagraph, docxBytes, unDocument } from './docx-layout';
import type { MastheadFacts } from './un-masthead';
import { inlineWords, positionSummary, whoStands, type InlineParagraph, type InlineProposal } from '../inline-compilation';
import type { NegotiationMeta } from '../../model/table-state';

const BLUE = '1A3D8F';

/**
 * The inline compilation text as a Word document: each paragraph with its open proposals in brackets at
 * their place (deleted words struck, inserted words underlined, the author and positions in italics),
 * paragraph-level proposals after it, and the position summary of each proposal.
 */
export async function inlineCompilationDocx(meta: NegotiationMeta, paragraphs: InlineParagraph[], language: 'en' | 'fr' = meta.language, masthead: MastheadFacts = {}): Promise<Uint8Array> {
  const w = inlineWords(language);
  const bracket = (x: InlineProposal): TextRun[] => {
    const kind = x.kind in w.kinds ? `${w.kinds[x.kind as keyof typeof w.kinds]}: ` : '';
    const words = [x.deleted && new TextRun({ text: x.deleted, strike: true, color: 'AA0000' }), x.deleted && x.inserted && new TextRun({ text: ' ', color: BLUE }), x.inserted && new TextRun({ text: x.inserted, underline: {}, color: '006644' })].filter((r): r is TextRun => !!r);
    return [
      new TextRun({ text: `[${kind}`, color: BLUE }),
      ...words,
      new TextRun({ text: `${words.length ? ' – ' : ''}${whoStands(x, w)}${x.needsReview ? ` (${w.review})` : ''}]`, italics: true, color: BLUE }),
    ];
  };
  const children: FileChild[] = [];
  for (const p of paragraphs) {
    children.push(bodyParagraph({ level: 2, hanging: true, children: [new TextRun({ text: `${p.label}\t`, bold: true }), ...p.parts.flatMap((x) => ('text' in x ? [new TextRun(x.text)] : bracket(x.proposal)))] }));
    for (const x of p.after) children.push(bodyParagraph({ level: 2, hanging: true, children: [new TextRun('\t'), ...bracket(x)] }));
    if (p.proposals.length) children.push(bodyParagraph({ level: 2, hanging: true, children: [new TextRun({ text: `\t${w.summary}${w.colon}`, italics: true, size: 20 }), new TextRun({ text: p.proposals.map((x) => positionSummary(x, w)).join(' · '), size: 20 })] }));
  }
  if (paragraphs.length === 0) children.push(new Paragraph({}));
  return docxBytes(unDocument({ meta, language, children, subtitle: w.title, masthead }));
}
