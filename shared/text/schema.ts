import { Schema } from 'prosemirror-model';

/**
 * The ProseMirror schema of one paragraph's text. A paragraph is a `body` (its words, or the chapeau
 * before its sub-items) followed by sub-items, which nest: (a) → (i). Square brackets are typed as
 * characters, as in every UN text: nested brackets and options `[below 2 °C][well below 2 °C]` are
 * parsed from the characters (see brackets.ts), so delegates type them as they always have.
 */
export const paragraphSchema = new Schema({
  nodes: {
    doc: { content: 'body item*' },
    body: { content: 'inline*', parseDOM: [{ tag: 'p' }], toDOM: () => ['p', 0] },
    item: { content: 'body item*', parseDOM: [{ tag: 'li' }], toDOM: () => ['li', 0] },
    text: { group: 'inline' },
    footnote_ref: {
      group: 'inline',
      inline: true,
      atom: true,
      attrs: { id: { default: '' } },
      parseDOM: [{ tag: 'sup[data-footnote]', getAttrs: (dom) => ({ id: (dom as { getAttribute(n: string): string | null }).getAttribute('data-footnote') ?? '' }) }],
      toDOM: (node) => ['sup', { 'data-footnote': node.attrs.id as string, class: 'footnote-ref' }],
    },
  },
  marks: {
    lead: { parseDOM: [{ tag: 'i.lead' }], toDOM: () => ['i', { class: 'lead' }, 0] },
    em: { parseDOM: [{ tag: 'em' }], toDOM: () => ['em', 0] },
  },
});

/** A paragraph's text as ProseMirror JSON: what is stored, exported and compared. */
export interface RichTextJSON {
  type: 'doc';
  content: RichNodeJSON[];
}

/** A node of a paragraph's text in ProseMirror JSON. */
export interface RichNodeJSON {
  type: 'body' | 'item' | 'text' | 'footnote_ref';
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: { type: 'lead' | 'em'; attrs?: Record<string, unknown> }[];
  content?: RichNodeJSON[];
}
