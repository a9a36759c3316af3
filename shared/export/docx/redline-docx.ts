import { AlignmentType, DeletedTextRun, InsertedTextRun, LevelFormat, Paragraph, TextRun, type INumberingOptions, type ParagraphChild } from 'docx';
import { bodyParagraph, docxBytes, STEP, unDocument } from './docx-layout';
import type { MastheadFacts } from './un-masthead';
import { furniture } from '../furniture';
import { organLineEnd } from '../../model/organ-line';
import { redlineLines, type Redline, type RedlineLine, type RedlineParagraph, type RedlineRun } from '../redline';

/** Word's own numbering for operative and declaration paragraphs: "1.", hanging, renumbered by Word as changes are accepted or rejected. */
const NUMBERED = { operative: 'un-operative', declaration: 'un-declaration' } as const;
const NUMBERING: INumberingOptions = {
  config: Object.values(NUMBERED).map((reference) => ({
    reference,
    levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: STEP * 4, hanging: STEP } } } }],
  })),
};

/** A sub-item line's runs with the space after its label ("(a) ", "a) ") made a tab, as the clean text sets it. */
function tabbed(runs: RedlineRun[]): RedlineRun[] {
  const text = runs.map((r) => r.text).join('');
  const label = /^(?:\(?[a-z]{1,5}\))+(?= )/u.exec(text);
  if (!label) return runs;
  let at = label[0].length;
  return runs.map((r) => {
    const here = at >= 0 && at < r.text.length;
    const out = here ? { ...r, text: `${r.text.slice(0, at)}\t${r.text.slice(at + 1)}` } : r;
    at -= r.text.length;
    if (here) at = -1;
    return out;
  });
}

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
  const runs = (list: RedlineRun[], bold = false): ParagraphChild[] =>
    list.map((r) => {
      const options = { text: r.text, italics: r.lead, bold };
      if (r.op === 'equal') return new TextRun(options);
      return r.op === 'insert' ? new InsertedTextRun({ ...options, ...change(r.author, r.date) }) : new DeletedTextRun({ ...options, ...change(r.author, r.date) });
    });
  // A single operative paragraph is not numbered (nor is a lone declaration paragraph).
  const count = (kind: string) => redline.paragraphs.filter((p) => p.kind === kind).length;
  // A paragraph mark is tracked where the paragraph was added or removed, or where the sub-item after it was.
  const markOf = (op: RedlineRun['op'], by: RedlineRun | undefined) =>
    op === 'insert' ? { insertion: change(by?.author ?? null, by?.date ?? null) } : op === 'delete' ? { deletion: change(by?.author ?? null, by?.date ?? null) } : {};
  const paragraph = (p: RedlineParagraph): Paragraph[] => {
    const first = p.runs.find((r) => r.op !== 'equal');
    const whole = p.change === 'added' ? 'insert' : p.change === 'removed' ? 'delete' : 'equal';
    const lines = redlineLines(p);
    const mark = (i: number) => {
      const next = lines[i + 1];
      return whole !== 'equal' ? markOf(whole, first) : next ? markOf(next.opened, next.runs.find((r) => r.op === next.opened)) : {};
    };
    const reference = (p.kind === 'operative' || p.kind === 'declaration') && count(p.kind) > 1 ? NUMBERED[p.kind] : null;
    const body = lines[0] as RedlineLine;
    const head = p.kind === 'annex-title'
      ? new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 360, after: 240 }, run: { bold: true, ...mark(0) }, children: runs(body.runs, true) })
      : reference ? bodyParagraph({ level: 2, hanging: true, numbering: { reference, level: 0 }, run: mark(0), children: runs(body.runs) })
        : bodyParagraph({ run: mark(0), children: runs(body.runs) });
    // Sub-items hang under their paragraph as in the clean text, their label then a tab.
    const level = (reference ? 2 : 1) + 1;
    return [head, ...lines.slice(1).map((line, k) => bodyParagraph({ level: level + line.depth - 1, hanging: true, run: mark(k + 1), children: runs(tabbed(line.runs)) }))];
  };
  const children = [
    ...(redline.meta.organ ? [bodyParagraph({ children: [new TextRun({ text: redline.meta.organ, italics: true }), new TextRun(organLineEnd(redline.paragraphs))] })] : []),
    ...redline.paragraphs.flatMap(paragraph),
  ];
  return docxBytes(unDocument({ meta: redline.meta, language, children, subtitle: furniture(language).changes(redline.baseName, redline.targetName), masthead, numbering: NUMBERING, trackRevisions: true }));
}
