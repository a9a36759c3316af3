import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { docPosition } from './editor-plugins';

/** An open proposal drawn in the text, in the paragraph's flat offsets. */
export interface InlineSuggestion {
  /** The proposal key. */
  key: string;
  from: number;
  to: number;
  /** Inserted or replacing words; empty for a deletion or a bracketing. */
  text: string;
  /** A bracketing: the words stay, drawn between the proposed brackets. */
  bracket?: boolean;
  /** The author's colour (CSS) and how the author is named: "Mexico", or a neutral word in a non-attributed reading. */
  colour: string;
  who: string;
  /** Own and being typed: drawn as the typist's own pending suggestion. */
  mine: boolean;
  /** The words changed since: drawn faded, never applied blindly. */
  stale: boolean;
  /** Opposed by someone: marked so. */
  opposed: boolean;
}

/** The plugin's key; a transaction with this meta replaces the drawn suggestions. */
export const suggestionsKey = new PluginKey<{ items: readonly InlineSuggestion[]; set: DecorationSet }>('suggestions');

function widget(item: InlineSuggestion, text = item.text): HTMLElement {
  const ins = document.createElement('ins');
  ins.className = `sugg sugg-ins${item.mine ? ' mine' : ''}${item.stale ? ' stale' : ''}${item.opposed ? ' opposed' : ''}`;
  ins.dataset.proposal = item.key;
  ins.style.setProperty('--author', item.colour);
  ins.title = item.who;
  ins.contentEditable = 'false';
  ins.textContent = text;
  return ins;
}

function decorations(doc: PMNode, items: readonly InlineSuggestion[]): DecorationSet {
  const drawn: Decoration[] = [];
  const size = doc.content.size;
  for (const item of items) {
    const from = Math.min(docPosition(doc, item.from), size);
    const to = Math.min(docPosition(doc, item.to), size);
    const cls = `${item.mine ? ' mine' : ''}${item.stale ? ' stale' : ''}${item.opposed ? ' opposed' : ''}`;
    if (item.bracket) {
      drawn.push(Decoration.widget(from, () => widget(item, '['), { side: 1, key: `${item.key}:[:${item.colour}:${cls}`, ignoreSelection: true, marks: [] }));
      drawn.push(Decoration.inline(from, to, { class: `sugg sugg-bracketed${cls}`, style: `--author: ${item.colour}`, title: item.who, 'data-proposal': item.key }, { key: item.key }));
      drawn.push(Decoration.widget(to, () => widget(item, ']'), { side: -1, key: `${item.key}:]:${item.colour}:${cls}`, ignoreSelection: true, marks: [] }));
      continue;
    }
    if (to > from) drawn.push(Decoration.inline(from, to, { class: `sugg sugg-del${cls}`, style: `--author: ${item.colour}`, title: item.who, 'data-proposal': item.key }, { key: item.key }));
    if (item.text) drawn.push(Decoration.widget(to, () => widget(item), { side: -1, key: `${item.key}:${item.text}:${item.colour}:${cls}`, ignoreSelection: true, marks: [] }));
  }
  return DecorationSet.create(doc, drawn);
}

/**
 * Draws the open proposals on a paragraph where they apply, as a word processor draws suggestions:
 * struck words and inserted words in the author's colour, the author named on hover. Between two
 * updates of the proposals, the drawn suggestions follow the text's edits.
 */
export function suggestionPlugin(initial: readonly InlineSuggestion[], onPick: (key: string) => void): Plugin {
  return new Plugin({
    key: suggestionsKey,
    state: {
      init: (_, state: EditorState) => ({ items: initial, set: decorations(state.doc, initial) }),
      apply(tr, old) {
        const items = tr.getMeta(suggestionsKey) as readonly InlineSuggestion[] | undefined;
        if (items) return { items, set: decorations(tr.doc, items) };
        if (!tr.docChanged) return old;
        // The editor starts empty and the Y binding fills it: suggestions known before then are drawn on the filled text.
        if (tr.before.textContent === '') return { items: old.items, set: decorations(tr.doc, old.items) };
        return { items: old.items, set: old.set.map(tr.mapping, tr.doc) };
      },
    },
    props: {
      decorations(state) {
        return suggestionsKey.getState(state)?.set;
      },
      handleDOMEvents: {
        mousedown(view: EditorView, event: MouseEvent) {
          const hit = (event.target as HTMLElement | null)?.closest?.('[data-proposal]') as HTMLElement | null;
          if (!hit?.dataset.proposal) return false;
          onPick(hit.dataset.proposal);
          if (!hit.classList.contains('sugg-ins')) return false;
          // Inserted words are not the text: the caret never goes inside them.
          event.preventDefault();
          view.focus();
          return true;
        },
      },
    },
  });
}

/** The suggestion under a caret or selection (flat offsets), if any: the one the card shows. */
export function suggestionAt(items: readonly InlineSuggestion[], from: number, to: number): InlineSuggestion | null {
  return items.find((s) => (from === to ? (from > s.from && from <= s.to) || (s.text !== '' && from === s.to) : from < s.to && to > s.from)) ?? null;
}
