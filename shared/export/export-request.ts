import { formatInlineCompilation, inlineCompilation } from './inline-compilation';
import { redline } from './redline';
import { redlineHtml } from './redline-html';
import { formatCleanText } from '../model/clean-format';
import { cleanText } from '../model/clean-text';
import { compilation, formatCompilation } from '../model/compilation';
import type { Negotiation } from '../model/negotiation';

/** What to export: the clean text (or a draft), the compilation text, or a redline against a base revision. */
export interface ExportRequest {
  kind: 'clean' | 'compilation' | 'redline';
  /** For the clean text: a draft keeps brackets and working labels instead of refusing. */
  draft?: boolean;
  /** For the clean text: an issued revision instead of the current text. For a redline: the target. */
  revision?: number;
  /** For a redline: the revision compared against (default: the zero draft, or the original imported text before one is issued). */
  base?: number | 'original';
  /** The language of the document's furniture (Distr., page numbers); defaults to the text's own. */
  language?: 'en' | 'fr';
  /** For the compilation text: a table per paragraph (default), or proposals inline at their place, as read on screen in the room. */
  layout?: 'table' | 'inline';
  /** The agenda item(s) printed in a Word document's masthead ("111", "12 and 118"); empty: none; absent: the imported text's. */
  agendaItem?: string | null;
}

/**
 * The document as one self-contained HTML page: the same page the app's print preview shows and PDF
 * exports print. Refuses (CommandRefused) with the open items when a clean text is not clean.
 */
export function exportHtml(negotiation: Negotiation, request: ExportRequest): string {
  switch (request.kind) {
    case 'clean':
      return formatCleanText(cleanText(negotiation, { revision: request.revision, draft: request.draft }), 'html');
    case 'compilation':
      if (request.layout === 'inline') return formatInlineCompilation(negotiation, inlineCompilation(negotiation), 'html', request.language);
      return formatCompilation(negotiation, compilation(negotiation), 'html');
    case 'redline':
      return redlineHtml(redline(negotiation, request.base, request.revision ?? 'current'));
  }
}
