import { cleanText } from './clean-text';
import { FootnoteRefs, placeMarks } from './footnote-refs';
import { ImportError } from './imported-text';
import type {
  ImportedAnnex, ImportedAnnexParagraph, ImportedDraft, ImportedForm, ImportedItem, ImportedOperative, ImportedPreambular,
  ImportedText,
} from './imported-text';
import { joinLines, vocabulary } from './join-lines';
import { detectLanguage } from './language';
import { leadOf } from './leads';
import { markdownLines } from './markdown-lines';
import { repeatsTitle } from './page-furniture';
import { assertReadable, looksLikeMarkdown } from './readable';
import { segment } from './segment';
import type { ItemDraft, ParagraphDraft } from './segment';
import { FOOTNOTE_MARKER } from './source-line';
import type { SourceLine } from './source-line';
import { isAnnexLine, numberOf, opensDecision, organOf, startsOperative } from './structure-lines';
import { textLines } from './text-lines';
import { isFlattened, unflatten } from './unflatten';
import { adoptedAt, agendaItemOf, documentSymbol, readTitle } from './title-symbol';

/** Options for `importText`: where the text came from (for errors) and its format when known. */
export interface ImportOptions {
  source: string;
  format?: 'txt' | 'md';
}

/**
 * Drops running-header repeats of the title, which sit right after a page break, or, where the extraction lost
 * the page breaks, stand between blank lines without a clause's punctuation.
 */
function dropRunningTitles(lines: SourceLine[], title: string, firstBody: number): SourceLine[] {
  const kept: SourceLine[] = [];
  let breakOpen = false;
  // A header set above the page's furniture: a run of up to three lines right before a page break, that
  // together repeat the title ("2025 Political Declaration on the … United Nations" / "Global Plan of …").
  const beforeBreak = new Set<number>();
  lines.forEach((line, index) => {
    if (!line.afterBreak || index <= firstBody) return;
    for (let start = Math.max(firstBody + 1, index - 3); start < index; start++) {
      const run = lines.slice(start, index);
      if (repeatsTitle(run.map((l) => l.text).join(' '), title) && run.every((l) => !/[,;:.]$/u.test(l.text))) {
        for (let i = start; i < index; i++) beforeBreak.add(i);
        break;
      }
    }
  });
  for (const [index, line] of lines.entries()) {
    if (beforeBreak.has(index) && !line.heading) continue;
    breakOpen = line.afterBreak || breakOpen;
    const next = lines[index + 1];
    const apart = line.blankBefore > 0 && (!next || next.blankBefore > 0) && !/[,;:.]$/u.test(line.text);
    // The title block itself (before the first paragraph) is never a running header.
    // A title set as a heading (bold), or under the "Annex" line, is the annex's own title, not a running header.
    const annexTitle = line.heading || (index > 0 && isAnnexLine((lines[index - 1] as SourceLine).text));
    if ((breakOpen || apart) && !annexTitle && index > firstBody && repeatsTitle(line.text, title)) continue;
    breakOpen = false;
    kept.push(line);
  }
  return kept;
}

/**
 * Reads a UN resolution, draft, report or declaration (plain text, text extracted from a PDF, or Markdown;
 * English or French) into its structure. Throws ImportError for input it cannot read.
 */
