import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { setStatus } from '../../shared/model/facilitator-commands';
import { confirmAdRef, propose } from '../../shared/model/proposal-commands';
import { listProposals } from '../../shared/model/queries';
import { breakSilence, openSilence } from '../../shared/model/silence-commands';
import { richText } from '../../shared/text/rich-text';
import { translator } from '../../renderer/i18n/translate';
import { facilitatorFocus } from '../../renderer/store/use-follow';
import type { Presence } from '../../renderer/store/use-presence';
import { BreakSilenceForm } from '../../renderer/ui/BreakSilenceForm';
import { RefusalText } from '../../renderer/ui/errors';
import { FacilitatorBar } from '../../renderer/ui/FacilitatorBar';
import { ProposalList } from '../../renderer/ui/ProposalList';
import { ProposeForm } from '../../renderer/ui/ProposeForm';
import { SilenceBanner } from '../../renderer/ui/SilenceBanner';
import { deadlineWords, statusWords } from '../../renderer/ui/StatusBadge';
import { TextView } from '../../renderer/ui/TextView';
import { bodyWords, bracketKey, innermostBracket, rewordBody } from '../../renderer/ui/wording';
import { as, cofac, sampleNegotiation } from '../model/fixture';
import { activeCard, render } from './render-view';

describe('co-facilitators\' tools', () => {
  it('gives the co-facilitators bracket, alternative, move and delete tools, with keyboard shortcuts; not the delegations', () => {
    const { negotiation: n } = sampleNegotiation();
    // One toolbar, on the paragraph being worked on; none while no paragraph is.
    expect(render(n, cofac, createElement(TextView, { presence: [] }))).not.toContain('[ Bracket ]');
    const html = render(n, cofac, activeCard(n, 'p3', 'OP1'));
    expect(html.match(/role="toolbar"/g)).toHaveLength(1);
    for (const words of ['[ Bracket ]', 'Remove brackets', 'Add alternative', 'Move…', 'Delete paragraph']) expect(html).toContain(words);
    expect(html).toContain('aria-keyshortcuts="Control+Shift+B"');
    const delegation = render(n, as('mexico'), activeCard(n, 'p3', 'OP1'));
    expect(delegation).not.toContain('[ Bracket ]');
  });

  it('reads the bracket shortcuts and finds the brackets around the cursor', () => {
    const key = (k: string, mods: Partial<KeyboardEvent> = {}) => bracketKey({ key: k, ctrlKey: true, metaKey: false, shiftKey: true, altKey: false, ...mods });
    expect(key('B')).toBe('bracket');
    expect(key('u')).toBe('unbracket');
    expect(key('b', { shiftKey: false })).toBeNull();
    const flat = 'protect [victims [and survivors]] now';
    expect(innermostBracket(flat, { from: 20, to: 20 })).toMatchObject({ start: 17, depth: 2 });
    expect(innermostBracket(flat, { from: 10, to: 12 })).toMatchObject({ start: 8, depth: 1 });
    expect(innermostBracket(flat, { from: 1, to: 1 })).toBeNull();
  });

  it('keeps the italic lead, footnotes and sub-items when a co-facilitator rewords a paragraph', () => {
    const text = richText({ text: 'Decides to convene a meeting;', lead: 'Decides', footnotes: ['1'], items: [{ text: '(a) in 2021', items: [] }] });
    expect(bodyWords(text)).toBe('Decides to convene a meeting;');
    const reworded = rewordBody(text, 'Decides to convene a high-level meeting;');
    expect(reworded.content[0]!.content).toEqual([
      { type: 'text', text: 'Decides', marks: [{ type: 'lead' }] },
      { type: 'text', text: ' to convene a high-level meeting;' },
      { type: 'footnote_ref', attrs: { id: '1' } },
    ]);
    expect(reworded.content[1]!.type).toBe('item');
  });

  it('says "ad ref, pending Brazil until 18:00", naming only the capitals that have not confirmed', () => {
    const t = translator('en');
    const today = new Date();
    today.setHours(18, 0, 0, 0);
    const status = { state: 'adref' as const, pending: ['brazil', 'mexico'], deadline: today.toISOString() };
    const names = (id: string) => id[0]!.toUpperCase() + id.slice(1);
    expect(statusWords(status, t, names, 'en', ['mexico'])).toBe('Ad ref, pending Brazil until 18:00');
    expect(statusWords(status, t, names, 'en', ['mexico', 'brazil'])).toBe('Ad ref, confirmed by every capital');
    expect(deadlineWords('2021-04-28T16:00:00Z', 'fr', new Date('2021-05-01T00:00:00Z'))).toMatch(/28\/04\/2021/);
  });

  it('offers to settle an ad ref agreement once every capital confirmed', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    setStatus(n, cofac, ids[2]!, { state: 'adref', pending: ['mexico'], deadline: null });
    expect(render(n, cofac, activeCard(n, ids[2]!, 'OP1'))).not.toContain('Ad ref settled: mark agreed');
    confirmAdRef(n, as('mexico'), ids[2]!);
    const html = render(n, cofac, activeCard(n, ids[2]!, 'OP1', ['mexico']));
    expect(html).toContain('Ad ref settled: mark agreed');
    expect(html).toContain('Confirmed by Mexico');
  });

  it('lets a delegation propose to move a paragraph', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    const html = render(n, as('mexico'), createElement(ProposeForm, { paragraphId: ids[2]!, label: 'OP1', flat: '', initial: null, onDone: () => undefined }));
    expect(html).toContain('<option value="move-paragraph">Move the paragraph</option>');
  });

  it('shows where a move proposal would put the paragraph', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    propose(n, as('mexico'), { kind: 'move-paragraph', paragraphId: ids[4]!, moveAfter: ids[2]! });
    const html = render(n, cofac, createElement(ProposalList, { views: listProposals(n), label: 'OP3', paragraph: n.table.paragraph(ids[4]!)! }));
    expect(html).toContain('move paragraph');
    expect(html).toContain('Move it after OP1');
    expect(html).toContain('Include in merge');
  });
});

