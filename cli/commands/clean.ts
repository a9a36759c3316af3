import { parseArgs } from 'node:util';
import type { Command } from '../command';
import { CliError } from '../cli-error';
import { negotiationToExport, parseBase, parseLanguage, parseRevision, SOURCE_OPTIONS, SOURCE_USAGE } from '../export-arguments';
import { exportForCli, writeOut } from '../export-for-cli';
import type { ExportFormat } from '../../shared/export/export-bytes';
import { cleanText } from '../../shared/model/clean-text';
import { formatCleanText, type TextFormat } from '../../shared/model/clean-format';
import { CommandRefused } from '../../shared/model/command-refused';

const FORMATS: (TextFormat | ExportFormat)[] = ['txt', 'md', 'html', 'docx', 'pdf', 'akn'];
const FILE_FORMATS: string[] = ['docx', 'pdf', 'akn'];

/** `penholder clean`: the text for adoption, or a draft with its brackets and labels, or a redline. */
export const cleanCommand: Command = {
  summary: 'Print the clean text for adoption (refuses while text is bracketed or proposals are open)',
  usage: [
    'penholder clean (NEGOTIATION.penholder|FILE | --data DIR --negotiation ID) [--format txt|md|html|docx|pdf|akn] [--out FILE] [--revision N] [--draft] [--base N|original] [--language en|fr]',
    '',
    '  --format    txt (default), md, html; docx (UN layout), pdf (printed by the local Chromium), akn (Akoma Ntoso XML)',
    '  --base      tracked changes against revision N (0 is the zero draft), or the original imported text: docx (Word revisions), pdf or html',
    '  --revision  the text of revision N (0 is the zero draft) instead of the current text; with --base, the end of the changes',
    '  --draft     the text with its brackets and working labels even when it is not clean',
    ...SOURCE_USAGE,
  ].join('\n'),
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...SOURCE_OPTIONS, revision: { type: 'string' }, draft: { type: 'boolean', default: false }, base: { type: 'string' } } });
    const format = (values.format ?? 'txt') as TextFormat | ExportFormat;
    if (!FORMATS.includes(format)) throw new CliError(`unknown format "${values.format}"; use ${FORMATS.join(', ')}`, 2);
    const revision = parseRevision(values.revision);
    const base = parseBase(values.base);
    const language = parseLanguage(values.language);
    if (base !== undefined && (format === 'txt' || format === 'md')) throw new CliError(`--base makes tracked changes: use --format docx, pdf or html, not ${format}`, 2);
    if ((FILE_FORMATS.includes(format) || base !== undefined) && !values.out) throw new CliError(`--format ${format} writes a file: name it with --out`, 2);
    const negotiation = await negotiationToExport(values, positionals);
    if (values.out && format !== 'txt' && format !== 'md') {
      const kind = base !== undefined ? 'redline' : 'clean';
      const bytes = await exportForCli(negotiation, { kind, format, out: values.out, draft: values.draft, revision, base, language, agendaItem: values['agenda-item'] ?? null });
      process.stderr.write(`wrote ${values.out} (${bytes} bytes)\n`);
      return;
    }
    let text: string;
    try {
      text = formatCleanText(cleanText(negotiation, { ...(revision !== undefined ? { revision } : {}), draft: values.draft }), format as TextFormat);
    } catch (error) {
      if (error instanceof CommandRefused) throw new CliError(error.message, 3);
      throw error;
    }
    if (values.out) process.stderr.write(`wrote ${values.out} (${await writeOut(values.out, text)} bytes)\n`);
    else process.stdout.write(text);
  },
};
