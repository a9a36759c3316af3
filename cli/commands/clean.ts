import { parseArgs } from 'node:util';
import type { Command } from '../command';
import { CliError } from '../cli-error';
import { loadNegotiation } from '../load-negotiation';
import { cleanText } from '../../shared/model/clean-text';
import { formatCleanText, type TextFormat } from '../../shared/model/clean-format';
import { CommandRefused } from '../../shared/model/command-refused';

const FORMATS: TextFormat[] = ['txt', 'md', 'html'];

/** `penholder clean`: the text for adoption, or a draft with its brackets and labels. */
export const cleanCommand: Command = {
  summary: 'Print the clean text for adoption (refuses while text is bracketed or proposals are open)',
  usage: [
    'penholder clean NEGOTIATION.penholder|FILE [--format txt|md|html] [--revision N] [--draft]',
    '',
    '  --format    txt (default), md or html',
    '  --revision  the text of revision N (0 is the zero draft) instead of the current text',
    '  --draft     print the text with its brackets and working labels even when it is not clean',
  ].join('\n'),
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'txt' }, revision: { type: 'string' }, draft: { type: 'boolean', default: false } } });
    const [path] = positionals;
    if (!path) throw new CliError('name a negotiation (.penholder) or a text file; see --help', 2);
    const format = values.format as TextFormat;
    if (!FORMATS.includes(format)) throw new CliError(`unknown format "${values.format}"; use ${FORMATS.join(', ')}`, 2);
    const revision = values.revision === undefined ? undefined : Number(values.revision);
    if (revision !== undefined && !Number.isInteger(revision)) throw new CliError(`--revision takes a number, not "${values.revision}"`, 2);
    const negotiation = await loadNegotiation(path);
    try {
      process.stdout.write(formatCleanText(cleanText(negotiation, { ...(revision !== undefined ? { revision } : {}), draft: values.draft }), format));
    } catch (error) {
      if (error instanceof CommandRefused) throw new CliError(error.message, 3);
      throw error;
    }
  },
};
