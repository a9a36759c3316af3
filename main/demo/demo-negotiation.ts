import type { Actor } from '../../shared/model/actor';
import { addDelegation, createNegotiation } from '../../shared/model/create-negotiation';
import { setStatus } from '../../shared/model/facilitator-commands';
import type { Negotiation } from '../../shared/model/negotiation';
import type { DelegationKind } from '../../shared/model/roster';
import { propose, setPosition } from '../../shared/model/proposal-commands';
import { richText } from '../../shared/text/rich-text';

/** The demo negotiation's id: stable, so that a second start finds it in the data directory. */
export const DEMO_NEGOTIATION_ID = 'demo-declaration';

const cofacilitator: Actor = { role: 'cofacilitator', delegationId: null };
const as = (delegationId: string): Actor => ({ role: 'delegation', delegationId });

/**
 * The demo's roster as a room has it: Member States by their ISO 3166-1 alpha-3 codes, the European
 * Union, two groups each with the State that chairs it, and two observer States. Ids are kept stable
 * (the demo's invitations and tests name them).
 */
export const DEMO_ROSTER: readonly { name: string; code: string; kind?: DelegationKind; chair?: string; id?: string }[] = [
  { name: 'Mexico', code: 'MEX' },
  { name: 'European Union', code: 'EU', kind: 'eu' },
  { name: 'Egypt', code: 'EGY' },
  { name: 'Canada', code: 'CAN' },
  { name: 'Bangladesh', code: 'BGD' },
  { name: 'Malaysia', code: 'MYS' },
  { name: 'Japan', code: 'JPN' },
  { name: 'Switzerland', code: 'CHE' },
  { name: 'Nigeria', code: 'NGA' },
  { name: 'Brazil', code: 'BRA' },
  { name: 'Philippines', code: 'PHL' },
  { name: 'Norway', code: 'NOR' },
  { name: 'United Kingdom of Great Britain and Northern Ireland', code: 'GBR', id: 'united-kingdom' },
  { name: 'United States of America', code: 'USA', id: 'united-states' },
  { name: 'Group of 77 and China', code: 'G77', kind: 'group', chair: 'egypt', id: 'g77' },
  { name: 'African Group', code: 'AG', kind: 'group', chair: 'nigeria', id: 'african-group' },
  { name: 'Holy See', code: 'VAT', kind: 'observer' },
  { name: 'State of Palestine', code: 'PSE', kind: 'observer' },
];

/**
 * A small, self-contained demo: the zero draft of a short political declaration (English), with
 * brackets, an alternative-in-brackets option, a paragraph agreed ad ref, and proposals from three
 * delegations with support, opposition, reservations and instructions awaited. Built only with the
 * shared model's commands.
 */
export function demoNegotiation(now = new Date()): Negotiation {
  const negotiation = createNegotiation({
    id: DEMO_NEGOTIATION_ID,
    title: 'Political declaration of the high-level meeting on the Global Plan of Action to Combat Trafficking in Persons',
    form: 'declaration',
    language: 'en',
    organ: 'The General Assembly',
    targetWords: 1500,
  });
  for (const d of DEMO_ROSTER) addDelegation(negotiation, cofacilitator, d);
  const mexico = 'mexico';
  const eu = 'european-union';
  const egypt = 'egypt';
  const canada = 'canada';

  const paragraphs: { id: string; kind: 'chapeau' | 'declaration'; text: string; lead?: string }[] = [
    { id: 'p-chapeau', kind: 'chapeau', text: 'We, Heads of State and Government and representatives of States and Governments, gathered at United Nations Headquarters in New York on 22 and 23 November 2021, declare:' },
    { id: 'p-reaffirm', kind: 'declaration', text: 'We reaffirm our commitment to prevent and combat trafficking in persons, to protect and assist [victims][victims and survivors] of trafficking, and to prosecute those responsible.' },
    { id: 'p-root-causes', kind: 'declaration', text: 'We recognize that poverty, unemployment, [armed conflict,] discrimination and the lack of socioeconomic opportunities are among the factors that make persons vulnerable to trafficking.' },
    { id: 'p-technology', kind: 'declaration', text: 'We are concerned at the use of information and communications technologies, including social media, to recruit and exploit victims, and we commit to [strengthen][enhance] cooperation with the private sector [, in accordance with national legislation].' },
    { id: 'p-plan', kind: 'declaration', text: 'We call upon Member States to implement the Global Plan of Action to Combat Trafficking in Persons fully and effectively.' },
    { id: 'p-report', kind: 'declaration', text: 'We request the Secretary-General to submit a report on the implementation of the present declaration [at the eightieth session of the General Assembly].' },
  ];
  const table = negotiation.table;
  table.doc.transact(() => {
    for (const p of paragraphs) table.createParagraph(p.id, { kind: p.kind, text: richText({ text: p.text, lead: p.lead ?? null }), addedInEpoch: 0 });
    table.orderArray.push(paragraphs.map((p) => p.id));
  });

  const deadline = new Date(now.getTime() + 3 * 24 * 3600_000).toISOString();
  setStatus(negotiation, cofacilitator, 'p-plan', { state: 'adref', pending: [egypt, eu], deadline });

  const plain = paragraphs.find((p) => p.id === 'p-technology')!.text;
  const sector = plain.indexOf('private sector') + 'private sector'.length;
  const euProposal = propose(negotiation, as(eu), {
    kind: 'insert',
    paragraphId: 'p-technology',
    from: sector,
    text: ' and civil society',
    rationale: 'Civil society organizations are first responders for victims.',
  });
  const rootCauses = paragraphs.find((p) => p.id === 'p-root-causes')!.text;
  const from = rootCauses.indexOf('[armed conflict,]');
  const g77Proposal = propose(negotiation, as(egypt), {
    kind: 'delete',
    paragraphId: 'p-root-causes',
    from,
    to: from + '[armed conflict,] '.length,
    onBehalfOf: 'g77',
  });
  const mexicoProposal = propose(negotiation, as(mexico), {
    kind: 'new-paragraph',
    paragraphId: 'p-reaffirm',
    paragraph: 'We commit to ensure a victim-centred, gender- and age-sensitive approach in all efforts to combat trafficking in persons.',
    source: 'A/RES/78/228, OP3',
  });
  setPosition(negotiation, as(canada), `${mexico}/${mexicoProposal.id}`, 'support');
  setPosition(negotiation, as(eu), `${mexico}/${mexicoProposal.id}`, 'support');
  setPosition(negotiation, as(eu), `${egypt}/${g77Proposal.id}`, 'oppose', 'Armed conflict is a recognized driver of trafficking.');
  setPosition(negotiation, as('bangladesh'), `${mexico}/${mexicoProposal.id}`, 'support');
  setPosition(negotiation, as('switzerland'), `${mexico}/${mexicoProposal.id}`, 'reserve');
  setPosition(negotiation, as('bangladesh'), `${egypt}/${g77Proposal.id}`, 'support');
  setPosition(negotiation, as('malaysia'), `${egypt}/${g77Proposal.id}`, 'support');
  setPosition(negotiation, as('japan'), `${egypt}/${g77Proposal.id}`, 'oppose');
  setPosition(negotiation, as('norway'), `${eu}/${euProposal.id}`, 'support');
  setPosition(negotiation, as('philippines'), `${eu}/${euProposal.id}`, 'reserve');
  setPosition(negotiation, as(egypt), `${eu}/${euProposal.id}`, 'pending-instructions');
  return negotiation;
}
