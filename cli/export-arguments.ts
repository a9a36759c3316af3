import { CliError } from './cli-error';
import { loadNegotiation } from './load-negotiation';
import { loadServedNegotiation } from './load-served-negotiation';
import type { Negotiation } from '../shared/model/negotiation';

/** The options `penholder clean` and `penholder compile` share (node:util parseArgs form). */
export const SOURCE_OPTIONS = {
  data: { type: 'string' },
  postgres: { type: 'string' },
  negotiation: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  language: { type: 'string' },
  'agenda-item': { type: 'string' },
} as const;

/** The usage lines for those options. */
export const SOURCE_USAGE = [
  '  --data DIR        a negotiation a server holds: the server\'s data directory (with --negotiation ID)',
  '  --postgres URL    or the PostgreSQL database of a cluster of nodes (with --negotiation ID)',
  '  --negotiation ID  the negotiation\'s id in --data or --postgres (penholder negotiation create prints it)',
  '  --out FILE        the file to write (needed for docx, pdf and akn)',
  '  --language en|fr  the language of the document\'s furniture: masthead, page numbers (default: the text\'s)',
  '  --agenda-item X   the agenda item(s) printed in a DOCX masthead: "111", "12 and 118"',
];

/**
 * The negotiation a command names: a served one (`--data DIR` or `--postgres URL`, with `--negotiation ID`)
 * or a file (`.penholder`, or a UN text imported on the fly).
 */
export async function negotiationToExport(values: { data?: string; postgres?: string; negotiation?: string }, positionals: string[]): Promise<Negotiation> {
  const [path] = positionals;
  if (values.data || values.postgres) {
    if (path) throw new CliError(`name either a file (${path}) or --data/--postgres with --negotiation, not both`, 2);
    if (!values.negotiation) throw new CliError('--negotiation ID is required with --data or --postgres', 2);
    return loadServedNegotiation({ dataDir: values.data, postgres: values.postgres, negotiationId: values.negotiation });
  }
  if (values.negotiation) throw new CliError('--negotiation ID goes with --data DIR (or --postgres URL): which server\'s data holds it?', 2);
  if (!path) throw new CliError('name a negotiation (.penholder) or a text file, or --data DIR --negotiation ID; see --help', 2);
  return loadNegotiation(path);
}

/** `--language`: en, fr or absent. */
export function parseLanguage(value: string | undefined): 'en' | 'fr' | undefined {
  if (value !== undefined && value !== 'en' && value !== 'fr') throw new CliError(`--language takes en or fr, not "${value}"`, 2);
  return value;
}

/** `--revision N`: a revision number (0 is the zero draft) or absent. */
export function parseRevision(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(n)) throw new CliError(`--revision takes a number (0 is the zero draft), not "${value}"`, 2);
  return n;
}

/** `--base N|original`. */
export function parseBase(value: string | undefined): number | 'original' | undefined {
  if (value === undefined || value === 'original') return value;
  if (!/^\d+$/.test(value)) throw new CliError(`--base takes a revision number or "original", not "${value}"`, 2);
  return Number(value);
}
