import { AlignmentType, FootnoteReferenceRun, Paragraph, TextRun, type FileChild, type ParagraphChild } from 'docx';
import { bodyParagraph, docxBytes, STEP, unDocument } from './docx-layout';
import { furniture } from '../furniture';
import type { CleanItem, CleanParagraph, CleanText } from '../../model/clean-text';

/** The paragraph's words: draft label, number, italic lead, the rest, footnote references. */
function runs(p: CleanParagraph, numbered: boolean): ParagraphChild[] {
  const lead = p.lead && p.text.startsWith(p.lead) ? p.lead : null;
  return [
    ...(p.label ? [new TextRun({ text: `[${p.label}] `, bold: true, color: '990000' })] : []),
    ...(numbered && p.number ? [new TextRun(`${p.number}.\t`)] : []),
    ...(lead ? [new TextRun({ text: lead, italics: true })] : []),
    new TextRun(lead ? p.text.slice(lead.length) : p.text),
    ...p.footnotes.map((mark) => new FootnoteReferenceRun(Number(mark))),
  ];
}

function items(list: CleanItem[], level: number): Paragraph[] {
  return list.flatMap((i) => [bodyParagraph({ level, hanging: true, children: [new TextRun(`${i.label}\t${i.text}`)] }), ...items(i.items, level + 1)]);
}

function paragraph(p: CleanParagraph): Paragraph[] {
  switch (p.kind) {
    case 'heading':
      return [new Paragraph({ keepNext: true, spacing: { before: 240, after: 120 }, indent: { left: STEP * 2 }, children: [new TextRun({ text: p.text, bold: true }), ...runs({ ...p, text: '', lead: null }, false)] })];
    case 'annex-title':
      return [new Paragraph({ pageBreakBefore: true, keepNext: true, alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: p.text, bold: true, size: 28 })] })];
    case 'preambular':
    case 'chapeau':
      return [bodyParagraph({ children: runs(p, false) }), ...items(p.items, 2)];
    default:
      return [p.number ? bodyParagraph({ level: 2, hanging: true, children: runs(p, true) }) : bodyParagraph({ children: runs(p, false) }), ...items(p.items, 3)];
  }
}

/**
 * The clean text (or a draft) as a Word document in the UN layout: masthead with symbol and distribution,
 * title, italic organ line, italic leads, hanging numbers, indented sub-items, real Word footnotes and the
 * closing lines. `language` sets the furniture words (the text keeps its own).
 */
export async function cleanDocx(clean: CleanText, language: 'en' | 'fr' = clean.meta.language): Promise<Uint8Array> {
  const { meta } = clean;
  const children: FileChild[] = [];
  if (meta.organ) children.push(bodyParagraph({ children: [new TextRun({ text: meta.organ, italics: true }), new TextRun(',')] }));
  for (const p of clean.paragraphs) children.push(...paragraph(p));
  const cited = new Set(clean.paragraphs.flatMap((p) => p.footnotes));
  const uncited = clean.footnotes.filter((f) => !cited.has(f.mark));
  if (meta.closing) children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 480 }, border: { top: { style: 'single', size: 6, color: '000000', space: 6 } }, children: [new TextRun({ text: meta.closing, italics: true })] }));
  for (const f of uncited) children.push(new Paragraph({ children: [new TextRun({ text: `${f.mark} ${f.text}`, size: 20 })] }));
  const footnotes = Object.fromEntries(clean.footnotes.filter((f) => cited.has(f.mark)).map((f) => [Number(f.mark), f.text]));
  return docxBytes(unDocument({ meta, language, children, footnotes, subtitle: clean.draft ? furniture(language).draft : null }));
}
