import { parseArgs } from 'node:util';
import type { Command } from '../command';
import { CliError } from '../cli-error';
import { loadNegotiation } from '../load-negotiation';
import { cleanText } from '../../shared/model/clean-text';
import { formatCleanText, type TextFormat } from '../../shared/model/clean-format';
import { CommandRefused } from '../../shared/model/command-refused';
import { exportForCli } from '../export-for-cli';
import type { ExportFormat } from '../../shared/export/export-bytes';

const FORMATS: (TextFormat | ExportFormat)[] = ['txt', 'md', 'html', 'docx', 'pdf', 'akn'];
const FILE_FORMATS: string[] = ['docx', 'pdf', 'akn'];

/** `penholder clean`: the text for adoption, or a draft with its brackets and labels. */
export const cleanCommand: Command = {
  summary: 'Print the clean text for adoption (refuses while text is bracketed or proposals are open)',
  usage: [
    'penholder clean NEGOTIATION.penholder|FILE [--format txt|md|html|docx|pdf|akn] [--out FILE] [--revision N] [--draft] [--base N|original] [--language en|fr]',
    '',
    '  --format    txt (default), md, html; docx (UN layout), pdf (printed by the local Chromium), akn (Akoma Ntoso XML)',
    '  --out       the file to write (needed for docx, pdf and akn)',
    '  --base      with docx, pdf or html: tracked changes against revision N (0 is the zero draft), or the original imported text',
    '  --language  en or fr: the language of the document furniture (default: the text\'s)',
    '  --revision  the text of revision N (0 is the zero draft) instead of the current text',
    '  --draft     print the text with its brackets and working labels even when it is not clean',
  ].join('\n'),
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'txt' }, revision: { type: 'string' }, draft: { type: 'boolean', default: false }, out: { type: 'string' }, base: { type: 'string' }, language: { type: 'string' } } });
    const [path] = positionals;
    if (!path) throw new CliError('name a negotiation (.penholder) or a text file; see --help', 2);
    const format = values.format as TextFormat | ExportFormat;
    if (!FORMATS.includes(format)) throw new CliError(`unknown format "${values.format}"; use ${FORMATS.join(', ')}`, 2);
    const revision = values.revision === undefined ? undefined : Number(values.revision);
    if (revision !== undefined && !Number.isInteger(revision)) throw new CliError(`--revision takes a number, not "${values.revision}"`, 2);
    const base = values.base === undefined || values.base === 'original' ? values.base : Number(values.base);
    if (base !== undefined && base !== 'original' && !Number.isInteger(base)) throw new CliError(`--base takes a revision number or "original", not "${values.base}"`, 2);
    if (values.language !== undefined && values.language !== 'en' && values.language !== 'fr') throw new CliError(`--language takes en or fr, not "${values.language}"`, 2);
    const negotiation = await loadNegotiation(path);
    if (FILE_FORMATS.includes(format) || base !== undefined) {
      if (!values.out) throw new CliError(`--format ${format} writes a file: name it with --out`, 2);
      const kind = base !== undefined ? 'redline' : 'clean';
      const bytes = await exportForCli(negotiation, { kind, format: format as ExportFormat, out: values.out, draft: values.draft, revision, base, language: values.language as 'en' | 'fr' | undefined });
      process.stderr.write(`wrote ${values.out} (${bytes} bytes)\n`);
      return;
    }
    try {
      process.stdout.write(formatCleanText(cleanText(negotiation, { ...(revision !== undefined ? { revision } : {}), draft: values.draft }), format as TextFormat));
    } catch (error) {
      if (error instanceof CommandRefused) throw new CliError(error.message, 3);
      throw error;
    }
  },
};