describe('silence', () => {
  it('shows the co-facilitators each objection as it arrives; a delegation breaks silence naming paragraphs and reasons', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    openSilence(n, cofac, '2099-04-28T18:00:00Z');
    expect(render(n, cofac, createElement(FacilitatorBar))).toContain('0 objections');
    expect(render(n, as('mexico'), createElement(SilenceBanner))).toMatch(/>Under silence until [^<]*2099[^<]*</);
    const form = render(n, as('egypt'), createElement(BreakSilenceForm));
    expect(form).toContain('Paragraphs concerned');
    expect(form).toContain('OP2');
    breakSilence(n, as('egypt'), [ids[3]!], 'We cannot accept "survivors" without consulting capital.');
    const bar = render(n, cofac, createElement(FacilitatorBar));
    expect(bar).toContain('1 objection<');
    expect(bar).toContain('<strong>Egypt</strong> · OP2');
    expect(bar).toContain('without consulting capital');
    expect(render(n, as('egypt'), createElement(BreakSilenceForm))).toContain('You broke silence on OP2');
    expect(render(n, cofac, createElement(BreakSilenceForm))).toBe('');
    // Everyone's banner says it is broken, and by whom, before the co-facilitators close it.
    expect(render(n, as('mexico'), createElement(SilenceBanner))).toContain('Silence broken by Egypt: the co-facilitators will close it (it was to run until');
    expect(render(n, as('mexico'), createElement(SilenceBanner), 'fr')).toContain('Approbation tacite rompue par Egypt');
  });
});

describe('refusals, footnotes, following', () => {
  it('explains a refusal by its code in the interface language, with the model\'s English words as detail', () => {
    const { negotiation: n } = sampleNegotiation();
    const html = render(n, cofac, createElement(RefusalText, { refusal: { code: 'agreed-paragraph', message: 'OP4 is agreed; reopen it explicitly before changing it.' } }), 'fr');
    expect(html).toContain('Ce paragraphe est agréé');
    expect(html).toContain('Détails : <span lang="en">OP4 is agreed');
  });

  it('shows the footnote bodies under the text, in the order of their marks', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    n.table.footnotesMap.set('7', 'A/RES/64/293, annex.');
    n.table.footnotesMap.set('3', 'A/RES/78/228.');
    n.table.doc.transact(() => {
      n.table.createParagraph('fn-p', { kind: 'operative', text: richText({ text: 'Welcomes the Global Plan of Action;', footnotes: ['7', '3'] }), addedInEpoch: 0 });
      n.table.orderArray.insert(3, ['fn-p']);
    });
    const html = render(n, as('canada'), createElement(TextView, { presence: [] }));
    expect(html).toMatch(/<h2 id="footnotes-h">Footnotes<\/h2><ol lang="en"><li value="1" data-footnote="7">A\/RES\/64\/293, annex.<\/li><li value="2" data-footnote="3">A\/RES\/78\/228.<\/li><\/ol>/);
    expect(ids).toHaveLength(5);
  });

  it('follows the co-facilitator who is on a paragraph, never oneself', () => {
    const people: Presence[] = [
      { clientId: 1, self: true, role: 'cofacilitator', name: null, delegationId: null, cofacilitatorName: 'Ireland', focus: 'p1' },
      { clientId: 2, self: false, role: 'delegation', name: 'Mexico', delegationId: 'mexico', cofacilitatorName: null, focus: 'p2' },
      { clientId: 3, self: false, role: 'cofacilitator', name: null, delegationId: null, cofacilitatorName: 'Namibia', focus: 'p4' },
    ];
    expect(facilitatorFocus(people)).toBe('p4');
    expect(facilitatorFocus(people.slice(0, 2))).toBeNull();
  });

  it('with two co-facilitators on different paragraphs, follows the one who moved last', () => {
    const memory = new Map();
    const cofacs = (a: string, b: string): Presence[] => [
      { clientId: 3, self: false, role: 'cofacilitator', name: null, delegationId: null, cofacilitatorName: 'Ireland', focus: a },
      { clientId: 4, self: false, role: 'cofacilitator', name: null, delegationId: null, cofacilitatorName: 'Namibia', focus: b },
    ];
    expect(facilitatorFocus(cofacs('p1', 'p2'), memory)).toBe('p2');
    expect(facilitatorFocus(cofacs('p5', 'p2'), memory)).toBe('p5');
    expect(facilitatorFocus(cofacs('p5', 'p2'), memory)).toBe('p5');
    expect(facilitatorFocus(cofacs('p5', 'p3'), memory)).toBe('p3');
    expect(facilitatorFocus(cofacs('p5', 'p3').slice(0, 1), memory)).toBe('p5');
  });
});
