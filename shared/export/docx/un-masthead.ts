import { AlignmentType, BorderStyle, Paragraph, TabStopType, TextRun } from 'docx';
import { furniture } from '../furniture';
import { closingDate } from '../akn-identifiers';
import { organName, sessionName, symbolFacts, unDate } from '../un-words';
import type { NegotiationMeta } from '../../model/table-state';

/** What the masthead says beyond the negotiation's metadata. */
export interface MastheadFacts {
  /** "111", "12 and 118": printed as "Agenda item 111". */
  agendaItem?: string | null;
  /** The distribution date (ISO): the day the text was issued; defaults to today (the day of export). */
  issued?: string;
  /** The issued revision ("Rev.1"), printed where the symbol stands when the draft has none. */
  revision?: string;
}

const ORGANS: [en: string, fr: string][] = [
  ['General Assembly', 'Assemblée générale'],
  ['Security Council', 'Conseil de sécurité'],
  ['Economic and Social Council', 'Conseil économique et social'],
  ['Human Rights Council', 'Conseil des droits de l’homme'],
];

/** The organ's name in the masthead's language (the text keeps its own organ line). */
function organIn(meta: NegotiationMeta, language: 'en' | 'fr'): string {
  const name = organName(meta.organ, meta.language);
  const pair = ORGANS.find((o) => o.some((n) => n.replace(/[’']/g, "'") === name.replace(/[’']/g, "'")));
  return pair ? pair[language === 'fr' ? 1 : 0] : name;
}

/** "the General Assembly" / "l’Assemblée générale": the organ with its article, for "Resolution adopted by …". */
function organWithArticle(name: string, language: 'en' | 'fr'): string {
  if (language === 'en') return `the ${name}`;
  return /^[AEIOUÉ]/u.test(name) ? `l’${name}` : `le ${name}`;
}

/**
 * The masthead as the Secretariat issues a document: "United Nations" and the symbol over a rule; the
 * organ, the distribution and its date over a heavier rule; the session and agenda item; for an adopted
 * resolution, "Resolution adopted by the General Assembly on …" and its number before the title
 * ("76/7.  Political declaration …"); for a draft, the original language.
 */
export function unMasthead(meta: NegotiationMeta, language: 'en' | 'fr', width: number, facts: MastheadFacts, subtitle: string | null): Paragraph[] {
  const words = furniture(language);
  const symbol = symbolFacts(meta.symbol);
  const right = [{ type: TabStopType.RIGHT, position: width }];
  const organ = organIn(meta, language);
  const issued = unDate(facts.issued ?? new Date().toISOString(), language);
  const adoptedOn = meta.dates.adoption ?? closingDate(meta.closing);
  const rule = (size: number) => ({ bottom: { style: BorderStyle.SINGLE, size, color: '000000', space: 2 } });
  const small = (text: string, options: { break?: number } = {}) => new TextRun({ text, size: 20, ...options });
  const session = [
    ...(symbol.session ? [sessionName(symbol.session, language)] : symbol.sessionYear ? [words.yearSession(symbol.sessionYear)] : []),
    ...(facts.agendaItem ? [words.agendaItem(facts.agendaItem)] : []),
  ];
  return [
    new Paragraph({ tabStops: right, border: rule(6), children: [new TextRun({ text: words.unitedNations, bold: true, size: 24 }), new TextRun({ text: `\t${meta.symbol ?? facts.revision ?? ''}`, bold: true, size: 36 })] }),
    new Paragraph({
      tabStops: right,
      border: rule(24),
      spacing: { before: 60, after: 0 },
      children: [
        new TextRun({ text: organ, bold: true, size: 36 }),
        small(`\t${symbol.limited ? words.distributionLimited : words.distribution}`),
        small(`\t${issued}`, { break: 1 }),
        ...(symbol.resolution ? [] : [small('', { break: 1 }), small(`\t${words.original(meta.language)}`, { break: 1 })]),
      ],
    }),
    ...session.map((line, i) => new Paragraph({ spacing: { before: i === 0 ? 240 : 0 }, children: [small(line)] })),
    ...(symbol.resolution
      ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 360, after: 240 }, keepNext: true, children: words.adoptedBy(organWithArticle(organ, language), adoptedOn ? unDate(adoptedOn, language) : null).split('\n').map((line, i) => new TextRun({ text: line, bold: true, size: 28, break: i > 0 ? 1 : 0 })) })]
      : []),
    new Paragraph({
      spacing: { before: symbol.resolution ? 120 : 360, after: 240 },
      keepNext: true,
      indent: symbol.resolution ? { left: 1268, hanging: 1268 } : undefined,
      tabStops: symbol.resolution ? [{ type: TabStopType.LEFT, position: 1268 }] : undefined,
      children: [new TextRun({ text: symbol.resolution ? `${symbol.resolution}.\t${meta.title}` : meta.title, bold: true, size: 28 })],
    }),
    ...(subtitle ? [new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: subtitle, italics: true, color: '990000' })] })] : []),
  ];
}
