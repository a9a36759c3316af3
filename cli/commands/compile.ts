import { parseArgs } from 'node:util';
import type { Command } from '../command';
import { CliError } from '../cli-error';
import { negotiationToExport, parseLanguage, SOURCE_OPTIONS, SOURCE_USAGE } from '../export-arguments';
import { exportForCli, writeOut } from '../export-for-cli';
import { formatInlineCompilation, inlineCompilation } from '../../shared/export/inline-compilation';
import { compilation, formatCompilation } from '../../shared/model/compilation';

/** `penholder compile`: the compilation text, every proposal with its authors and decision. */
export const compileCommand: Command = {
  summary: 'Print the compilation text: every proposal on each paragraph, its authors, supporters and decision',
  usage: [
    'penholder compile (NEGOTIATION.penholder|FILE | --data DIR --negotiation ID) [--format md|html|docx|pdf|akn] [--layout table|inline] [--out FILE] [--language en|fr]',
    '',
    '  --format  md (default), html; docx, pdf (local Chromium), akn (Akoma Ntoso amendmentList)',
    '  --layout  table (default): a table per paragraph; inline: open proposals in brackets at their place with',
    '            their authors and positions ("[and fully – Canada; supported by Australia]"), as read on screen in the room',
    ...SOURCE_USAGE,
  ].join('\n'),
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...SOURCE_OPTIONS, layout: { type: 'string' } } });
    const layout = values.layout ?? 'table';
    if (layout !== 'table' && layout !== 'inline') throw new CliError(`--layout takes table or inline, not "${layout}"`, 2);
    const format = values.format ?? 'md';
    const language = parseLanguage(values.language);
    if (!['md', 'html', 'docx', 'pdf', 'akn'].includes(format)) throw new CliError(`unknown format "${format}"; use md, html, docx, pdf or akn`, 2);
    if ((format === 'docx' || format === 'pdf' || format === 'akn') && !values.out) throw new CliError(`--format ${format} writes a file: name it with --out`, 2);
    const negotiation = await negotiationToExport(values, positionals);
    if (format === 'docx' || format === 'pdf' || format === 'akn') {
      const bytes = await exportForCli(negotiation, { kind: 'compilation', format, out: values.out!, language, layout, agendaItem: values['agenda-item'] ?? null });
      process.stderr.write(`wrote ${values.out} (${bytes} bytes)\n`);
      return;
    }
    const text = layout === 'inline' ? formatInlineCompilation(negotiation, inlineCompilation(negotiation), format as 'md' | 'html', language) : formatCompilation(negotiation, compilation(negotiation), format as 'md' | 'html');
    if (values.out) process.stderr.write(`wrote ${values.out} (${await writeOut(values.out, text)} bytes)\n`);
    else process.stdout.write(text);
  },
};
