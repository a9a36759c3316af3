import { Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType, type FileChild } from 'docx';
import { docxBytes, unDocument } from './docx-layout';
import type { MastheadFacts } from './un-masthead';
import { furniture } from '../furniture';
import { compilationWords, type CompiledParagraph, type CompiledProposal } from '../../model/compilation';
import type { ParagraphStatus } from '../../model/paragraph';
import type { NegotiationMeta } from '../../model/table-state';

const WIDTHS = [16, 40, 15, 15, 14];
const SHADE = { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' };

function cell(content: string | TextRun[], options: { span?: number; shade?: boolean; bold?: boolean } = {}): TableCell {
  const children = typeof content === 'string' ? [new TextRun({ text: content, bold: options.bold })] : content;
  return new TableCell({
    columnSpan: options.span,
    shading: options.shade ? SHADE : undefined,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    children: [new Paragraph({ children })],
  });
}

function status(s: ParagraphStatus, language: 'en' | 'fr'): string {
  const w = compilationWords(language);
  if (s.state === 'adref') return `${w.status.adref}${s.pending.length ? ` (${s.pending.join(', ')})` : ''}`;
  return w.status[s.state];
}

function proposalRow(p: CompiledProposal, language: 'en' | 'fr'): TableRow {
  const w = compilationWords(language);
  const wording = p.wording.map((d) => new TextRun({ text: d.text + ' ', underline: d.op === 'insert' ? {} : undefined, strike: d.op === 'delete', color: d.op === 'insert' ? '006644' : d.op === 'delete' ? 'AA0000' : undefined }));
  const notes = [p.source && `(${p.source})`, p.rationale].filter((x): x is string => !!x).map((x) => new TextRun({ text: x, italics: true, break: 1 }));
  const positions = (names: string[], more: string[]): string => [...names, ...more].join(', ');
  return new TableRow({
    children: [
      cell(p.author),
      cell([new TextRun({ text: `${w.kinds[p.kind]}: `, bold: true }), ...wording, ...notes]),
      cell(positions(p.supporters, [])),
      cell(positions(p.opponents, p.reservations.map((r) => `${r} (${w.reservation})`))),
      cell(`${w.states[p.state]}${p.pendingInstructions.length ? `; ${w.instructions}: ${p.pendingInstructions.join(', ')}` : ''}${p.needsReview && p.state === 'open' ? `; ${w.review}` : ''}`),
    ],
  });
}

/**
 * The compilation text as a Word document, landscape: a table per paragraph with its label and status,
 * its current text, then each proposal with its authors, wording, supporters, opponents and decision.
 */
export async function compilationDocx(meta: NegotiationMeta, paragraphs: CompiledParagraph[], language: 'en' | 'fr' = meta.language, masthead: MastheadFacts = {}): Promise<Uint8Array> {
  const words = furniture(language);
  const children: FileChild[] = [];
  const header = new TableRow({ tableHeader: true, children: Object.values(words.columns).map((c) => cell(c, { shade: true, bold: true })) });
  for (const p of paragraphs) {
    const rows = [
      new TableRow({ cantSplit: true, children: [cell(p.label || p.kind, { shade: true, bold: true }), cell([new TextRun({ text: status(p.status, language), italics: true }), new TextRun({ text: p.text, break: 1 })], { span: 4 })] }),
      ...(p.proposals.length ? [header, ...p.proposals.map((x) => proposalRow(x, language))] : [new TableRow({ children: [cell(''), cell(words.noProposals, { span: 4 })] })]),
    ];
    children.push(new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, columnWidths: WIDTHS.map((w) => w * 140), rows }), new Paragraph({ text: '' }));
  }
  return docxBytes(unDocument({ meta, language, children, landscape: true, subtitle: words.compilation, masthead }));
}
