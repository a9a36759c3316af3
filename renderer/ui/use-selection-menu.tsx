import { useCallback, useRef, useState, type MouseEvent, type ReactNode, type RefObject } from 'react';
import { useT } from '../i18n/translate';
import type { FlatSpan } from './editor-plugins';
import { SelectionMenu, type MenuAction, type MenuPoint } from './SelectionMenu';

/** A change proposed from the menu: its kind, where, and the words it proposes when the menu knows them. */
export type MenuProposal = { kind: 'replace' | 'insert' | 'delete' | 'bracket'; text?: string };

interface Input {
  label: string;
  /** The paragraph's flat text now. */
  flat(): string;
  selection: RefObject<FlatSpan | null>;
  /** A delegation may propose on this paragraph. */
  mayPropose: boolean;
  /** A co-facilitator may bracket this paragraph's words. */
  mayBracket: boolean;
  tools: { bracket(): void; unbracket(): void };
  /** Opens the proposal form with the kind chosen, on these words. */
  onPropose(proposal: MenuProposal, span: FlatSpan | null): void;
}

/** The selected words as quoted in a menu item: without the spaces at their ends (Ctrl+Shift+→ selects a word with its space), the first and last ones when there are many. */
export const shorten = (selected: string): string => {
  const words = selected.trim();
  return words.length > 40 ? `${words.slice(0, 18)}…${words.slice(-18)}` : words;
};

/** The few words before a caret, as the span an insertion is proposed after (nothing at the start). */
export function wordsBefore(flat: string, at: number): FlatSpan | null {
  const m = /(\S+\s*){1,3}$/u.exec(flat.slice(0, at));
  return m ? { from: at - m[0].length, to: at, text: m[0] } : null;
}

/** Where the selection is on the screen, for a menu opened from the keyboard. */
function selectionPoint(): MenuPoint {
  const sel = document.getSelection();
  const rect = sel && sel.rangeCount > 0 ? sel.getRangeAt(0).getBoundingClientRect() : null;
  if (rect && (rect.width || rect.height)) return { x: rect.left, y: rect.bottom + 4, above: rect.top - 4 };
  const box = (document.activeElement ?? document.body).getBoundingClientRect();
  return { x: box.left + 16, y: box.top + 24 };
}

/**
 * The context menu on a paragraph's selected words: for a delegation, propose replacing, inserting
 * after, deleting or bracketing them (inserting at the caret when nothing is selected); for a
 * co-facilitator, bracket or unbracket. Opened by a right click in the text, the Menu key or Shift+F10.
 */
export function useSelectionMenu(input: Input): { menu: ReactNode; openAtSelection(): boolean; onContextMenu(e: MouseEvent): void } {
  const t = useT();
  const [at, setAt] = useState<MenuPoint | null>(null);
  const from = useRef<{ element: HTMLElement; range: Range | null } | null>(null);
  const now = useRef(input);
  now.current = input;

  const actions = (): MenuAction[] => {
    const { selection, flat, mayPropose, mayBracket, tools, onPropose } = now.current;
    const s = selection.current;
    const selected = !!s && s.to > s.from;
    const words = s ? flat().slice(s.from, s.to) : '';
    const quote = { quote: shorten(words) };
    if (mayPropose) {
      const propose = (p: MenuProposal, span: FlatSpan | null) => () => onPropose(p, span);
      if (!selected) return [{ id: 'insert', label: t('menu.insertHere'), run: propose({ kind: 'insert' }, s ? wordsBefore(flat(), s.from) : null) }];
      return [
        { id: 'replace', label: t('menu.replace', quote), run: propose({ kind: 'replace' }, s) },
        { id: 'insert', label: t('menu.insertAfter', quote), run: propose({ kind: 'insert' }, s) },
        { id: 'delete', label: t('menu.delete', quote), run: propose({ kind: 'delete' }, s) },
        { id: 'bracket', label: t('menu.bracketPropose', quote), run: propose({ kind: 'bracket' }, s) },
      ];
    }
    if (!mayBracket) return [];
    const unbracket = { id: 'unbracket', label: t('tools.unbracket'), run: tools.unbracket };
    return selected ? [{ id: 'bracket', label: t('menu.bracket', quote), run: tools.bracket }, unbracket] : [unbracket];
  };

  const open = (point: MenuPoint): boolean => {
    if (actions().length === 0) return false;
    const sel = document.getSelection();
    from.current = document.activeElement instanceof HTMLElement ? { element: document.activeElement, range: sel && sel.rangeCount > 0 ? sel.getRangeAt(0).cloneRange() : null } : null;
    setAt(point);
    return true;
  };
  const close = useCallback((refocus: boolean) => {
    setAt(null);
    const back = from.current;
    if (!refocus || !back) return;
    // The text gets its focus and its selection back, as they were when the menu opened.
    back.element.focus();
    if (back.range) {
      const sel = document.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(back.range);
    }
  }, []);

  return {
    menu: at ? <SelectionMenu at={at} label={input.label} actions={actions()} onClose={close} /> : null,
    openAtSelection: () => open(selectionPoint()),
    onContextMenu: (e) => {
      if (!(e.target as Element).closest('.editor-host')) return;
      // A context menu from the keyboard comes at no point on the page: it opens at the selection.
      if (open(e.clientX || e.clientY ? { x: e.clientX, y: e.clientY } : selectionPoint())) e.preventDefault();
    },
  };
}
