import type { Fragment, Node as PMNode } from 'prosemirror-model';
import { Plugin, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import { isAlternative, scanBrackets } from '../../shared/text/brackets';
import type { AttemptedEdit } from './suggest-typing';

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

/** The document position of a flat offset (the inverse of flatOffset): inside the text it falls in. */
export function docPosition(doc: PMNode, flat: number): number {
  let offset = 0;
  let first = true;
  let found = -1;
  let last = 0;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.isTextblock) {
      if (!first) offset += 1;
      first = false;
      last = pos + 1;
      if (flat <= offset) found = pos + 1;
      return true;
    }
    if (node.isText) {
      const length = node.text!.length;
      if (flat <= offset + length) found = pos + (flat - offset);
      offset += length;
      last = pos + length;
    }
    return false;
  });
  return found >= 0 ? found : last;
}

/**
 * The edit a transaction attempts, read from its steps (not by comparing texts, which cannot tell
 * "prosecute" typed over by "p" from "rosecute" deleted): the replaced span and the typed words, in
 * flat offsets, or null when it changes the structure (a new line, a joined item).
 */
export function attemptedEdit(state: EditorState, tr: Transaction): AttemptedEdit | null {
  if (tr.steps.length !== 1) {
    const span = editedSpan(flatTextOf(state.doc), flatTextOf(tr.doc));
    return span ? { ...span, caret: flatOffset(state.doc, state.selection.head) } : null;
  }
  const step = tr.steps[0]!.toJSON() as { stepType: string; from: number; to: number };
  const replace = tr.steps[0] as unknown as { from: number; to: number; slice: { content: Fragment; openStart: number; openEnd: number } };
  if (step.stepType !== 'replace' || !replace.slice) return null;
  const $from = state.doc.resolve(replace.from);
  const $to = state.doc.resolve(replace.to);
  let blocks = false;
  replace.slice.content.forEach((n) => (blocks ||= n.isBlock));
  if (!$from.sameParent($to) || blocks || !$from.parent.isTextblock) return null;
  return {
    from: flatOffset(state.doc, replace.from),
    to: flatOffset(state.doc, replace.to),
    text: replace.slice.content.textBetween(0, replace.slice.content.size, ' '),
    caret: flatOffset(state.doc, state.selection.head),
  };
}

/**
 * The edit Backspace or Delete asks for, computed here rather than left to the browser, whose own
 * deletion next to a drawn suggestion would remove the drawing rather than the words. Null when the
 * key deletes nothing (at the edge of the text) or would join two parts of the paragraph.
 */
export function deletionEdit(view: EditorView, key: 'Backspace' | 'Delete'): AttemptedEdit | null {
  const doc = view.state.doc;
  const sel = domSelection(view) ?? { anchor: view.state.selection.anchor, head: view.state.selection.head };
  const from = Math.min(sel.anchor, sel.head);
  const to = Math.max(sel.anchor, sel.head);
  const caret = flatOffset(doc, sel.head);
  if (from < to) {
    if (!doc.resolve(from).sameParent(doc.resolve(to))) return null;
    return { from: flatOffset(doc, from), to: flatOffset(doc, to), text: '', caret };
  }
  const $head = doc.resolve(sel.head);
  if (!$head.parent.isTextblock) return null;
  if (key === 'Backspace' ? $head.parentOffset === 0 : $head.parentOffset === $head.parent.content.size) return null;
  const [a, b] = key === 'Backspace' ? [sel.head - 1, sel.head] : [sel.head, sel.head + 1];
  return { from: flatOffset(doc, a), to: flatOffset(doc, b), text: '', caret };
}

/** The edit typing some characters asks for: the selected words (as the browser holds them) replaced by them. */
export function typingEdit(view: EditorView, text: string): AttemptedEdit | null {
  const sel = domSelection(view);
  if (!sel) return null;
  const doc = view.state.doc;
  const from = Math.min(sel.anchor, sel.head);
  const to = Math.max(sel.anchor, sel.head);
  if (!doc.resolve(from).sameParent(doc.resolve(to))) return null;
  return { from: flatOffset(doc, from), to: flatOffset(doc, to), text, caret: flatOffset(doc, sel.head) };
}

/**
 * Guards the text for someone who may not write it: a change that does not come from the shared
 * document (typing, pasting, a script altering the page) is never applied; in suggest mode it is
 * handed to `onSuggest` as the edit it would have been.
 */
export function guardPlugin(mayWrite: boolean, onSuggest: ((edit: AttemptedEdit) => void) | null): Plugin {
  return new Plugin({
    filterTransaction(tr: Transaction, state) {
      if (mayWrite || !tr.docChanged || tr.getMeta(ySyncPluginKey) !== undefined) return true;
      const edit = onSuggest ? attemptedEdit(state, tr) : null;
      if (edit && onSuggest) queueMicrotask(() => onSuggest(edit));
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
 * The selection as the browser holds it right now (document positions). ProseMirror reads a selection
 * made with the keyboard on the next 'selectionchange' event, so a shortcut or a keystroke right after
 * an arrow key would otherwise act on the selection before the last key.
 */
export function domSelection(view: EditorView): { anchor: number; head: number } | null {
  const sel = (view.root as Document).getSelection?.() ?? document.getSelection();
  if (!sel?.anchorNode || !sel.focusNode || !view.dom.contains(sel.anchorNode) || !view.dom.contains(sel.focusNode)) return null;
  try {
    return { anchor: view.posAtDOM(sel.anchorNode, sel.anchorOffset), head: view.posAtDOM(sel.focusNode, sel.focusOffset) };
  } catch {
    return null;
  }
}

/** The selected words as the browser holds them right now (see domSelection), as a flat span. */
export function domSelectionSpan(view: EditorView): FlatSpan | null {
  const sel = domSelection(view);
  return sel ? spanOf(view.state.doc, Math.min(sel.anchor, sel.head), Math.max(sel.anchor, sel.head)) : null;
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
