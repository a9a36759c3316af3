import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { DOMSerializer } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { initProseMirrorDoc, redo, undo, ySyncPlugin, yUndoPlugin, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import * as Y from 'yjs';
import { paragraphSchema } from '../../shared/text/schema';
import { bracketPlugin, deletionEdit, docPosition, domSelectionSpan, typingEdit, guardPlugin, selectionPlugin, type FlatSpan } from './editor-plugins';
import type { AttemptedEdit } from './suggest-typing';
import { isMenuKey } from './SelectionMenu';
import { historyKey } from './wording';
import { suggestionPlugin, suggestionsKey, type InlineSuggestion } from './suggestion-plugin';

interface Props {
  fragment: Y.XmlFragment;
  /** The co-facilitators write the text; everyone else reads it or suggests. */
  mayWrite: boolean;
  /** Suggest mode (delegations): the text takes keyboard focus and typing becomes a proposal. */
  suggest: boolean;
  label: string;
  /** The language of the negotiated text, independent of the interface's. */
  lang: string;
  /** What was typed in suggest mode; returns where the caret goes (a flat offset), or null to leave it. */
  onSuggest(edit: AttemptedEdit): number | null;
  onSelect(span: FlatSpan | null): void;
  /** The open proposals drawn in the text. */
  suggestions: readonly InlineSuggestion[];
  /** A drawn suggestion was clicked. */
  onPick(key: string): void;
  /** A key pressed in the text; true when it was handled (the co-facilitators' bracket shortcuts). */
  onKey(event: KeyboardEvent): boolean;
}

const serializer = DOMSerializer.fromSchema(paragraphSchema);

/**
 * Editors not yet in view are mounted one at a time while the page is idle, the first waiting first,
 * so that every paragraph soon has its editor without ever holding up a keystroke or the first paint:
 * none is mounted while someone types (a keystroke arriving during a mount waited for it), nor when
 * the idle time left is shorter than the slowest mount so far (it would delay the next frame).
 */
const idleQueue: (() => void)[] = [];
let idleScheduled = false;
/** How long after the last key the idle mounting resumes (ms). */
const TYPING_PAUSE_MS = 1_000;
let lastKey = -Infinity;
let slowestMount = 6;
function mountWhenIdle(mount: () => void): () => void {
  idleQueue.push(mount);
  if (!idleScheduled) scheduleIdle(0);
  return () => {
    const i = idleQueue.indexOf(mount);
    if (i >= 0) idleQueue.splice(i, 1);
  };
}
let watchingKeys = false;
function scheduleIdle(wait: number): void {
  idleScheduled = true;
  if (!watchingKeys && typeof document !== 'undefined') {
    watchingKeys = true;
    document.addEventListener('keydown', () => (lastKey = performance.now()), { capture: true, passive: true });
  }
  const run = (deadline: IdleDeadline) => {
    idleScheduled = false;
    const typing = TYPING_PAUSE_MS - (performance.now() - lastKey);
    if (typing > 0) return scheduleIdle(typing);
    if (!warmed) warmEditPath();
    while (idleQueue.length > 0 && deadline.timeRemaining() > Math.min(slowestMount, 40) && !inputPending()) {
      const started = performance.now();
      flushSync(idleQueue.shift()!);
      slowestMount = Math.max(slowestMount, performance.now() - started);
    }
    if (idleQueue.length > 0) scheduleIdle(0);
  };
  const idle = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 2_000 }) : run({ didTimeout: true, timeRemaining: () => 50 }));
  setTimeout(idle, typeof requestIdleCallback === 'function' ? wait : Math.max(wait, 50));
}

/**
 * The page's first keystroke compiled most of what a keystroke runs (ProseMirror reading the changed
 * text, the y-prosemirror binding, Yjs, the undo manager): 20–80 ms on top of the keystroke in the
 * traces. So once, the first time the page is idle after its first render, a scratch editor on a scratch
 * Y.Doc (hidden, never focused, not an `.editor`) is typed into as the browser types (its text node
 * changes, which ProseMirror reads back), a step per task, then destroyed. A key pressed meanwhile
 * ends the steps: the real keystroke does the rest.
 */
