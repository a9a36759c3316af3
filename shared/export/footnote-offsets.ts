import type { Negotiation } from '../model/negotiation';
import { currentText } from '../model/revision-commands';
import type { RichTextJSON } from '../text/schema';

/**
 * Where each footnote mark stands in a paragraph's body: the offset in the body's text of the first,
 * second … footnote reference, in order (the order of CleanParagraph.footnotes).
 */
export function footnoteOffsets(text: RichTextJSON): number[] {
  const body = text.content[0];
  if (body?.type !== 'body') return [];
  const offsets: number[] = [];
  let at = 0;
  for (const child of body.content ?? []) {
    if (child.type === 'footnote_ref') offsets.push(at);
    else at += child.text?.length ?? 0;
  }
  return offsets;
}

/** The footnote offsets of every paragraph of the current text, or of an issued revision, by paragraph id. */
export function footnoteOffsetsById(negotiation: Negotiation, revision?: number): Map<string, number[]> {
  const paragraphs = revision === undefined ? currentText(negotiation) : (negotiation.table.revisions()[revision]?.paragraphs ?? []);
  return new Map(paragraphs.map((p) => [p.id, footnoteOffsets(p.text)]));
}

/**
 * Cuts a paragraph's text at its footnote marks: the words before each mark, then the mark. A mark at
 * (or within a character of) the end stays after the final punctuation, which the clean text may have
 * changed; without offsets every mark goes at the end.
 */
export function splitAtFootnotes(text: string, marks: string[], offsets: number[] | undefined): ({ text: string } | { mark: string })[] {
  const parts: ({ text: string } | { mark: string })[] = [];
  let from = 0;
  const atEnd: string[] = [];
  marks.forEach((mark, k) => {
    const offset = offsets?.[k];
    if (offset === undefined || offset >= text.length - 1) return void atEnd.push(mark);
    const to = Math.max(from, offset);
    if (to > from) parts.push({ text: text.slice(from, to) });
    parts.push({ mark });
    from = to;
  });
  if (from < text.length) parts.push({ text: text.slice(from) });
  for (const mark of atEnd) parts.push({ mark });
  return parts;
}
