import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { paragraphSchema } from '../../shared/text/schema';
import { suggestionPlugin, suggestionsKey, type InlineSuggestion } from '../../renderer/ui/suggestion-plugin';

const deletion: InlineSuggestion = { key: 'mexico/p1', from: 10, to: 16, text: '', colour: 'teal', who: 'Mexico', mine: false, stale: false, opposed: false };

describe('suggestions drawn in a paragraph', () => {
  it('draws suggestions known before the editor is filled once the text arrives (the Y binding fills an empty editor)', () => {
    const empty = EditorState.create({ schema: paragraphSchema, plugins: [suggestionPlugin([deletion], () => undefined)] });
    const text = 'Urges all States to act;';
    const body = paragraphSchema.node('doc', null, [paragraphSchema.node('body', null, [paragraphSchema.text(text)])]);
    const filled = empty.apply(empty.tr.replaceWith(0, empty.doc.content.size, body.content));
    const drawn = suggestionsKey.getState(filled)!.set.find();
    expect(drawn).toHaveLength(1);
    expect(filled.doc.textBetween(drawn[0]!.from, drawn[0]!.to)).toBe(text.slice(10, 16));
  });
});
