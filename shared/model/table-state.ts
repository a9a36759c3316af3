import type { ParagraphKind, ParagraphStatus } from './paragraph';
import type { RichTextJSON } from '../text/schema';

/** A negotiation's metadata. */
export interface NegotiationMeta {
  title: string;
  symbol: string | null;
  /** A report keeps its own punctuation; resolutions and declarations follow the drafting rules. */
  form: 'resolution' | 'declaration' | 'report';
  language: 'en' | 'fr';
  /** "The General Assembly" / "L'Assemblée générale". */
  organ: string | null;
  /** Closing lines of an adopted text, if any. */
  closing: string | null;
  /** Target length in words ("brief and concise"); null when none is set. */
  targetWords: number | null;
  createdAt: string;
  /** Key dates by name: "adoption", "high-level meeting". */
  dates: Record<string, string>;
  /** The agenda item(s) of the imported text ("107", "12 and 118"), printed in an export's masthead. */
  agendaItem?: string | null;
}

/** A paragraph as frozen in a revision. */
export interface FrozenParagraph {
  id: string;
  label: string;
  kind: ParagraphKind;
  status: ParagraphStatus;
  text: RichTextJSON;
}

/** A revision: the zero draft, Rev.1, Rev.2 …, frozen with its date and note. */
export interface Revision {
  /** 0 for the zero draft, then 1, 2 … */
  number: number;
  name: string;
  issuedAt: string;
  note: string | null;
  paragraphs: FrozenParagraph[];
  footnotes: Record<string, string>;
}

/**
 * The silence procedure: the text under silence, its deadline and its outcome. It passes only at its
 * deadline with no objection; broken by an objection; closed before its deadline without one, it is withdrawn.
 * `keptOpen`: the paragraphs the co-facilitators confirmed stay open (they held open items when silence
 * opened): passing adopts none of them.
 */
export type Silence =
  | { state: 'none' }
  | { state: 'open'; id: string; revision: number; openedAt: string; deadline: string; keptOpen?: string[] }
  | { state: 'passed' | 'broken' | 'withdrawn'; id: string; revision: number; openedAt: string; deadline: string; closedAt: string; note: string | null; keptOpen?: string[] };
