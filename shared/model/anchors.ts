import * as Y from 'yjs';
import { CommandRefused } from './command-refused';
import type { SpanAnchor } from './proposal';
import type { TableDocument } from './table-document';
import { plainOf, textRuns } from '../text/y-rich-text';

/** An anchor resolved against the current text. */
export interface ResolvedSpan {
  text: Y.XmlText;
  /** Offsets within that Y.XmlText. */
  from: number;
  to: number;
  /** The words now between the anchor's ends. */
  current: string;
  /** False when the words changed since the proposal quoted them: the proposal needs review. */
  intact: boolean;
}

/**
 * Anchors a span of a paragraph, given as offsets in its flat text (body and sub-items joined by single
 * spaces). A span must lie within one body or sub-item.
 */
export function createAnchor(table: TableDocument, paragraphId: string, from: number, to: number): SpanAnchor {
  const fragment = table.textFragment(paragraphId);
  if (from > to || from < 0) throw new CommandRefused(`The span ${from}–${to} is not a valid span.`, 'invalid');
  const runs = textRuns(fragment);
  const run = runs.find((r) => from >= r.start && to <= r.start + r.length);
  if (!run) throw new CommandRefused('A proposal must lie within one paragraph or one sub-item; select fewer words.', 'invalid');
  const a = from - run.start;
  const b = to - run.start;
  // The start sticks to the character after it and the end to the one before, so words typed at
  // either edge stay outside the span.
  const start = Y.createRelativePositionFromTypeIndex(run.text, a, 0);
  const end = Y.createRelativePositionFromTypeIndex(run.text, b, -1);
  return {
    start: Y.relativePositionToJSON(start),
    end: Y.relativePositionToJSON(end),
    quote: plainSlice(run.text, a, b),
  };
}

const plainSlice = (text: Y.XmlText, from: number, to: number): string => plainOf(text).slice(from, to);

/** Resolves an anchor in the current text; null when its words were deleted altogether. */
export function resolveAnchor(table: TableDocument, anchor: SpanAnchor): ResolvedSpan | null {
  const doc = table.doc;
  let start: Y.AbsolutePosition | null;
  let end: Y.AbsolutePosition | null;
  try {
    start = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(anchor.start), doc);
    end = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(anchor.end), doc);
  } catch {
    // Positions another client wrote badly point nowhere: the proposal is shown as needing review.
    return null;
  }
  if (!start || !end || start.type !== end.type || !(start.type instanceof Y.XmlText)) return null;
  const text = start.type;
  const from = start.index;
  const to = Math.max(end.index, from);
  const current = plainSlice(text, from, to);
  return { text, from, to, current, intact: current === anchor.quote && text.doc !== null };
}
