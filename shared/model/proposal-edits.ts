import type * as Y from 'yjs';
import { resolveAnchor } from './anchors';
import { isSpanKind, type Proposal } from './proposal';
import type { TableDocument } from './table-document';
import { applySplice, deletion, insertion, replacement, type Splice } from '../text/word-edit';
import { flatText } from '../text/rich-text';
import { plainOf, textRuns } from '../text/y-rich-text';

/** What accepting a proposal on words (insert, delete, replace, bracket) does to its paragraph. */
export interface SpanEdit {
  /** The run of text it changes, and the changes within that run, the last first (so each applies at its offsets). */
  text: Y.XmlText;
  splices: Splice[];
  /** The paragraph's words on one line, before and after. */
  before: string;
  after: string;
}

/**
 * The exact edit a proposal on words makes: an insertion goes after the quoted words (or at the place,
 * when none are quoted), spaced as a reader expects; a replacement puts exactly the proposed words in
 * place of exactly the quoted ones; a deletion removes the quoted words and the space they leave
 * doubled; a bracketing puts "[" before the quoted words and "]" after them, leaving the words
 * themselves (and every other proposal anchored in them) untouched. Null when the quoted words changed
 * since, or lie outside the proposal's paragraph: the proposal is then reviewed, never applied.
 * Accepting applies this edit and no other, so the text after acceptance is `after`, the text the
 * proposal shows.
 */
export function spanEdit(table: TableDocument, proposal: Proposal): SpanEdit | null {
  if (!proposal.anchor || !isSpanKind(proposal.kind)) return null;
  const span = resolveAnchor(table, proposal.anchor);
  if (!span || !span.intact || !table.paragraphsMap.has(proposal.paragraphId)) return null;
  const run = textRuns(table.textFragment(proposal.paragraphId)).find((r) => r.text === span.text);
  if (!run) return null;
  const plain = plainOf(span.text);
  const words = proposal.text ?? '';
  const splices: Splice[] = {
    insert: () => [insertion(plain, span.to, words)],
    replace: () => [replacement(plain, span.from, span.to, words)],
    delete: () => [deletion(plain, span.from, span.to)],
    bracket: () => [
      { from: span.to, to: span.to, insert: ']' },
      { from: span.from, to: span.from, insert: '[' },
    ],
  }[proposal.kind]();
  const before = flatText(table.paragraph(proposal.paragraphId)!.text);
  const edited = splices.reduce((text, s) => applySplice(text, s), plain);
  const after = before.slice(0, run.start) + edited + before.slice(run.start + plain.length);
  return { text: span.text, splices, before, after };
}

/**
 * The italic lead a splice replaces from its start ("Rappelant" of "Rappelant qu’il importe"), and the words
 * after it in the splice; null when the splice does not start where the lead starts.
 */
function leadReplaced(text: Y.XmlText, from: number, to: number): { lead: string; tail: string } | null {
  let at = 0;
  let lead = '';
  let tail = '';
  let leadBefore = false;
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    const chars = typeof op.insert === 'string' ? op.insert : '\uFFFC';
    const isLead = !!op.attributes?.lead;
    for (const c of chars) {
      if (at === from - 1) leadBefore = isLead;
      if (at >= from && at < to) {
        if (isLead && tail === '') lead += c;
        else tail += c;
      }
      at += c.length;
    }
  }
  return lead && !leadBefore ? { lead, tail } : null;
}

/**
 * The words a replacement of the lead puts in its place, as the new lead: the inserted words less the
 * words after the lead they keep ("Soulignant" for "Rappelant qu’il importe" → "Soulignant qu’il importe"),
 * else as many words as the lead had.
 */
function newLead(replaced: { lead: string; tail: string }, words: string): string {
  if (replaced.tail && words.endsWith(replaced.tail) && words.length > replaced.tail.length) return words.slice(0, words.length - replaced.tail.length);
  const count = replaced.lead.trim().split(/\s+/u).length;
  const match = new RegExp(`^\\s*(?:\\S+\\s+){0,${count - 1}}\\S+`, 'u').exec(words);
  return match ? match[0] : words;
}

/**
 * Applies a span edit to the document. Words put in place of the italic lead are the new lead ("Rappelant"
 * replaced by "Soulignant" stays italic), as the drafting rules want every preambular and operative
 * paragraph to open with one.
 */
export function applySpanEdit(edit: SpanEdit): void {
  const { text, splices } = edit;
  for (const splice of splices) {
    const replaced = splice.insert && splice.to > splice.from ? leadReplaced(text, splice.from, splice.to) : null;
    if (splice.to > splice.from) text.delete(splice.from, splice.to - splice.from);
    if (!splice.insert) continue;
    if (!replaced) {
      text.insert(splice.from, splice.insert);
      continue;
    }
    const lead = newLead(replaced, splice.insert);
    text.insert(splice.from, lead, { lead: {} });
    if (lead.length < splice.insert.length) text.insert(splice.from + lead.length, splice.insert.slice(lead.length), {});
  }
}
