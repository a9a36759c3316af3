import { parseArgs } from 'node:util';
import type { Command } from '../command';
import { CliError } from '../cli-error';
import { negotiationToExport, parseLanguage, SOURCE_OPTIONS, SOURCE_USAGE } from '../export-arguments';
import { exportForCli, writeOut } from '../export-for-cli';
import { compilation, formatCompilation } from '../../shared/model/compilation';

/** `penholder compile`: the compilation text, every proposal with its authors and decision. */
export const compileCommand: Command = {
  summary: 'Print the compilation text: every proposal on each paragraph, its authors, supporters and decision',
  usage: [
    'penholder compile (NEGOTIATION.penholder|FILE | --data DIR --negotiation ID) [--format md|html|docx|pdf|akn] [--out FILE] [--language en|fr]',
    '',
    '  --format  md (default), html; docx (a table per paragraph), pdf (local Chromium), akn (Akoma Ntoso amendmentList)',
    ...SOURCE_USAGE,
  ].join('\n'),
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: SOURCE_OPTIONS });
    const format = values.format ?? 'md';
    const language = parseLanguage(values.language);
    if (!['md', 'html', 'docx', 'pdf', 'akn'].includes(format)) throw new CliError(`unknown format "${format}"; use md, html, docx, pdf or akn`, 2);
    if ((format === 'docx' || format === 'pdf' || format === 'akn') && !values.out) throw new CliError(`--format ${format} writes a file: name it with --out`, 2);
    const negotiation = await negotiationToExport(values, positionals);
    if (format === 'docx' || format === 'pdf' || format === 'akn') {
      const bytes = await exportForCli(negotiation, { kind: 'compilation', format, out: values.out!, language, agendaItem: values['agenda-item'] ?? null });
      process.stderr.write(`wrote ${values.out} (${bytes} bytes)\n`);
      return;
    }
    const text = formatCompilation(negotiation, compilation(negotiation), format as 'md' | 'html');
    if (values.out) process.stderr.write(`wrote ${values.out} (${await writeOut(values.out, text)} bytes)\n`);
    else process.stdout.write(text);
  },
};
