/** Something that keeps a paragraph, or the text, from being clean: brackets, alternatives, open proposals, a pending ad ref. */
export interface OpenItem {
  kind: 'brackets' | 'alternative' | 'proposal' | 'adref';
  label: string;
  reason: string;
  /** The paragraph it is in, when it is in one (an open new-paragraph proposal is in none). */
  paragraphId?: string;
}