let warmed = false;
function warmEditPath(): void {
  warmed = true;
  const started = performance.now();
  const place = document.createElement('div');
  place.setAttribute('aria-hidden', 'true');
  // In the viewport (so that scrolling the caret into view scrolls nothing), but not drawn.
  place.style.cssText = 'position:fixed;top:0;left:0;width:40em;height:4em;visibility:hidden;pointer-events:none;contain:strict';
  document.body.append(place);
  const scratch = new Y.Doc();
  const quiet: EditorCallbacks = { onSuggest: () => null, onSelect: () => {}, onPick: () => {}, onKey: () => false };
  const view: EditorView = openEditor(place, scratch.getXmlFragment('warm-up'), { mayWrite: true, suggest: false, label: '', lang: 'en', className: 'warm-up', suggestions: [], callbacks: () => quiet, current: () => view });
  view.dispatch(view.state.tr.insertText('warm '));
  let steps = 3;
  const step = () => {
    const text = view.dom.querySelector('p')?.firstChild;
    if (steps-- > 0 && lastKey < started && text instanceof Text) {
      text.data += 'x';
      setTimeout(step, 0);
      return;
    }
    view.destroy();
    place.remove();
    scratch.destroy();
  };
  setTimeout(step, 0);
}

/** A key or click waits to be handled (Chromium tells): the idle mounting gives way to it at once. */
function inputPending(): boolean {
  return (navigator as { scheduling?: { isInputPending?(): boolean } }).scheduling?.isInputPending?.() ?? false;
}

/** Puts the caret at a flat offset of the paragraph (after a suggestion typed in place). */
function placeCaret(view: EditorView | null, flat: number | null): void {
  if (!view || flat === null || view.isDestroyed) return;
  const pos = docPosition(view.state.doc, flat);
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, pos)));
}

/** What an editor tells the paragraph (read when called, so that they are always the paragraph's latest). */
interface EditorCallbacks {
  onSuggest(edit: AttemptedEdit): number | null;
  onSelect(span: FlatSpan | null): void;
  onPick(key: string): void;
  onKey(event: KeyboardEvent): boolean;
}

/** An editor of one paragraph's text in `host` (emptied first), bound to `fragment`. */
function openEditor(place: HTMLElement, fragment: Y.XmlFragment, o: { mayWrite: boolean; suggest: boolean; label: string; lang: string; className: string; suggestions: readonly InlineSuggestion[]; callbacks: () => EditorCallbacks; current: () => EditorView | null }): EditorView {
  const { mayWrite, suggest, callbacks } = o;
  // The editor starts with the text read from Yjs, rather than empty and then filled by the binding (which drew it twice).
  const { doc, mapping } = initProseMirrorDoc(fragment, paragraphSchema);
  const state = EditorState.create({
    schema: paragraphSchema,
    doc,
    plugins: [
      ySyncPlugin(fragment, { mapping }),
      // Ctrl+Z undoes this person's own edits only (y-prosemirror tracks the editor's own origin).
      ...(mayWrite ? [yUndoPlugin()] : []),
      guardPlugin(mayWrite, suggest ? (edit) => placeCaret(o.current(), callbacks().onSuggest(edit)) : null),
      selectionPlugin((span) => callbacks().onSelect(span)),
      bracketPlugin,
      suggestionPlugin(o.suggestions, (key) => callbacks().onPick(key)),
    ],
  });
  place.replaceChildren();
  return new EditorView(place, {
    state,
    editable: () => mayWrite || suggest,
    attributes: {
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-label': o.label,
      'aria-readonly': String(!mayWrite),
      class: o.className,
      lang: o.lang,
      spellcheck: String(mayWrite),
    },
    handleDOMEvents: {
      // The menu of the selected words acts on the selection as the browser holds it now (see domSelection).
      contextmenu: (v) => {
        const span = domSelectionSpan(v);
        if (span) callbacks().onSelect(span);
        return false;
      },
      // Typed characters in suggest mode are read from the keystroke and the browser's selection,
      // never guessed from the changed page (which cannot tell where a space went among spaces).
      beforeinput: (v, event: InputEvent) => {
        if (!suggest || mayWrite || event.inputType !== 'insertText' || !event.data) return false;
        event.preventDefault();
        const edit = typingEdit(v, event.data);
        if (edit) placeCaret(v, callbacks().onSuggest(edit));
        return true;
      },
    },
    handleKeyDown: (v, event) => {
      const history = mayWrite ? historyKey(event) : null;
      if (history) return history === 'undo' ? undo(v.state) : redo(v.state);
      if (suggest && !mayWrite && !event.ctrlKey && !event.metaKey && !event.altKey && (event.key === 'Backspace' || event.key === 'Delete' || event.key === 'Enter')) {
        const edit = event.key === 'Enter' ? null : deletionEdit(v, event.key);
        if (edit) placeCaret(v, callbacks().onSuggest(edit));
        return true;
      }
      if (event.ctrlKey || event.metaKey || isMenuKey(event)) {
        const span = domSelectionSpan(v);
        if (span) callbacks().onSelect(span);
      }
      return callbacks().onKey(event);
    },
  });
}

