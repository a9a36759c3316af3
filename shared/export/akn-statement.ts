import { aknWork, baseReferences, identification } from './akn-identifiers';
import { el, serializeXml, type XmlElement, type XmlNode } from './xml';
import type { CleanItem, CleanParagraph, CleanText } from '../model/clean-text';
import type { Negotiation } from '../model/negotiation';
import { organLineEnd } from '../model/organ-line';

const AKN_NS = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';
const ANNEX_KINDS = new Set(['annex-title', 'chapeau', 'declaration']);

/** Options for the AKN export of a clean text: which revision it is, and the generation time. */
export interface AknOptions {
  revision?: number;
  /** ISO time of generation; defaults to now. */
  generated?: string;
}

/** Writes eIds and footnotes while walking the text, so that every eId is unique. */
class Body {
  private readonly used = new Set<string>();
  constructor(private readonly clean: CleanText) {}

  eId(wanted: string): string {
    let id = wanted.replace(/[^A-Za-z0-9_.-]/g, '');
    for (let k = 2; this.used.has(id); k++) id = `${wanted}_${k}`;
    this.used.add(id);
    return id;
  }

  /** A paragraph's words as inline content: the italic lead, the rest, then its footnotes. */
  inline(p: Pick<CleanParagraph, 'lead' | 'text' | 'footnotes'>): XmlNode[] {
    const lead = p.lead && p.text.startsWith(p.lead) ? p.lead : null;
    const nodes: XmlNode[] = lead ? [el('i', {}, lead), p.text.slice(lead.length)] : [p.text];
    for (const mark of p.footnotes) {
      const body = this.clean.footnotes.find((f) => f.mark === mark)?.text ?? '';
      nodes.push(el('authorialNote', { eId: this.eId(`authorialNote_${mark}`), marker: mark, placement: 'bottom' }, el('p', {}, body)));
    }
    return nodes;
  }

  /** Sub-items as a list of points, the paragraph's own words as the list's intro. */
  list(prefix: string, intro: XmlNode[], items: CleanItem[]): XmlElement {
    const listId = `${prefix}__list_1`;
    return el('list', { eId: this.eId(listId) },
      el('intro', {}, el('p', {}, intro)),
      items.map((item) => {
        const pointId = `${listId}__point_${item.label.replace(/\W/g, '')}`;
        return el('point', { eId: this.eId(pointId) },
          el('num', {}, item.label),
          item.items.length ? this.list(pointId, [item.text], item.items) : el('content', {}, el('p', {}, item.text)));
      }));
  }

  /** A numbered (or unnumbered) paragraph with its permanent id as GUID. */
  paragraph(p: CleanParagraph, prefix: string, index: number): XmlElement {
    const id = this.eId(`${prefix}para_${p.number ?? `u${index + 1}`}`);
    const num = p.number ? el('num', {}, `${p.number}.`) : null;
    const words = this.inline(p);
    return el('paragraph', { eId: id, GUID: p.id, class: p.label ? `label ${p.label}` : null }, num,
      p.items.length ? this.list(id, words, p.items) : el('content', {}, el('p', {}, words)));
  }

  /** Paragraphs and their cross-headings for a mainBody. */
  main(paragraphs: CleanParagraph[], prefix: string): XmlElement[] {
    return paragraphs.map((p, i) =>
      p.kind === 'heading' || p.kind === 'annex-title'
        ? el('hcontainer', { eId: this.eId(`${prefix}hcontainer_${i + 1}`), GUID: p.id, name: 'crossHeading' }, el('heading', {}, p.text))
        : this.paragraph(p, prefix, i));
  }

  /** A preambular paragraph as a container. */
  container(p: CleanParagraph, index: number): XmlElement {
    const id = this.eId(`preamble__container_${index + 1}`);
    const items = (list: CleanItem[]): XmlElement[] => list.flatMap((i) => [el('p', { class: 'item' }, `${i.label} ${i.text}`), ...items(i.items)]);
    return el('container', { eId: id, GUID: p.id, name: p.kind === 'chapeau' ? 'chapeau' : 'preambular' }, el('p', {}, this.inline(p)), items(p.items));
  }
}

