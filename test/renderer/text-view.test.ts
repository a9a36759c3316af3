import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { setStatus } from '../../shared/model/facilitator-commands';
import { propose, setPosition } from '../../shared/model/proposal-commands';
import { CleanTextView } from '../../renderer/ui/CleanTextView';
import { TextView } from '../../renderer/ui/TextView';
import { as, cofac, sampleNegotiation } from '../model/fixture';
import { activeCard, render } from './render-view';

function withProposal() {
  const { negotiation: n, ids } = sampleNegotiation();
  const text = 'Urges Member States to protect victims and survivors;';
  const from = text.indexOf('victims and survivors');
  const p = propose(n, as('mexico'), { kind: 'replace', paragraphId: ids[3]!, from, to: from + 21, text: 'all victims' });
  setPosition(n, as('canada'), `mexico/${p.id}`, 'support');
  setStatus(n, cofac, ids[0]!, { state: 'adref', pending: ['egypt'], deadline: null });
  return { n, ids };
}

describe('the text view', () => {
  it('shows labels, statuses in words, open proposal counts, words and brackets', () => {
    const { n } = withProposal();
    const html = render(n, as('canada'), createElement(TextView, { presence: [] }));
    for (const label of ['PP1', 'PP2', 'OP1', 'OP2', 'OP3']) expect(html).toContain(`data-label="${label}"`);
    expect(html).toContain('Ad ref, pending Egypt');
    expect(html).toContain('1 open proposal');
    expect(html).toMatch(/>\d+ words</);
    expect(html).toContain(">0 brackets<");
    expect(html).toContain('Propose a change');
    expect(html).not.toContain('Set status');
  });

  it('gives the co-facilitators their controls, not the delegations\' ones', () => {
    const { n } = withProposal();
    const html = render(n, cofac, createElement(TextView, { presence: [] }));
    expect(html).not.toContain('Propose a change');
    expect(render(n, cofac, activeCard(n, 'p4', 'OP2'))).toContain('Status of OP2');
  });

  it('speaks French, with the text in its own language', () => {
    const { n } = withProposal();
    const html = render(n, as('canada'), createElement(TextView, { presence: [] }), 'fr');
    expect(html).toContain('Ad ref, en attente de Egypt');
    expect(html).toContain('1 proposition ouverte');
    expect(html).toContain('<h1 lang="en">Political declaration on trafficking</h1>');
  });

  it('shows the clean text, or the draft with what keeps it from being clean', () => {
    const { n } = withProposal();
    const html = render(n, cofac, createElement(CleanTextView));
    expect(html).toContain('The text is not clean yet');
    expect(html).toContain('open proposal by Mexico');
    const clean = render(sampleNegotiation().negotiation, cofac, createElement(CleanTextView));
    expect(clean).not.toContain('not clean');
    expect(clean).toContain('<span class="num">3. </span><i>Requests</i>');
  });

  it('says what keeps the text from being clean in the interface\'s language, whatever the text\'s', () => {
    const { n } = withProposal();
    const fr = render(n, cofac, createElement(CleanTextView), 'fr');
    expect(fr).toContain('Le texte n’est pas encore propre');
    expect(fr).toMatch(/<li>OP\d : proposition ouverte de Mexico<\/li>/);
    expect(fr).not.toMatch(/open proposal|not clean|Resolve these/);
  });
});
