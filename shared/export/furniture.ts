/** The fixed words around a UN document, in the export's language. */
export interface Furniture {
  unitedNations: string;
  distribution: string;
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

const EN: Furniture = {
  unitedNations: 'United Nations',
  distribution: 'Distr.: General',
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
