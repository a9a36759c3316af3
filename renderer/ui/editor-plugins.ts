import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import { isAlternative, scanBrackets } from '../../shared/text/brackets';

/** A span of a paragraph's flat text (body and sub-items joined by single spaces), as proposals use. */
export interface FlatSpan {
  from: number;
  to: number;
  text: string;
}

/** The paragraph's flat text up to a document position. */
export function flatOffset(doc: PMNode, pos: number): number {
  return doc.textBetween(0, pos, ' ').length;
}

/** The whole flat text of a paragraph's document. */
export function flatTextOf(doc: PMNode): string {
  return doc.textBetween(0, doc.content.size, ' ');
}

/** What an attempted edit would change: the replaced span of the old flat text and the new words. */
export function editedSpan(before: string, after: string): FlatSpan | null {
  if (before === after) return null;
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return { from: head, to: before.length - tail, text: after.slice(head, after.length - tail) };
}

/**
 * Guards the text for someone who may not write it: a change that does not come from the shared
 * document (typing, pasting, a script altering the page) is never applied; in suggest mode it is
 * handed to `onSuggest` as the proposal it would have been.
 */
export function guardPlugin(mayWrite: boolean, onSuggest: ((span: FlatSpan) => void) | null): Plugin {
  return new Plugin({
    filterTransaction(tr: Transaction, state) {
      if (mayWrite || !tr.docChanged || tr.getMeta(ySyncPluginKey) !== undefined) return true;
      const span = editedSpan(flatTextOf(state.doc), flatTextOf(tr.doc));
      if (span && onSuggest) queueMicrotask(() => onSuggest(span));
      return false;
    },
  });
}

/** Reports the selected words (as a flat span) when the selection changes. */
export function selectionPlugin(onSelect: (span: FlatSpan | null) => void): Plugin {
  return new Plugin({
    view: () => ({
      update(view, prev) {
        if (prev && prev.selection.eq(view.state.selection) && prev.doc.eq(view.state.doc)) return;
        const { from, to } = view.state.selection;
        onSelect(spanOf(view.state.doc, from, to));
      },
    }),
  });
}

/** The span of a document between two positions, as the selection plugin reports it. */
function spanOf(doc: PMNode, from: number, to: number): FlatSpan {
  return { from: flatOffset(doc, from), to: flatOffset(doc, to), text: from === to ? '' : doc.textBetween(from, to, ' ') };
}

/**
 * The selection as the browser holds it right now. ProseMirror reads a selection made with the
 * keyboard on the next 'selectionchange' event, so a shortcut pressed right after Shift+Arrow would
 * otherwise act on the selection before the last key.
 */
export function domSelectionSpan(view: EditorView): FlatSpan | null {
  const sel = (view.root as Document).getSelection?.() ?? document.getSelection();
  if (!sel?.anchorNode || !sel.focusNode || !view.dom.contains(sel.anchorNode) || !view.dom.contains(sel.focusNode)) return null;
  try {
    const a = view.posAtDOM(sel.anchorNode, sel.anchorOffset);
    const b = view.posAtDOM(sel.focusNode, sel.focusOffset);
    return spanOf(view.state.doc, Math.min(a, b), Math.max(a, b));
  } catch {
    return null;
  }
}

function bracketDecorations(doc: PMNode): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const text = node.textBetween(0, node.content.size, undefined, '\ufffc');
    const scan = scanBrackets(text);
    for (const span of scan.spans) {
      const cls = `bracketed depth-${Math.min(span.depth, 3)}${isAlternative(span, scan.spans) ? ' option' : ''}`;
      decorations.push(Decoration.inline(pos + 1 + span.start, pos + 1 + span.end, { class: cls }));
    }
    for (const at of scan.unmatched) decorations.push(Decoration.inline(pos + 1 + at, pos + 2 + at, { class: 'bracket-unmatched', title: 'unmatched bracket' }));
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/** Draws square-bracketed spans (nested, and options such as [a][b]) as such. */
export const bracketPlugin = new Plugin<DecorationSet>({
  state: {
    init: (_, state) => bracketDecorations(state.doc),
    apply: (tr, old) => (tr.docChanged ? bracketDecorations(tr.doc) : old),
  },
  props: {
    decorations(state) {
      return this.getState(state);
    },
  },
});
