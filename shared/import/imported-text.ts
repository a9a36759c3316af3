/**
 * What the importer found in a UN text, before it becomes a negotiation. This is also the exact shape
 * that `penholder import FILE --json` prints (extra fields are allowed; these are required).
 */

/** The kind of document the importer recognised. */
export type ImportedForm = 'resolution' | 'declaration' | 'report' | 'draft';

/** A sub-item: (a), (b) in English, a), b) in French; (i), (ii) below them. */
export interface ImportedItem {
  /** The label as printed, without punctuation: "a", "ii". */
  label: string;
  /** The item's text on one line, without its label. */
  text: string;
  /** Nested sub-items, such as (i) under (a). */
  items?: ImportedItem[];
}

/** A preambular paragraph, opening with its italic lead ("Rappelant", "Recalling also"). */
export interface ImportedPreambular {
  lead: string | null;
  /**
   * The paragraph on one line, lead included: the whole paragraph when it has no sub-items, else only its
   * chapeau (the words before its first sub-item), the sub-items being in `items`.
   */
  text: string;
  items: ImportedItem[];
  /** Footnote marks referenced from this paragraph, in order: the body's, then its sub-items'. */
  footnotes?: string[];
  /** Where the body's marks stand in `text` (the offset of the word each follows), parallel to the first of `footnotes`. */
  footnoteOffsets?: number[];
}

/** An operative paragraph ("1. Décide ..."), or a numbered paragraph of a report. */
export interface ImportedOperative {
  /** The number as printed, without the full stop; null for a single unnumbered operative paragraph. */
  number: string | null;
  lead: string | null;
  /** The paragraph on one line without its number: its chapeau when it has sub-items. */
  text: string;
  items: ImportedItem[];
  footnotes?: string[];
  footnoteOffsets?: number[];
  /** The heading the paragraph stands under, where the document has headings. */
  heading?: string | null;
  /** Every heading set since the previous paragraph, in order, when there are several ("III. …", "A. …", "Option 1"). */
  headings?: string[];
  /** The draft resolution this paragraph recommends to another organ, held in it (ECOSOC: "Recommends to the General Assembly the adoption of the following draft resolution:"). */
  draft?: ImportedDraft;
}

/** A draft resolution held in the paragraph of another organ's text that recommends its adoption. */
export interface ImportedDraft {
  /** "The General Assembly" / "L'Assemblée générale", without the trailing comma. */
  organ: string;
  preamble: ImportedPreambular[];
  /** Numbered from 1, on their own. */
  operative: ImportedOperative[];
}

/** A numbered paragraph of an annexed declaration. */
export interface ImportedAnnexParagraph {
  number: string | null;
  text: string;
  items: ImportedItem[];
  footnotes?: string[];
  footnoteOffsets?: number[];
  heading?: string | null;
  headings?: string[];
}

/** An annex, such as the declaration annexed to an endorsing resolution. */
export interface ImportedAnnex {
  title: string;
  /** "We, Heads of State and Government ...", when the annex opens with one. */
  chapeau: string | null;
  paragraphs: ImportedAnnexParagraph[];
}

/** A footnote with its body attached. */
export interface ImportedFootnote {
  mark: string;
  text: string;
}

/** The importer's result. */
export interface ImportedText {
  form: ImportedForm;
  /** "en" or "fr". */
  language: 'en' | 'fr';
  symbol: string | null;
  title: string;
  /** "The General Assembly" / "L'Assemblée générale", without the trailing comma. */
  organ: string | null;
  preamble: ImportedPreambular[];
  operative: ImportedOperative[];
  annexes: ImportedAnnex[];
  headings: string[];
  footnotes: ImportedFootnote[];
  /** The closing lines: meeting and date ("73e séance plénière, 7 juin 2021"). */
  closing: string | null;
  /** The agenda item(s) the title block names ("107", "12 and 118"), for the masthead of what is exported. */
  agendaItem?: string | null;
}

/** Raised when the importer cannot read its input; names the source and the line. */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly source: string,
    readonly line: number | null,
  ) {
    super(line == null ? `${source}: ${message}` : `${source}:${line}: ${message}`);
    this.name = 'ImportError';
  }
}
