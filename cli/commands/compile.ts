import { parseArgs } from 'node:util';
import type { Command } from '../command';
import { CliError } from '../cli-error';
import { exportForCli } from '../export-for-cli';
import { loadNegotiation } from '../load-negotiation';
import { compilation, formatCompilation } from '../../shared/model/compilation';

/** `penholder compile`: the compilation text, every proposal with its authors and decision. */
export const compileCommand: Command = {
  summary: 'Print the compilation text: every proposal on each paragraph, its authors, supporters and decision',
  usage: ['penholder compile NEGOTIATION.penholder|FILE [--format md|html|docx|pdf|akn] [--out FILE]', '', '  --format  md (default), html; docx (a table per paragraph), pdf (local Chromium), akn (Akoma Ntoso amendmentList)', '  --out     the file to write (needed for docx, pdf and akn)'].join('\n'),
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'md' }, out: { type: 'string' }, language: { type: 'string' } } });
    const [path] = positionals;
    if (!path) throw new CliError('name a negotiation (.penholder) or a text file; see --help', 2);
    const format = values.format ?? 'md';
    if (format === 'docx' || format === 'pdf' || format === 'akn') {
      if (!values.out) throw new CliError(`--format ${format} writes a file: name it with --out`, 2);
      const language = values.language === 'fr' || values.language === 'en' ? values.language : undefined;
      const bytes = await exportForCli(await loadNegotiation(path), { kind: 'compilation', format, out: values.out, language });
      process.stderr.write(`wrote ${values.out} (${bytes} bytes)\n`);
      return;
    }
    if (values.format !== 'md' && values.format !== 'html') throw new CliError(`unknown format "${values.format}"; use md, html, docx, pdf or akn`, 2);
    const negotiation = await loadNegotiation(path);
    process.stdout.write(formatCompilation(negotiation, compilation(negotiation), values.format));
  },
};
