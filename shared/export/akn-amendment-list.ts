import { aknWork, baseReferences, identification } from './akn-identifiers';
import { el, serializeXml, type XmlElement } from './xml';
import type { CompiledParagraph, CompiledProposal } from '../model/compilation';
import type { Negotiation } from '../model/negotiation';
import { textMeta } from '../model/text-meta';

const AKN_NS = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

const slug = (s: string): string => s.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x';

/** One proposal as an `<amendment>` document: heading (paragraph, author), wording, positions and decision. */
function amendment(p: CompiledProposal, paragraph: CompiledParagraph, index: number, work: ReturnType<typeof aknWork>, generated: string): XmlElement {
  const own = { ...work, subtype: 'amendment', number: `${work.number}-amendment-${index + 1}` };
  const label = paragraph.label || paragraph.kind;
  // eIds are unique across the whole list, references included.
  const proposer = `cmp_${index + 1}__proposer`;
  const positions: [string, string[]][] = [['supported by', p.supporters], ['opposed by', p.opponents], ['reservation', p.reservations], ['pending instructions', p.pendingInstructions]];
  return el('amendment', { name: 'amendment' },
    el('meta', {}, identification(own, generated), el('references', { source: '#penholder' }, el('TLCOrganization', { eId: proposer, href: `/akn/ontology/organizations/un/${slug(p.author)}`, showAs: p.author }))),
    el('preface', {}, el('p', {}, el('docProponent', { refersTo: `#${proposer}` }, p.author), ` (${p.key})`)),
    el('amendmentBody', {},
      el('amendmentHeading', {}, el('p', {}, `${label}: ${p.kind}`)),
      el('amendmentContent', {}, el('p', {}, p.wording.map((d) => (d.op === 'insert' ? el('ins', {}, d.text) : d.op === 'delete' ? el('del', {}, d.text) : d.text)))),
      el('amendmentJustification', {},
        positions.filter(([, names]) => names.length).map(([what, names]) => el('p', { class: slug(what) }, `${what}: ${names.join(', ')}`)),
        p.source ? el('p', { class: 'agreed-language' }, `agreed language: ${p.source}`) : null,
        p.rationale ? el('p', { class: 'rationale' }, p.rationale) : null,
        el('p', { class: 'decision' }, el('docStatus', {}, p.state), p.needsReview && p.state === 'open' ? ' (text changed since; needs review)' : ''))));
}

/**
 * The compilation text as an Akoma Ntoso `<amendmentList>`: each proposal an `<amendment>` document
 * naming its author (`docProponent`), the paragraph, the wording as `<ins>`/`<del>`, the positions
 * taken on it and the decision.
 */
export function aknCompilation(negotiation: Negotiation, paragraphs: CompiledParagraph[], options: { generated?: string } = {}): string {
  const generated = options.generated ?? new Date().toISOString();
  const meta = textMeta(negotiation);
  const work = aknWork(meta, { id: negotiation.id, version: generated.slice(0, 10), zeroDraft: negotiation.table.revisions()[0]?.issuedAt });
  const listWork = { ...work, subtype: 'amendmentList', number: `${work.number}-compilation` };
  const components: XmlElement[] = [];
  for (const paragraph of paragraphs) {
    for (const p of paragraph.proposals) {
      components.push(el('component', { eId: `cmp_${components.length + 1}`, GUID: p.key }, amendment(p, paragraph, components.length, work, generated)));
    }
  }
  if (components.length === 0) components.push(el('component', { eId: 'cmp_1' }, el('interstitial', { eId: 'cmp_1__interstitial_1' }, el('p', {}, 'No proposals.'))));
  return serializeXml(el('akomaNtoso', { xmlns: AKN_NS },
    el('amendmentList', { name: 'compilation' },
      el('meta', {}, identification(listWork, generated), el('references', { source: '#penholder' }, baseReferences(listWork, meta.organ))),
      el('preface', {}, meta.symbol ? el('p', {}, el('docNumber', {}, meta.symbol)) : null, el('p', {}, el('docTitle', {}, `${meta.title}: compilation text`))),
      el('collectionBody', {}, components))));
}
