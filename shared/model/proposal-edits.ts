import type * as Y from 'yjs';
import { resolveAnchor } from './anchors';
import type { Proposal } from './proposal';
import type { TableDocument } from './table-document';
import { deletion, insertion, replacement, type Splice } from '../text/word-edit';
import { flatText } from '../text/rich-text';
import { plainOf, textRuns } from '../text/y-rich-text';

/** What accepting an insert, delete or replace proposal does to its paragraph. */
export interface SpanEdit {
  /** The run of text it changes, and the change within that run. */
  text: Y.XmlText;
  splice: Splice;
  /** The paragraph's words on one line, before and after. */
  before: string;
  after: string;
}

/**
 * The exact edit an insert, delete or replace proposal makes: an insertion goes after the quoted words
 * (or at the place, when none are quoted), spaced as a reader expects; a replacement puts exactly the
 * proposed words in place of exactly the quoted ones; a deletion removes the quoted words and the space
 * they leave doubled. Null when the quoted words changed since, or lie outside the proposal's paragraph:
 * the proposal is then reviewed, never applied. Accepting applies this edit and no other, so the text
 * after acceptance is `after`, the text the proposal shows.
 */
export function spanEdit(table: TableDocument, proposal: Proposal): SpanEdit | null {
  if (!proposal.anchor || (proposal.kind !== 'insert' && proposal.kind !== 'delete' && proposal.kind !== 'replace')) return null;
  const span = resolveAnchor(table, proposal.anchor);
  if (!span || !span.intact || !table.paragraphsMap.has(proposal.paragraphId)) return null;
  const run = textRuns(table.textFragment(proposal.paragraphId)).find((r) => r.text === span.text);
  if (!run) return null;
  const plain = plainOf(span.text);
  const words = proposal.text ?? '';
  const splice =
    proposal.kind === 'insert' ? insertion(plain, span.to, words) : proposal.kind === 'replace' ? replacement(plain, span.from, span.to, words) : deletion(plain, span.from, span.to);
  const before = flatText(table.paragraph(proposal.paragraphId)!.text);
  const after = before.slice(0, run.start + splice.from) + splice.insert + before.slice(run.start + splice.to);
  return { text: span.text, splice, before, after };
}

/** Applies a span edit to the document. */
export function applySpanEdit(edit: SpanEdit): void {
  const { text, splice } = edit;
  if (splice.to > splice.from) text.delete(splice.from, splice.to - splice.from);
  if (splice.insert) text.insert(splice.from, splice.insert);
}
