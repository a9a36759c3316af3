import { scanBrackets, type BracketSpan } from '../../shared/text/brackets';
import { plainParagraph, richText } from '../../shared/text/rich-text';
import type { RichTextJSON } from '../../shared/text/schema';
import type { FlatSpan } from './editor-plugins';

/**
 * A paragraph's text with its body's words replaced, keeping what a plain text box cannot show: the
 * italic lead (when the new words still open with it), the footnote marks and the sub-items.
 */
export function rewordBody(text: RichTextJSON, words: string): RichTextJSON {
  const plain = plainParagraph(text);
  return richText({ text: words, lead: plain.lead && words.startsWith(plain.lead) ? plain.lead : null, footnotes: plain.footnotes, items: plain.items });
}

/** The body's words of a paragraph, what a co-facilitator rewords when merging or adding an alternative. */
export function bodyWords(text: RichTextJSON): string {
  return plainParagraph(text).text;
}

/** The innermost bracket pair around a selection (or the cursor) in a paragraph's flat text. */
export function innermostBracket(flat: string, at: Pick<FlatSpan, 'from' | 'to'>): BracketSpan | null {
  const around = scanBrackets(flat).spans.filter((s) => s.start <= at.from && s.end >= at.to);
  return around.sort((a, b) => b.depth - a.depth)[0] ?? null;
}

/** The keyboard shortcuts of the co-facilitators' bracket tools. */
export const BRACKET_KEYS = { bracket: 'Control+Shift+B', unbracket: 'Control+Shift+U' } as const;

/** Which bracket tool a key press asks for, if any. */
export function bracketKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): 'bracket' | 'unbracket' | null {
  if (!(event.ctrlKey || event.metaKey) || !event.shiftKey || event.altKey) return null;
  const key = event.key.toLowerCase();
  return key === 'b' ? 'bracket' : key === 'u' ? 'unbracket' : null;
}

/** Ctrl+Z undoes; Ctrl+Y and Ctrl+Shift+Z redo (Cmd on a Mac). */
export function historyKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  return key === 'y' && !event.shiftKey ? 'redo' : null;
}
