import { cofac, as, sampleNegotiation } from '../model/fixture';
import { accept, bracket, merge, notRetain, replaceParagraphText, setStatus, unbracket } from '../../shared/model/facilitator-commands';
import type { Negotiation } from '../../shared/model/negotiation';
import { propose, setPosition } from '../../shared/model/proposal-commands';
import { issueRevision } from '../../shared/model/revision-commands';
import { closeSilence, openSilence } from '../../shared/model/silence-commands';
import { flatText, richText } from '../../shared/text/rich-text';

/** The seeds: real UN texts, French. */
export const SEEDS = ['000_bf30f40679ec065d', '001_40b012bcd7b7be1f', '002_1ebf21118c82a210', '003_38c0f701a36a6316', '004_08fdb1414c374761'];

const at = (day: number, hour = 10): string => `2021-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;

/**
 * The sample resolution negotiated: a footnote, a sub-itemised paragraph and an annexed declaration;
 * zero draft; proposals accepted (Mexico), added as OP1 bis (EU), merged (Mexico, Canada), not retained
 * (Egypt for the G77) and left open (Canada); brackets; Rev.1; then, when `settled`, the open items
 * resolved and a silence procedure passed.
 */
export function negotiatedSample(settled: boolean): { negotiation: Negotiation; ids: string[]; bisText: string } {
  const { negotiation: n, ids } = sampleNegotiation();
  const table = n.table;
  table.doc.transact(() => {
    table.footnotesMap.set('fn-a', 'See A/RES/64/293, annex.');
    replaceParagraphText(n, cofac, ids[0]!, richText({ text: 'Recalling its resolution 64/293 of 30 July 2010,', lead: 'Recalling', footnotes: ['fn-a'] }));
    replaceParagraphText(n, cofac, ids[4]!, richText({ text: 'Requests the Secretary-General to report on progress:', lead: 'Requests', items: [{ text: 'on prevention;', items: [] }, { text: 'on protection of victims.', items: [{ text: 'including children;', items: [] }] }] }));
    const annex: [string, 'annex-title' | 'chapeau' | 'declaration', string][] = [
      ['a1', 'annex-title', 'Political declaration'],
      ['a2', 'chapeau', 'We, Heads of State and Government, gathered at United Nations Headquarters on 22 November 2021,'],
      ['a3', 'declaration', 'We reaffirm our commitment to end trafficking in persons.'],
      ['a4', 'declaration', 'We commit to protect victims and survivors.'],
    ];
    for (const [id, kind, text] of annex) table.createParagraph(id, { kind, text: richText({ text }), addedInEpoch: 0 });
    table.orderArray.push(annex.map(([id]) => id));
  });
  issueRevision(n, cofac, null, at(1));
  const op2 = flatText(table.paragraph(ids[3]!)!.text);
  const from = op2.indexOf('victims and survivors');
  const mexico = propose(n, as('mexico'), { kind: 'replace', paragraphId: ids[3]!, from, to: from + 'victims and survivors'.length, text: 'all victims', at: at(2) });
  setPosition(n, as('canada'), `mexico/${mexico.id}`, 'support', null, at(2, 11));
  setPosition(n, as('egypt'), `mexico/${mexico.id}`, 'oppose', null, at(2, 12));
  const bisText = 'Decides also to hold two interactive multi-stakeholder panels;';
  const eu = propose(n, as('european-union'), { kind: 'new-paragraph', paragraphId: ids[2]!, paragraph: bisText, at: at(3) });
  const g77 = propose(n, as('egypt'), { kind: 'delete-paragraph', paragraphId: ids[1]!, onBehalfOf: 'g77', at: at(4) });
  const mx2 = propose(n, as('mexico'), { kind: 'alternative', paragraphId: 'a3', paragraph: 'We reaffirm our strong commitment.', at: at(5) });
  const ca2 = propose(n, as('canada'), { kind: 'alternative', paragraphId: 'a3', paragraph: 'We reaffirm our commitment.', at: at(5, 11) });
  const open = propose(n, as('canada'), { kind: 'insert', paragraphId: 'a4', from: 'We commit to protect'.length, text: ' and assist', at: at(6) });
  accept(n, cofac, `mexico/${mexico.id}`, at(7));
  accept(n, cofac, `european-union/${eu.id}`, at(7, 11));
  notRetain(n, cofac, `egypt/${g77.id}`, 'no support', at(7, 12));
  merge(n, cofac, [`mexico/${mx2.id}`, `canada/${ca2.id}`], 'a3', 'We reaffirm our strong and lasting commitment to end trafficking in persons.', null, at(7, 13));
  const op3 = flatText(table.paragraph(ids[2]!)!.text);
  bracket(n, cofac, ids[2]!, op3.indexOf('in 2021'), op3.indexOf('in 2021') + 'in 2021'.length);
  issueRevision(n, cofac, 'after the second reading', at(8));
  if (settled) {
    accept(n, cofac, `canada/${open.id}`, at(9));
    unbracket(n, cofac, ids[2]!, flatText(table.paragraph(ids[2]!)!.text).indexOf('['));
    for (const id of ids) setStatus(n, cofac, id, { state: 'agreed' });
    openSilence(n, cofac, at(12, 18), at(10));
    closeSilence(n, cofac, null, at(12, 18));
  }
  return { negotiation: n, ids, bisText };
}
