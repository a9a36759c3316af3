import { DeletedTextRun, InsertedTextRun, TextRun, type ParagraphChild } from 'docx';
import { bodyParagraph, docxBytes, unDocument } from './docx-layout';
import type { MastheadFacts } from './un-masthead';
import { furniture } from '../furniture';
import type { Redline, RedlineParagraph } from '../redline';

/**
 * A redline as a Word document with real revisions: every insertion and deletion is a w:ins / w:del
 * attributed to the delegation whose proposal caused it (or to the co-facilitators) with the decision's
 * date, so that Word and LibreOffice list them in their review pane and can accept or reject them.
 */
export async function redlineDocx(redline: Redline, language: 'en' | 'fr' = redline.meta.language, masthead: MastheadFacts = {}): Promise<Uint8Array> {
  let revision = 0;
  const paragraph = (p: RedlineParagraph): ParagraphChild[] => [
    ...(p.label ? [new TextRun({ text: `${p.label}\t`, bold: true })] : []),
    ...p.runs.map((r) => {
      const options = { text: r.text, italics: r.lead };
      if (r.op === 'equal') return new TextRun(options);
      const change = { id: ++revision, author: r.author ?? furniture(language).unitedNations, date: r.date ?? new Date().toISOString() };
      return r.op === 'insert' ? new InsertedTextRun({ ...options, ...change }) : new DeletedTextRun({ ...options, ...change });
    }),
  ];
  const children = [
    ...(redline.meta.organ ? [bodyParagraph({ children: [new TextRun({ text: redline.meta.organ, italics: true }), new TextRun(',')] })] : []),
    ...redline.paragraphs.map((p) => bodyParagraph({ level: 2, hanging: true, children: paragraph(p) })),
  ];
  return docxBytes(unDocument({ meta: redline.meta, language, children, subtitle: furniture(language).changes(redline.baseName, redline.targetName), masthead }));
}
