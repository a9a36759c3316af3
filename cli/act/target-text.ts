import type { Negotiation } from '../../shared/model/negotiation';
import { currentLabels } from '../../shared/model/queries';
import { flatText } from '../../shared/text/rich-text';
import { CliError } from '../cli-error';

/** A paragraph named on the command line by its label ("OP5 bis", "pp3") or its permanent id. */
export function paragraphByLabel(negotiation: Negotiation, label: string): string {
  const wanted = label.trim().replace(/\s+/g, ' ').toLowerCase();
  if (negotiation.table.paragraph(label.trim())) return label.trim();
  for (const [id, l] of currentLabels(negotiation)) if (l.toLowerCase() === wanted) return id;
  throw new CliError(`there is no paragraph "${label}"; \`show\` lists the labels (PP1, OP3 bis …)`, 1);
}

/**
 * Where quoted words stand in a paragraph's flat text (the offsets commands take). They must stand there
 * exactly once: a script must never amend words it did not mean.
 */
export function locateWords(negotiation: Negotiation, paragraphId: string, words: string, label: string): { from: number; to: number } {
  const text = flatText(negotiation.table.paragraph(paragraphId)!.text);
  if (!words) throw new CliError('--words must quote at least one character of the paragraph', 2);
  const first = text.indexOf(words);
  if (first < 0) throw new CliError(`${label} does not contain "${words}"; quote its words exactly (\`show\` prints them)`, 1);
  if (text.indexOf(words, first + 1) >= 0) throw new CliError(`"${words}" appears more than once in ${label}; quote more words so that they stand once`, 1);
  return { from: first, to: first + words.length };
}