/** The meta block: identification, revisions as lifecycle events, silence and adoption as workflow steps. */
function meta(negotiation: Negotiation, clean: CleanText, options: AknOptions): { block: XmlElement; work: ReturnType<typeof aknWork> } {
  const generated = options.generated ?? new Date().toISOString();
  const revisions = negotiation.table.revisions();
  const shown = options.revision !== undefined ? revisions.slice(0, options.revision + 1) : revisions;
  const version = options.revision !== undefined ? (revisions[options.revision]?.issuedAt.slice(0, 10) ?? '') : '';
  const work = aknWork(clean.meta, { id: negotiation.id, version, zeroDraft: revisions[0]?.issuedAt });
  const silence = negotiation.table.silence();
  const steps: XmlElement[] = [];
  if (silence.state !== 'none') {
    steps.push(el('step', { date: silence.openedAt, by: '#cofacilitators', refersTo: '#silenceOpened' }));
    if (silence.state !== 'open') steps.push(el('step', { date: silence.closedAt, by: '#cofacilitators', refersTo: '#silenceClosed', outcome: `#silence-${silence.state}` }));
  }
  const adoption = clean.meta.dates.adoption;
  if (adoption) steps.push(el('step', { date: adoption, by: `#${work.author}`, refersTo: '#adoption' }));
  const concepts = [
    ...shown.map((r) => el('TLCEvent', { eId: `rev_${r.number}`, href: `/akn/ontology/events/penholder/rev-${r.number}`, showAs: r.name })),
    ...(steps.length ? [
      el('TLCConcept', { eId: 'silenceOpened', href: '/akn/ontology/concepts/un/silenceProcedure', showAs: 'Silence procedure' }),
      el('TLCConcept', { eId: 'silenceClosed', href: '/akn/ontology/concepts/un/silenceClosed', showAs: 'Silence closed' }),
      el('TLCConcept', { eId: 'silence-passed', href: '/akn/ontology/concepts/un/silencePassed', showAs: 'Silence passed' }),
      el('TLCConcept', { eId: 'silence-broken', href: '/akn/ontology/concepts/un/silenceBroken', showAs: 'Silence broken' }),
      el('TLCConcept', { eId: 'adoption', href: '/akn/ontology/concepts/un/adoption', showAs: 'Adoption' }),
    ] : []),
  ];
  const block = el('meta', {},
    identification(work, generated),
    shown.length ? el('lifecycle', { source: '#cofacilitators' },
      shown.map((r) => el('eventRef', { eId: `evt_rev_${r.number}`, date: r.issuedAt, source: `#rev_${r.number}`, type: r.number === 0 ? 'generation' : 'amendment', refersTo: `#rev_${r.number}` }))) : null,
    steps.length ? el('workflow', { source: '#cofacilitators' }, steps) : null,
    el('references', { source: '#penholder' }, concepts, baseReferences(work, clean.meta.organ)),
  );
  return { block, work };
}

/**
 * The clean text (or a draft) as Akoma Ntoso 3.0 in the AKN4UN pattern: a resolution is a
 * `<statement name="resolution">` (`resolutionDraft` until adopted) with its preface, preamble of
 * containers, mainBody of paragraphs, conclusions and the annexed declaration as an attachment.
 */
