import { AlignmentType, DeletedTextRun, InsertedTextRun, LevelFormat, Paragraph, TextRun, type INumberingOptions, type ParagraphChild } from 'docx';
import { bodyParagraph, docxBytes, STEP, unDocument } from './docx-layout';
import type { MastheadFacts } from './un-masthead';
import { furniture } from '../furniture';
import type { Redline, RedlineParagraph } from '../redline';

/** Word's own numbering for operative and declaration paragraphs: "1.", hanging, renumbered by Word as changes are accepted or rejected. */
const NUMBERED = { operative: 'un-operative', declaration: 'un-declaration' } as const;
const NUMBERING: INumberingOptions = {
  config: Object.values(NUMBERED).map((reference) => ({
    reference,
    levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: STEP * 4, hanging: STEP } } } }],
  })),
};

/**
 * A redline as a Word document with real revisions, switched on in its settings (Track Changes): every
 * insertion and deletion is a w:ins / w:del attributed to the delegation whose proposal caused it (or to
 * the co-facilitators) with the decision's date. Paragraphs added or removed are tracked as paragraphs
 * (their paragraph mark inserted or deleted), and operative and declaration paragraphs carry Word's
 * numbering rather than typed labels, so that Reject All gives back the base text, numbered as it was,
 * and Accept All the target text.
 */
export async function redlineDocx(redline: Redline, language: 'en' | 'fr' = redline.meta.language, masthead: MastheadFacts = {}): Promise<Uint8Array> {
  let revision = 0;
  const now = new Date().toISOString();
  const change = (author: string | null, date: string | null) => ({ id: ++revision, author: author ?? furniture(language).unitedNations, date: date ?? now });
  const runs = (p: RedlineParagraph, bold = false): ParagraphChild[] =>
    p.runs.map((r) => {
      const options = { text: r.text, italics: r.lead, bold };
      if (r.op === 'equal') return new TextRun(options);
      return r.op === 'insert' ? new InsertedTextRun({ ...options, ...change(r.author, r.date) }) : new DeletedTextRun({ ...options, ...change(r.author, r.date) });
    });
  // A single operative paragraph is not numbered (nor is a lone declaration paragraph).
  const count = (kind: string) => redline.paragraphs.filter((p) => p.kind === kind).length;
  const paragraph = (p: RedlineParagraph): Paragraph => {
    const first = p.runs.find((r) => r.op !== 'equal');
    const mark = p.change === 'added' ? { insertion: change(first?.author ?? null, first?.date ?? null) } : p.change === 'removed' ? { deletion: change(first?.author ?? null, first?.date ?? null) } : {};
    const reference = (p.kind === 'operative' || p.kind === 'declaration') && count(p.kind) > 1 ? NUMBERED[p.kind] : null;
    if (p.kind === 'annex-title') return new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 360, after: 240 }, run: { bold: true, ...mark }, children: runs(p, true) });
    if (reference) return bodyParagraph({ level: 2, hanging: true, numbering: { reference, level: 0 }, run: mark, children: runs(p) });
    return bodyParagraph({ run: mark, children: runs(p) });
  };
  const children = [
    ...(redline.meta.organ ? [bodyParagraph({ children: [new TextRun({ text: redline.meta.organ, italics: true }), new TextRun(',')] })] : []),
    ...redline.paragraphs.map(paragraph),
  ];
  return docxBytes(unDocument({ meta: redline.meta, language, children, subtitle: furniture(language).changes(redline.baseName, redline.targetName), masthead, numbering: NUMBERING, trackRevisions: true }));
}