export function importText(input: string, options: ImportOptions): ImportedText {
  const { source } = options;
  const given = input.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n').replace(/^source: .*\n/u, '');
  const text = isFlattened(given) ? unflatten(given) : given;
  assertReadable(text, source);
  const format = options.format ?? (looksLikeMarkdown(text) ? 'md' : 'txt');
  const read = format === 'md' ? markdownLines(text) : textLines(text);
  const firstBody = read.lines.findIndex((l) => {
    const n = numberOf(l.text);
    return organOf(l.text) || opensDecision(l.text) || n?.number === 1 || (n && startsOperative(n.rest));
  });
  const provisional = readTitle(read.lines.slice(0, firstBody < 0 ? 0 : firstBody));
  const parts = segment(dropRunningTitles(read.lines, provisional.title, firstBody));
  const { title, number, draft } = readTitle(parts.prelude);
  const words = vocabulary(text);
  const refs = new FootnoteRefs(read.footnotes.map((f) => f.mark));
  // Footnote marks keep their place: offsets in the cleaned text, parallel to the marks.
  const join = (lines: string[]): { text: string; marks: string[]; offsets: number[] } => {
    const taken = refs.take(joinLines(lines, words), true);
    const placed = placeMarks(cleanText(taken.text));
    return { text: placed.text, marks: taken.marks, offsets: placed.offsets };
  };
  const items = (drafts: ItemDraft[], marks: string[]): ImportedItem[] =>
    drafts.map((d) => {
      const t = join(d.parts);
      marks.push(...t.marks);
      const item: ImportedItem = { label: d.label, text: t.text };
      const sub = items(d.items, marks);
      if (sub.length) item.items = sub;
      return item;
    });

  const preamble: ImportedPreambular[] = [];
  const operative: ImportedOperative[] = [];
  // The draft resolutions recommended by a paragraph, by that paragraph's index: their paragraphs go into them.
  const drafts = new Map<number, ImportedDraft>();
  const annexes: ImportedAnnex[] = parts.annexes.map((a) => ({
    title: cleanText(joinLines(a.titleParts, words)),
    chapeau: a.chapeauParts.length ? join(a.chapeauParts).text : null,
    paragraphs: [],
  }));
  // Without an organ line, paragraphs that all open with an operative verb are an excerpt of a resolution.
  const excerpt = parts.paragraphs.length > 0 &&
    parts.paragraphs.every((p) => p.kind === 'operative' && startsOperative(p.parts.join(' ')));
  const report = !parts.organ && !annexes.length && !parts.decision && !excerpt;
  for (const [index, p] of parts.paragraphs.entries()) {
    const body = join(p.parts);
    const marks = [...body.marks];
    const list = items(p.items, marks);
    // Marks in sub-items end the paragraph (after the body's own marks, which keep their place).
    const footnotes = marks.length ? { footnotes: marks, ...(body.marks.length ? { footnoteOffsets: body.offsets } : {}) } : {};
    const heading = p.heading !== null || parts.headings.length
      ? { heading: p.heading, ...(p.headings ? { headings: p.headings.map(cleanText) } : {}) } : {};
    const lead = p.italic ?? (report ? null : leadOf(body.text));
    const into = p.inDraft === undefined ? { preamble, operative } : drafts.get(p.inDraft) ?? { preamble, operative };
    if (p.kind === 'preambular') into.preamble.push({ lead, text: body.text, items: list, ...footnotes });
    else if (p.kind === 'operative') {
      const draft = p.draftOrgan ? { organ: p.draftOrgan, preamble: [], operative: [] } : null;
      if (draft) drafts.set(index, draft);
      into.operative.push({ number: p.number, lead, text: body.text, items: list, ...footnotes, ...heading, ...(draft ? { draft } : {}) });
    }
    else annexParagraph(annexes, p, { number: p.number, text: body.text, items: list, ...footnotes, ...heading });
  }
  if (!preamble.length && !operative.length && !annexes.some((a) => a.paragraphs.length)) {
    throw new ImportError('no paragraphs found (no organ line, preambular lead or numbered paragraph)', source,
      read.lines[0]?.line ?? 1);
  }
  const symbol = documentSymbol(read.headerSymbols, number, parts.organ);
  const form: ImportedForm = draft || symbol?.includes('/L.') ? 'draft'
    : parts.organ || parts.decision || excerpt ? 'resolution' : annexes.length ? 'declaration' : 'report';
  const closing = parts.closing ?? adoptedAt(parts.prelude.map((l) => l.text).join(' '));
  return {
    form,
    language: detectLanguage(text),
    symbol,
    title: cleanText(title.replace(FOOTNOTE_MARKER, '')),
    organ: parts.organ,
    preamble,
    operative,
    annexes,
    headings: parts.headings.map(cleanText),
    footnotes: read.footnotes.map((f) => ({ mark: f.mark, text: cleanText(joinLines(f.text.split('\n'), words)) })),
    closing: closing ? cleanText(closing) : null,
    agendaItem: agendaItemOf(parts.prelude.map((l) => l.text).join(' ')),
  };
}

function annexParagraph(annexes: ImportedAnnex[], draft: ParagraphDraft, paragraph: ImportedAnnexParagraph): void {
  annexes[draft.annex]?.paragraphs.push(paragraph);
}
