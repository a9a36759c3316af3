import type { RichTextJSON } from '../text/schema';

/** What a paragraph is in the document's structure. */
export type ParagraphKind = 'preambular' | 'operative' | 'declaration' | 'heading' | 'chapeau' | 'annex-title';

/** A paragraph's status. Agreed text is not reopened without an explicit decision of the co-facilitators. */
export type ParagraphStatus =
  | { state: 'open' }
  | { state: 'adref'; pending: string[]; deadline: string | null }
  | { state: 'agreed' }
  | { state: 'deleted'; inEpoch: number };

/** A paragraph as read from the table document. */
export interface Paragraph {
  /** Permanent id: every reference uses it, so renumbering never breaks one. */
  id: string;
  kind: ParagraphKind;
  status: ParagraphStatus;
  /** The epoch (number of revisions issued) when it was added; added after the last revision → "bis". */
  addedInEpoch: number;
  /** The paragraph this one is an alternative wording of ("OP6 Alt 1"), if any. */
  alternativeOf: string | null;
  /** The proposal that created it, as `delegationId/proposalId`, if any. */
  fromProposal: string | null;
  text: RichTextJSON;
}

/** Which numbered series a kind belongs to. */
export function isNumbered(kind: ParagraphKind): boolean {
  return kind === 'preambular' || kind === 'operative' || kind === 'declaration';
}
