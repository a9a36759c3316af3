import { AlignmentType, FootnoteReferenceRun, Paragraph, TextRun, type FileChild, type ParagraphChild } from 'docx';
import { bodyParagraph, docxBytes, STEP, unDocument } from './docx-layout';
import type { MastheadFacts } from './un-masthead';
import { splitAtFootnotes } from '../footnote-offsets';
import { furniture } from '../furniture';
import type { CleanItem, CleanParagraph, CleanText } from '../../model/clean-text';
import { organLineEnd } from '../../model/organ-line';

/** Where the footnote marks stand, by paragraph id (see footnoteOffsetsById). */
type Offsets = Map<string, number[]>;

/** The paragraph's words: draft label, number, italic lead, the rest, footnote references at their word. */
function runs(p: CleanParagraph, numbered: boolean, offsets: Offsets): ParagraphChild[] {
  const lead = p.lead && p.text.startsWith(p.lead) ? p.lead.length : 0;
  const words: ParagraphChild[] = [];
  let at = 0;
  for (const part of splitAtFootnotes(p.text, p.footnotes, offsets.get(p.id))) {
    if ('mark' in part) {
      words.push(new FootnoteReferenceRun(Number(part.mark)));
      continue;
    }
    const inLead = Math.max(0, Math.min(part.text.length, lead - at));
    if (inLead > 0) words.push(new TextRun({ text: part.text.slice(0, inLead), italics: true }));
    if (inLead < part.text.length) words.push(new TextRun(part.text.slice(inLead)));
    at += part.text.length;
  }
  return [
    ...(p.label ? [new TextRun({ text: `[${p.label}] `, bold: true, color: '990000' })] : []),
    ...(numbered && p.number ? [new TextRun(`${p.number}.\t`)] : []),
    ...words,
  ];
}

function items(list: CleanItem[], level: number): Paragraph[] {
  return list.flatMap((i) => [bodyParagraph({ level, hanging: true, children: [new TextRun(`${i.label}\t${i.text}`)] }), ...items(i.items, level + 1)]);
}

function paragraph(p: CleanParagraph, offsets: Offsets, language: 'en' | 'fr'): Paragraph[] {
  switch (p.kind) {
    case 'heading':
      return [new Paragraph({ keepNext: true, spacing: { before: 240, after: 120 }, indent: { left: STEP * 2 }, children: [new TextRun({ text: p.text, bold: true }), ...runs({ ...p, text: '', lead: null }, false, offsets)] })];
    case 'annex-title':
      // "Annex" on a new page, then the annexed text's title, as the Secretariat prints an annexed declaration.
      return [
        new Paragraph({ pageBreakBefore: true, keepNext: true, alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: furniture(language).annex, bold: true, size: 28 })] }),
        new Paragraph({ keepNext: true, alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: p.text, bold: true, size: 28 })] }),
      ];
    case 'preambular':
    case 'chapeau':
      return [bodyParagraph({ children: runs(p, false, offsets) }), ...items(p.items, 2)];
    default:
      return [p.number ? bodyParagraph({ level: 2, hanging: true, children: runs(p, true, offsets) }) : bodyParagraph({ children: runs(p, false, offsets) }), ...items(p.items, 3)];
  }
}

/** The plenary meeting line and its date, right-aligned on two lines: "41st plenary meeting / 22 November 2021". */
function closing(text: string): Paragraph {
  const lines = text.includes('\n') ? text.split(/\n+/) : text.split(/,\s+(?=\d{1,2}(?:er)?\s+\p{L}+\s+\d{4})/u);
  return new Paragraph({ alignment: AlignmentType.RIGHT, keepLines: true, spacing: { before: 360, after: 240 }, children: lines.map((line, i) => new TextRun({ text: line.trim(), break: i > 0 ? 1 : 0 })) });
}

/** Options of the clean text's Word document. */
export interface CleanDocxOptions {
  /** Where each paragraph's footnote marks stand (footnoteOffsetsById); without it, marks end their paragraph. */
  footnoteOffsets?: Offsets;
  masthead?: MastheadFacts;
}

/**
 * The clean text (or a draft) as a Word document as the Secretariat issues it: UN masthead (organ, symbol,
 * distribution and date, session and agenda item, "Resolution adopted by …", the resolution number before
 * the title), italic organ line and leads, hanging numbers, indented sub-items, real Word footnotes at
 * their word, the plenary meeting line after the last operative paragraph, "Annex" before an annexed
 * text, "n/N" page numbers. `language` sets the furniture words (the text keeps its own).
 */
export async function cleanDocx(clean: CleanText, language: 'en' | 'fr' = clean.meta.language, options: CleanDocxOptions = {}): Promise<Uint8Array> {
  const { meta } = clean;
  const offsets = options.footnoteOffsets ?? new Map<string, number[]>();
  const children: FileChild[] = [];
  if (meta.organ) children.push(bodyParagraph({ children: [new TextRun({ text: meta.organ, italics: true }), new TextRun(organLineEnd(clean.paragraphs))] }));
  const annexAt = clean.paragraphs.findIndex((p) => p.kind === 'annex-title');
  clean.paragraphs.forEach((p, i) => {
    if (i === annexAt && meta.closing) children.push(closing(meta.closing));
    children.push(...paragraph(p, offsets, language));
  });
  if (annexAt < 0 && meta.closing) children.push(closing(meta.closing));
  const cited = new Set(clean.paragraphs.flatMap((p) => p.footnotes));
  for (const f of clean.footnotes.filter((f) => !cited.has(f.mark))) children.push(new Paragraph({ children: [new TextRun({ text: `${f.mark} ${f.text}`, size: 20 })] }));
  const footnotes = Object.fromEntries(clean.footnotes.filter((f) => cited.has(f.mark)).map((f) => [Number(f.mark), f.text]));
  return docxBytes(unDocument({ meta, language, children, footnotes, subtitle: clean.draft ? furniture(language).draft : null, masthead: options.masthead }));
}
