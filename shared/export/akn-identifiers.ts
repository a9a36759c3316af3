import type { NegotiationMeta } from '../model/table-state';
import { el, type XmlElement } from './xml';

const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  janvier: 1, février: 2, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, août: 8, aout: 8, septembre: 9, octobre: 10, novembre: 11, décembre: 12, decembre: 12,
};

/** The date in closing lines ("73e séance plénière, 7 juin 2021", "22 November 2021") as YYYY-MM-DD. */
export function closingDate(closing: string | null): string | null {
  const m = /(\d{1,2})(?:er)?\s+([\p{L}]+)\s+(\d{4})/u.exec(closing ?? '');
  const month = m ? MONTHS[m[2]!.toLowerCase()] : undefined;
  if (!m || !month) return null;
  return `${m[3]}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

/** The parts of an AKN4UN work identifier derived from the document symbol. */
export interface AknWork {
  /** "statement" or "doc". */
  type: 'statement' | 'doc';
  /** "deliberation", "report". */
  subtype: string;
  /** "un-ga", "un-ecosoc". */
  author: string;
  date: string;
  /** "75-283", or "draft-<id>" for a text without a symbol. */
  number: string;
  /** "eng", "fra". */
  language: string;
  /** Version after "@": empty for the text as adopted or current, a date for an issued revision. */
  version: string;
}

/**
 * Works out the work identifier from the negotiation's metadata: symbol (else organ), language and date (of adoption,
 * else of the closing lines, else of the zero draft, else of creation).
 */
export function aknWork(meta: NegotiationMeta, options: { id: string; version?: string; zeroDraft?: string }): AknWork {
  const symbol = meta.symbol ?? '';
  // A draft without a symbol is known by its organ line ("Le Conseil économique et social").
  const organ = meta.organ ?? '';
  const author = /^E\//.test(symbol) || (!symbol && /Economic and Social Council|Conseil économique et social/iu.test(organ)) ? 'un-ecosoc'
    : /^S\//.test(symbol) || (!symbol && /Security Council|Conseil de sécurité/iu.test(organ)) ? 'un-sc'
      : /^A\/HRC\//.test(symbol) || (!symbol && /Human Rights Council|Conseil des droits de l/iu.test(organ)) ? 'un-hrc'
        : 'un-ga';
  const res = /RES\/(\d+(?:\s*\([IVXLC]+\))?)\/(\d+)/.exec(symbol);
  const number = res
    ? `${res[1]!.replace(/\W+/g, '')}-${res[2]}`
    : symbol
      ? symbol.replace(/^[A-Z]+\//, '').replace(/[^A-Za-z0-9.]+/g, '-').toLowerCase()
      : `draft-${options.id.replace(/[^A-Za-z0-9-]+/g, '-')}`;
  const date = meta.dates.adoption?.slice(0, 10) ?? closingDate(meta.closing) ?? (options.zeroDraft ?? meta.createdAt).slice(0, 10);
  const report = meta.form === 'report';
  return { type: report ? 'doc' : 'statement', subtype: report ? 'report' : 'deliberation', author, date, number, language: meta.language === 'fr' ? 'fra' : 'eng', version: options.version ?? '' };
}

/** The FRBR identification block (work, expression, manifestation) in the AKN4UN pattern. */
export function identification(work: AknWork, generated: string): XmlElement {
  const workUri = `/akn/un/${work.type}/${work.subtype}/${work.author}/${work.date}/${work.number}`;
  const exprUri = `${workUri}/${work.language}@${work.version}`;
  const today = generated.slice(0, 10);
  return el('identification', { source: '#penholder' },
    el('FRBRWork', {},
      el('FRBRthis', { value: `${workUri}/!main` }),
      el('FRBRuri', { value: workUri }),
      el('FRBRdate', { date: work.date, name: 'adoption' }),
      el('FRBRauthor', { href: `#${work.author}` }),
      el('FRBRcountry', { value: 'un' }),
      el('FRBRsubtype', { value: work.subtype }),
      el('FRBRnumber', { value: work.number }),
    ),
    el('FRBRExpression', {},
      el('FRBRthis', { value: `${exprUri}/!main` }),
      el('FRBRuri', { value: exprUri }),
      el('FRBRdate', { date: work.version || work.date, name: work.version ? 'revision' : 'adoption' }),
      el('FRBRauthor', { href: '#cofacilitators' }),
      el('FRBRlanguage', { language: work.language }),
    ),
    el('FRBRManifestation', {},
      el('FRBRthis', { value: `${exprUri}/!main.xml` }),
      el('FRBRuri', { value: `${exprUri}.akn` }),
      el('FRBRdate', { date: today, name: 'generation' }),
      el('FRBRauthor', { href: '#penholder' }),
    ),
  );
}

/** The organisations every export refers to: the organ, the co-facilitators and Penholder itself. */
export function baseReferences(work: AknWork, organ: string | null): XmlElement[] {
  const organs: Record<string, string> = { 'un-ga': 'General Assembly', 'un-ecosoc': 'Economic and Social Council', 'un-sc': 'Security Council', 'un-hrc': 'Human Rights Council' };
  return [
    el('TLCOrganization', { eId: work.author, href: `/akn/ontology/organizations/un/${work.author}`, showAs: organ ?? organs[work.author] ?? work.author }),
    el('TLCOrganization', { eId: 'cofacilitators', href: '/akn/ontology/organizations/un/cofacilitators', showAs: 'Co-facilitators' }),
    el('TLCOrganization', { eId: 'penholder', href: '/akn/ontology/organizations/penholder', showAs: 'Penholder' }),
  ];
}
