/** A span of the paragraph's flat text replaced by some words (empty span: an insertion; no words: a deletion). */
export interface FlatEdit {
  from: number;
  to: number;
  text: string;
}

/** An edit attempted in suggest mode, with where the caret was: it tells Backspace from Delete. */
export interface AttemptedEdit extends FlatEdit {
  /** The caret (selection head) before the edit, as a flat offset. */
  caret: number;
}

/** What a keystroke makes of the live suggestion: the suggestion it becomes, and where the caret goes. */
export interface NextSuggestion {
  /** Whether it continues the live suggestion (false: a new one begins). */
  continues: boolean;
  suggestion: FlatEdit;
  caret: number;
}

/**
 * Folds one edit into the suggestion being typed, as a word processor's suggest mode does. The text
 * itself never changes, so every offset is in the paragraph's current text:
 * - typing at the end of the live suggestion adds to its words (after a deletion: it becomes a replacement);
 * - Backspace right after its words takes back the last typed characters;
 * - Backspace just before a deletion, or Delete just after it, strikes one more character;
 * - anything else (a selection typed over, a keystroke elsewhere) begins a new suggestion of exactly
 *   the replaced words and exactly the typed ones.
 * The caret stays after the typed words, or before the struck ones after Backspace.
 */
export function nextSuggestion(live: FlatEdit | null, edit: AttemptedEdit): NextSuggestion {
  const deleting = edit.text === '' && edit.to > edit.from;
  if (live) {
    if (edit.from === edit.to && edit.from === live.to && edit.text !== '') return { continues: true, suggestion: { ...live, text: live.text + edit.text }, caret: live.to };
    if (edit.from === edit.to && edit.from === live.from && live.text === '' && edit.text !== '') return { continues: true, suggestion: { ...live, text: edit.text }, caret: live.to };
    if (deleting && edit.to === live.to && edit.caret === live.to && live.text !== '') {
      return { continues: true, suggestion: { ...live, text: live.text.slice(0, Math.max(0, live.text.length - (edit.to - edit.from))) }, caret: live.to };
    }
    if (deleting && live.text === '' && edit.to === live.from) return { continues: true, suggestion: { ...live, from: edit.from }, caret: edit.from };
    if (deleting && live.text === '' && edit.from === live.to) return { continues: true, suggestion: { ...live, to: edit.to }, caret: edit.to };
    if (deleting && live.text === '' && edit.from >= live.from && edit.to <= live.to) return { continues: true, suggestion: live, caret: edit.caret === edit.to ? edit.from : edit.to };
  }
  const caret = edit.text !== '' ? edit.to : edit.caret === edit.from ? edit.to : edit.from;
  return { continues: false, suggestion: { from: edit.from, to: edit.to, text: edit.text }, caret };
}
