/** Something that keeps a paragraph, or the text, from being clean: brackets, alternatives, open proposals, a pending ad ref. */
export interface OpenItem {
  kind: 'brackets' | 'alternative' | 'proposal' | 'adref';
  label: string;
  /** In the text's language (the command line and the exports print it). */
  reason: string;
  /** For an interface to say it in its own language: how many brackets; who proposed, or whose ad ref is pending. */
  count?: number;
  names?: string[];
  /** The paragraph it is in, when it is in one (an open new-paragraph proposal is in none). */
  paragraphId?: string;
}
