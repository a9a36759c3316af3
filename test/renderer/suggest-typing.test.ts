import { describe, expect, it } from 'vitest';
import { accept } from '../../shared/model/facilitator-commands';
import { setPosition } from '../../shared/model/proposal-commands';
import { listProposals } from '../../shared/model/queries';
import { openSilence } from '../../shared/model/silence-commands';
import { suggestTyped } from '../../shared/model/suggestion-commands';
import { flatText } from '../../shared/text/rich-text';
import { nextSuggestion, type FlatEdit } from '../../renderer/ui/suggest-typing';
import { as, cofac, sampleNegotiation } from '../model/fixture';

/** Types keystrokes (as the editor reports them) into a paragraph in suggest mode, as the app does. */
function typeInto(keys: { from: number; to: number; text: string; caret: number }[]) {
  const { negotiation, ids } = sampleNegotiation();
  const mexico = as('mexico');
  let live: { id: string; edit: FlatEdit } | null = null;
  const carets: number[] = [];
  for (const key of keys) {
    const next = nextSuggestion(live?.edit ?? null, key);
    const made = suggestTyped(negotiation, mexico, { paragraphId: ids[3]!, ...next.suggestion }, next.continues ? (live?.id ?? null) : null);
    live = made ? { id: made.id, edit: next.suggestion } : null;
    carets.push(next.caret);
  }
  return { negotiation, ids, carets, views: listProposals(negotiation) };
}

// OP2: "Urges Member States to protect victims and survivors;" ("survivors" is 43–52).
describe('suggest mode: typing becomes one attributed proposal', () => {
  it('typing over a selection replaces exactly the selected words by exactly the typed ones', () => {
    const { negotiation, ids, views } = typeInto([
      { from: 43, to: 52, text: 'p', caret: 52 },
      ...[...'unish'].map((c) => ({ from: 52, to: 52, text: c, caret: 52 })),
    ]);
    expect(views).toHaveLength(1);
    expect(views[0]!.proposal).toMatchObject({ kind: 'replace', author: 'mexico', text: 'punish', anchor: { quote: 'survivors' } });
    accept(negotiation, cofac, views[0]!.key);
    expect(flatText(negotiation.table.paragraph(ids[3]!)!.text)).toBe('Urges Member States to protect victims and punish;');
  });

  it('Backspace takes back typed characters, and strikes more words before a deletion; erasing everything typed leaves no proposal', () => {
    const typed = typeInto([
      ...[...' all'].map((c) => ({ from: 42, to: 42, text: c, caret: 42 })),
      { from: 41, to: 42, text: '', caret: 42 },
      { from: 41, to: 42, text: '', caret: 42 },
      { from: 41, to: 42, text: '', caret: 42 },
      { from: 41, to: 42, text: '', caret: 42 },
    ]);
    expect(typed.views).toHaveLength(0);
    const struck = typeInto([
      { from: 42, to: 43, text: '', caret: 43 },
      { from: 41, to: 42, text: '', caret: 42 },
      { from: 40, to: 41, text: '', caret: 41 },
      { from: 39, to: 40, text: '', caret: 40 },
    ]);
    expect(struck.carets).toEqual([42, 41, 40, 39]);
    expect(struck.views).toHaveLength(1);
    expect(struck.views[0]!.proposal).toMatchObject({ kind: 'delete', anchor: { quote: 'and ' } });
  });

  it('a suggestion another delegation has taken a position on is not rewritten: further typing makes a new one', () => {
    const { negotiation, ids } = sampleNegotiation();
    const first = suggestTyped(negotiation, as('mexico'), { paragraphId: ids[3]!, from: 52, to: 52, text: ' all' })!;
    setPosition(negotiation, as('canada'), `mexico/${first.id}`, 'oppose');
    const second = suggestTyped(negotiation, as('mexico'), { paragraphId: ids[3]!, from: 52, to: 52, text: ' all of them' }, first.id)!;
    expect(second.id).not.toBe(first.id);
    expect(listProposals(negotiation).map((v) => v.proposal.text)).toEqual([' all', ' all of them']);
  });

  it('nothing is suggested under silence', () => {
    const { negotiation, ids } = sampleNegotiation();
    openSilence(negotiation, cofac, new Date(Date.now() + 3_600_000).toISOString());
    expect(() => suggestTyped(negotiation, as('mexico'), { paragraphId: ids[3]!, from: 52, to: 52, text: 'x' })).toThrow(/silence/);
    expect(listProposals(negotiation)).toHaveLength(0);
  });
});
