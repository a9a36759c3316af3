import { useEffect, useRef } from 'react';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { ySyncPlugin } from 'y-prosemirror';
import type * as Y from 'yjs';
import { paragraphSchema } from '../../shared/text/schema';
import { bracketPlugin, domSelectionSpan, guardPlugin, selectionPlugin, type FlatSpan } from './editor-plugins';

interface Props {
  fragment: Y.XmlFragment;
  /** The co-facilitators write the text; everyone else reads it or suggests. */
  mayWrite: boolean;
  /** Suggest mode (delegations): the text takes keyboard focus and typing becomes a proposal. */
  suggest: boolean;
  label: string;
  /** The language of the negotiated text, independent of the interface's. */
  lang: string;
  onSuggest(span: FlatSpan): void;
  onSelect(span: FlatSpan | null): void;
  /** A key pressed in the text; true when it was handled (the co-facilitators' bracket shortcuts). */
  onKey(event: KeyboardEvent): boolean;
}

/**
 * One paragraph's text in ProseMirror, bound to its Y.XmlFragment by y-prosemirror: the editor's
 * state is derived from the shared document, never copied into React.
 */
export function ParagraphEditor({ fragment, mayWrite, suggest, label, lang, onSuggest, onSelect, onKey }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const callbacks = useRef({ onSuggest, onSelect, onKey });
  callbacks.current = { onSuggest, onSelect, onKey };

  useEffect(() => {
    const state = EditorState.create({
      schema: paragraphSchema,
      plugins: [
        ySyncPlugin(fragment),
        guardPlugin(mayWrite, suggest ? (span) => callbacks.current.onSuggest(span) : null),
        selectionPlugin((span) => callbacks.current.onSelect(span)),
        bracketPlugin,
      ],
    });
    const view = new EditorView(host.current!, {
      state,
      editable: () => mayWrite || suggest,
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': label,
        'aria-readonly': String(!mayWrite),
        class: `editor${mayWrite ? ' writable' : suggest ? ' suggest' : ' readonly'}`,
        lang,
        spellcheck: String(mayWrite),
      },
      handleKeyDown: (v, event) => {
        if (event.ctrlKey || event.metaKey) {
          const span = domSelectionSpan(v);
          if (span) callbacks.current.onSelect(span);
        }
        return callbacks.current.onKey(event);
      },
    });
    return () => view.destroy();
  }, [fragment, mayWrite, suggest, label, lang]);

  return <div ref={host} className="editor-host" />;
}
