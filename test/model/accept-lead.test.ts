import { describe, expect, it } from 'vitest';
import { as, cofac, sampleNegotiation } from './fixture';
import { cleanText } from '../../shared/model/clean-text';
import { accept } from '../../shared/model/facilitator-commands';
import { propose } from '../../shared/model/proposal-commands';
import { plainParagraph } from '../../shared/text/rich-text';

/** Proposes replacing `from` (quoted at the start of paragraph `id`) by `to`, and accepts it. */
function acceptReplacement(from: string, to: string, id = 'p4') {
  const { negotiation: n } = sampleNegotiation();
  const p = propose(n, as('mexico'), { kind: 'replace', paragraphId: id, from: 0, to: from.length, text: to });
  accept(n, cofac, `mexico/${p.id}`);
  return { n, paragraph: plainParagraph(n.table.paragraph(id)!.text) };
}

describe('accepting a proposal that replaces the italic lead', () => {
  it('the words put in its place are the new lead, the words kept after it are not', () => {
    const { n, paragraph } = acceptReplacement('Urges Member States', 'Calls upon Member States');
    expect(paragraph).toMatchObject({ text: 'Calls upon Member States to protect victims and survivors;', lead: 'Calls upon' });
    expect(cleanText(n, { draft: true }).paragraphs.find((p) => p.id === 'p4')).toMatchObject({ lead: 'Calls upon' });
  });

  it('the lead alone, or the lead and words that change too: as many words as the lead had', () => {
    expect(acceptReplacement('Urges', 'Encourages').paragraph).toMatchObject({ text: 'Encourages Member States to protect victims and survivors;', lead: 'Encourages' });
    expect(acceptReplacement('Urges Member States', 'Invites States').paragraph).toMatchObject({ text: 'Invites States to protect victims and survivors;', lead: 'Invites' });
  });

  it('words replaced after the lead stay plain', () => {
    const { negotiation: n } = sampleNegotiation();
    const text = 'Urges Member States to protect victims and survivors;';
    const from = text.indexOf('victims and survivors');
    const p = propose(n, as('mexico'), { kind: 'replace', paragraphId: 'p4', from, to: from + 'victims and survivors'.length, text: 'all victims' });
    accept(n, cofac, `mexico/${p.id}`);
    expect(plainParagraph(n.table.paragraph('p4')!.text)).toMatchObject({ text: 'Urges Member States to protect all victims;', lead: 'Urges' });
  });
});
