import { parseArgs } from 'node:util';
import type { Command } from '../command';
import { CliError } from '../cli-error';
import { loadNegotiation } from '../load-negotiation';
import { compilation, formatCompilation } from '../../shared/model/compilation';

/** `penholder compile`: the compilation text, every proposal with its authors and decision. */
export const compileCommand: Command = {
  summary: 'Print the compilation text: every proposal on each paragraph, its authors, supporters and decision',
  usage: ['penholder compile NEGOTIATION.penholder|FILE [--format md|html]', '', '  --format  md (default) or html'].join('\n'),
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'md' } } });
    const [path] = positionals;
    if (!path) throw new CliError('name a negotiation (.penholder) or a text file; see --help', 2);
    if (values.format !== 'md' && values.format !== 'html') throw new CliError(`unknown format "${values.format}"; use md or html`, 2);
    const negotiation = await loadNegotiation(path);
    process.stdout.write(formatCompilation(negotiation, compilation(negotiation), values.format));
  },
};