export function aknCleanText(negotiation: Negotiation, clean: CleanText, options: AknOptions = {}): string {
  const body = new Body(clean);
  const { block, work } = meta(negotiation, clean, options);
  // A chapeau before the resolution's own paragraphs (the paragraph recommending a draft resolution, the draft's
  // organ line) is the resolution's preamble; after them, an annexed declaration's.
  const ownParagraph = (p: CleanParagraph): boolean => p.kind === 'preambular' || p.kind === 'operative';
  const firstAnnex = clean.paragraphs.findIndex((p, i) => ANNEX_KINDS.has(p.kind) && !(p.kind === 'chapeau' && clean.paragraphs.slice(i + 1).some(ownParagraph)));
  const resolutionPart = firstAnnex < 0 ? clean.paragraphs : clean.paragraphs.slice(0, firstAnnex);
  const annex = firstAnnex < 0 ? [] : clean.paragraphs.slice(firstAnnex);
  const preambular = resolutionPart.filter((p) => p.kind === 'preambular' || p.kind === 'chapeau');
  const main = resolutionPart.filter((p) => p.kind !== 'preambular' && p.kind !== 'chapeau');
  const m = clean.meta;
  const adopted = !clean.draft && !!m.closing;
  const name = m.form === 'report' ? 'report' : m.form === 'declaration' && main.length === 0 ? 'declaration' : adopted ? 'resolution' : 'resolutionDraft';
  const preface = el('preface', {},
    m.symbol ? el('p', { class: 'symbol' }, el('docNumber', {}, m.symbol)) : null,
    el('p', { class: 'title' }, el('docTitle', {}, m.title || m.symbol || negotiation.id)),
    clean.draft ? el('p', { class: 'status' }, el('docStatus', {}, m.language === 'fr' ? 'Projet : non agréé' : 'Draft: not agreed')) : null);
  const chapeau = name === 'declaration' ? annex.filter((p) => p.kind === 'chapeau') : [];
  const bodyParagraphs = name === 'declaration' ? annex.filter((p) => p.kind !== 'chapeau') : main;
  const preamble = m.organ || preambular.length || chapeau.length
    ? el('preamble', {},
      m.organ ? el('formula', { name: 'enactingFormula' }, el('p', {}, el('i', {}, m.organ), organLineEnd(clean.paragraphs))) : null,
      [...preambular, ...chapeau].map((p, i) => body.container(p, i)))
    : null;
  const mainBody = el('mainBody', {}, bodyParagraphs.length ? body.main(bodyParagraphs, '') : el('p', {}, ''));
  const attachments = name !== 'declaration' && annex.length ? el('attachments', {}, el('attachment', { eId: 'att_1' }, declaration(body, annex, block))) : null;
  const orphans = clean.footnotes.filter((f) => !clean.paragraphs.some((p) => p.footnotes.includes(f.mark)));
  const conclusions = m.closing || orphans.length
    ? el('conclusions', {}, m.closing ? el('p', { class: 'closing' }, m.closing) : null, orphans.map((f) => el('p', { class: 'footnote' }, `${f.mark} ${f.text}`)))
    : null;
  return serializeXml(el('akomaNtoso', { xmlns: AKN_NS },
    el(work.type === 'doc' ? 'doc' : 'statement', { name, contains: clean.draft ? 'singleVersion' : 'originalVersion' }, block, preface, preamble, mainBody, conclusions, attachments)));
}

/** The annexed declaration as its own document, its chapeau as its preamble. */
function declaration(body: Body, annex: CleanParagraph[], parentMeta: XmlElement): XmlElement {
  const title = annex.find((p) => p.kind === 'annex-title');
  const chapeau = annex.filter((p) => p.kind === 'chapeau');
  const paragraphs = annex.filter((p) => p.kind !== 'chapeau' && p !== title);
  const identificationBlock = parentMeta.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === 'identification')!;
  const annexMeta = el('meta', {}, withAnnexUri(identificationBlock));
  return el('doc', { name: 'declaration' },
    annexMeta,
    title ? el('preface', {}, el('p', {}, el('docTitle', {}, title.text))) : null,
    chapeau.length ? el('preamble', {}, chapeau.map((p, i) => el('container', { eId: body.eId(`att_1__preamble__container_${i + 1}`), GUID: p.id, name: 'chapeau' }, el('p', {}, body.inline(p))))) : null,
    el('mainBody', {}, paragraphs.length ? body.main(paragraphs, 'att_1__') : el('p', {}, '')));
}

/** The parent's identification with "/!main" replaced by "/!annex_1" for the attached document. */
function withAnnexUri(node: XmlElement): XmlElement {
  const map = (n: XmlNode): XmlNode =>
    typeof n === 'string' ? n : { ...n, attrs: Object.fromEntries(Object.entries(n.attrs).map(([k, v]) => [k, k === 'value' && v ? v.replace('/!main', '/!annex_1') : v])), children: n.children.map(map) };
  return map(node) as XmlElement;
}