/** Where the person asked for the editor: a click (put the caret there) or keyboard focus. */
type Wanted = { x: number; y: number } | 'focus' | null;

/**
 * One paragraph's text in ProseMirror, bound to its Y.XmlFragment by y-prosemirror: the editor's
 * state is derived from the shared document, never copied into React.
 *
 * 150 editors mounted at once cost most of the first render (each binds to Yjs, renders and reads the
 * DOM selection). So a paragraph shows its text as plain HTML, read from the same fragment and kept up
 * to date by observing it, until it first comes into view (IntersectionObserver) or is clicked or
 * focused, or the page is idle; then the editor replaces it, and stays.
 */
export function ParagraphEditor({ fragment, mayWrite, suggest, label, lang, onSuggest, onSelect, onKey, suggestions, onPick }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const callbacks = useRef({ onSuggest, onSelect, onKey, onPick });
  callbacks.current = { onSuggest, onSelect, onKey, onPick };
  const drawn = useRef(suggestions);
  drawn.current = suggestions;
  const editor = useRef<EditorView | null>(null);
  const [mounted, setMounted] = useState(() => typeof IntersectionObserver === 'undefined');
  const wanted = useRef<Wanted>(null);
  const mode = mayWrite ? 'writable' : suggest ? 'suggest' : 'readonly';

  // Until the editor is mounted: the text as HTML, and the editor as soon as it is in view.
  useEffect(() => {
    if (mounted) return;
    const place = host.current!;
    const show = () => {
      const shown = place.firstElementChild as HTMLElement | null;
      if (!shown) return;
      shown.replaceChildren(serializer.serializeFragment(yXmlFragmentToProseMirrorRootNode(fragment, paragraphSchema).content));
    };
    show();
    fragment.observeDeep(show);
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setMounted(true);
    });
    observer.observe(place);
    const cancel = mountWhenIdle(() => setMounted(true));
    return () => {
      cancel();
      fragment.unobserveDeep(show);
      observer.disconnect();
    };
  }, [mounted, fragment]);

  useEffect(() => {
    if (!mounted) return;
    const view = openEditor(host.current!, fragment, { mayWrite, suggest, label, lang, className: `editor ${mode}`, suggestions: drawn.current, callbacks: () => callbacks.current, current: () => editor.current });
    editor.current = view;
    const want = wanted.current;
    wanted.current = null;
    if (want) {
      view.focus();
      const at = want === 'focus' ? null : view.posAtCoords({ left: want.x, top: want.y });
      if (at) view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, at.pos)));
    }
    return () => {
      editor.current = null;
      view.destroy();
    };
  }, [mounted, fragment, mayWrite, suggest, label, lang, mode]);

  useEffect(() => {
    const view = editor.current;
    if (view && suggestionsKey.getState(view.state)?.items !== suggestions) view.dispatch(view.state.tr.setMeta(suggestionsKey, suggestions));
  }, [suggestions, mounted]);

  const mount = (want: Wanted) => {
    wanted.current = want;
    setMounted(true);
  };
  return (
    <div ref={host} className="editor-host">
      {!mounted && (
        <div
          className={`editor ${mode} editor-placeholder`}
          role="textbox"
          aria-multiline="true"
          aria-label={label}
          aria-readonly={!mayWrite}
          lang={lang}
          tabIndex={mayWrite || suggest ? 0 : -1}
          onMouseDown={(e) => {
            // The editor takes this element's place and the caret goes where the click was.
            e.preventDefault();
            mount({ x: e.clientX, y: e.clientY });
          }}
          onFocus={() => mount(wanted.current ?? 'focus')}
        />
      )}
    </div>
  );
}
