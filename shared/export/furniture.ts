/** The fixed words around a UN document, in the export's language. */
export interface Furniture {
  unitedNations: string;
  distribution: string;
  /** For drafts whose symbol is an "L." document. */
  distributionLimited: string;
  agendaItem: (item: string) => string;
  /** "2022 session": a session named by its year (the Economic and Social Council's). */
  yearSession: (year: number) => string;
  /** "Resolution adopted by the General Assembly\non 22 November 2021" (`organ` with its article, `on` the date or null), on two lines. */
  adoptedBy: (organ: string, on: string | null) => string;
  annex: string;
  /** "Original: English" for a text written in `original`. */
  original: (original: 'en' | 'fr') => string;
  draft: string;
  /** "Page 3 of 7" in a printed footer; the arguments are placeholders or numbers. */
  page: (current: string, total: string) => string;
  compilation: string;
  columns: { by: string; proposal: string; supporters: string; opponents: string; decision: string };
  noProposals: string;
  changes: (base: string, target: string) => string;
}

/** Agenda item numbers as each language writes them: "19 (c) and 20" in English, "19 c) et 20" in French. */
const itemsIn = (items: string, language: 'en' | 'fr'): string =>
  language === 'fr'
    ? items.replace(/(\d)\(/gu, '$1 (').replace(/\(([a-z])\)/gu, '$1)').replace(/\s+and\s+/gu, ' et ')
    : items.replace(/(^|[\s\d])([a-z])\)/gu, '$1($2)').replace(/(\d)\(/gu, '$1 (').replace(/\s+et\s+/gu, ' and ');

const EN: Furniture = {
  unitedNations: 'United Nations',
  distribution: 'Distr.: General',
  distributionLimited: 'Distr.: Limited',
  agendaItem: (i) => `Agenda ${/\D\s*\d/.test(i) || /and|et|,/.test(i) ? 'items' : 'item'} ${itemsIn(i, 'en')}`,
  yearSession: (y) => `${y} session`,
  adoptedBy: (o, on) => `Resolution adopted by ${o}${on ? `\non ${on}` : ''}`,
  annex: 'Annex',
  original: (o) => `Original: ${o === 'fr' ? 'French' : 'English'}`,
  draft: 'Draft: not agreed',
  page: (c, t) => `Page ${c} of ${t}`,
  compilation: 'Compilation text',
  columns: { by: 'Proposed by', proposal: 'Proposal', supporters: 'Supported by', opponents: 'Opposed by', decision: 'Decision' },
  noProposals: 'No proposals.',
  changes: (b, t) => `Changes from ${b} to ${t}`,
};

const FR: Furniture = {
  unitedNations: 'Nations Unies',
  distribution: 'Distr. générale',
  distributionLimited: 'Distr. limitée',
  agendaItem: (i) => `Point${/\D\s*\d/.test(i) || /and|et|,/.test(i) ? 's' : ''} ${itemsIn(i, 'fr')} de l’ordre du jour`,
  yearSession: (y) => `Session de ${y}`,
  adoptedBy: (o, on) => `Résolution adoptée par ${o}${on ? `\nle ${on}` : ''}`,
  annex: 'Annexe',
  original: (o) => `Original : ${o === 'fr' ? 'français' : 'anglais'}`,
  draft: 'Projet : non agréé',
  page: (c, t) => `Page ${c} sur ${t}`,
  compilation: 'Texte de compilation',
  columns: { by: 'Proposé par', proposal: 'Proposition', supporters: 'Appuyée par', opponents: 'Contestée par', decision: 'Décision' },
  noProposals: 'Aucune proposition.',
  changes: (b, t) => `Modifications de ${b} à ${t}`,
};

/** The furniture words in English or French. */
export function furniture(language: 'en' | 'fr'): Furniture {
  return language === 'fr' ? FR : EN;
}
