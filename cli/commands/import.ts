import { readFile, rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { importText } from '../../shared/import/import-text';
import { ImportError } from '../../shared/import/imported-text';
import type { ImportedText } from '../../shared/import/imported-text';
import { CliError } from '../cli-error';
import type { Command } from '../command';
import { readSource } from '../read-source';
import { writeNegotiationFile } from '../write-negotiation-file';
import { negotiationFromImport } from '../../shared/model/from-import';
import { decodePenholderFile } from '../../shared/model/penholder-file';

const usage = `Usage: penholder import FILE [--json] [--out FILE.penholder]

Reads a UN resolution, draft, report or declaration (.txt, .md, .docx or .pdf; English or French; a bracketed
draft with options) and prints its structure: symbol, title, organ, agenda item, preambular and operative
paragraphs, headings, annexes, footnotes.

  FILE               the text to import
  --json             print the whole structure as JSON
  --out FILE.penholder  write the text as a new negotiation (its zero state) to that file`;

function parseArgs(args: string[]): { file: string; json: boolean; out: string | null } {
  let file: string | null = null;
  let json = false;
  let out: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--json') json = true;
    else if (arg === '--out') {
      out = args[++i] ?? null;
      if (!out) throw new CliError('--out needs a file name ending in .penholder', 2);
    } else if (arg.startsWith('-')) throw new CliError(`unknown option ${arg}\n\n${usage}`, 2);
    else if (file) throw new CliError(`one FILE only (got ${file} and ${arg})`, 2);
    else file = arg;
  }
  if (!file) throw new CliError(`FILE is missing\n\n${usage}`, 2);
  return { file, json, out };
}

/** A short human summary of what was imported. */
function summary(t: ImportedText): string {
  const annexed = t.annexes.reduce((n, a) => n + a.paragraphs.length, 0);
  return [
    `${t.symbol ?? '(no symbol)'}  ${t.form}, ${t.language}`,
    t.title ? `Title: ${t.title}` : null,
    t.organ ? `Organ: ${t.organ}` : null,
    t.agendaItem ? `Agenda item: ${t.agendaItem}` : null,
    `Preambular paragraphs: ${t.preamble.length}`,
    `Operative paragraphs: ${t.operative.length}`,
    ...t.operative.flatMap((p) => (p.draft ? [`Draft resolution recommended in it: ${p.draft.organ}, ${p.draft.preamble.length} preambular and ${p.draft.operative.length} operative paragraphs`] : [])),
    t.annexes.length ? `Annexes: ${t.annexes.length} (${annexed} paragraphs)` : null,
    t.headings.length ? `Headings: ${t.headings.length}` : null,
    `Footnotes: ${t.footnotes.length}`,
    t.closing ? `Closing: ${t.closing}` : null,
  ].filter((l) => l !== null).join('\n');
}

/** The paragraphs a negotiation holds, by kind, as the import reports them. */
function paragraphCounts(kinds: string[]): { preambular: number; operative: number; declaration: number } {
  const count = (kind: string): number => kinds.filter((k) => k === kind).length;
  return { preambular: count('preambular'), operative: count('operative'), declaration: count('declaration') };
}

/**
 * Turns the imported text into a negotiation saved as a `.penholder` file, then reads the file back as
 * `penholder clean` does: either it holds every paragraph the import reports, or it is removed and the
 * import fails saying why. A text without a title (a report's extract, a draft without its title block) takes
 * its symbol or the file's name as the negotiation's title.
 */
async function writeNegotiation(imported: ImportedText, file: string, path: string): Promise<string | null> {
  const fallback = imported.title ? null : imported.symbol ?? basename(file).replace(/\.[^.]+$/u, '');
  await writeNegotiationFile(negotiationFromImport(imported, fallback ? { title: fallback } : {}), path);
  // A recommended draft resolution's paragraphs are the negotiation's; the paragraph that holds it is not numbered.
  const drafts = imported.operative.flatMap((p) => (p.draft ? [p.draft] : []));
  const want = {
    preambular: imported.preamble.length + drafts.reduce((n, d) => n + d.preamble.length, 0),
    operative: imported.operative.length - drafts.length + drafts.reduce((n, d) => n + d.operative.length, 0),
    declaration: imported.annexes.reduce((n, a) => n + a.paragraphs.length, 0),
  };
  let got: typeof want;
  try {
    const written = decodePenholderFile(await readFile(path, 'utf8'));
    got = paragraphCounts(written.table.paragraphs().map((p) => p.kind));
  } catch (error) {
    await rm(path, { force: true });
    throw new CliError(`${path}: the negotiation written cannot be read back (${(error as Error).message}); nothing was kept`);
  }
  if (got.preambular !== want.preambular || got.operative !== want.operative || got.declaration !== want.declaration) {
    await rm(path, { force: true });
    throw new CliError(`${path}: the negotiation written holds ${got.preambular}/${got.operative}/${got.declaration} ` +
      `preambular/operative/declaration paragraphs where the import found ${want.preambular}/${want.operative}/` +
      `${want.declaration}; nothing was kept. Please report this text.`);
  }
  return fallback;
}

/** `penholder import FILE [--json] [--out NEGOTIATION]`. */
export const importCommand: Command = {
  summary: 'Read a UN resolution, report or declaration (.txt, .md, .docx, .pdf) into its structure',
  usage,
  async run(args) {
    const { file, json, out } = parseArgs(args);
    const { text, format } = await readSource(file);
    let imported: ImportedText;
    try {
      imported = importText(text, { source: file, format });
    } catch (error) {
      if (error instanceof ImportError) throw new CliError(error.message);
      throw error;
    }
    const fallback = out ? await writeNegotiation(imported, file, out) : null;
    console.log(json ? JSON.stringify(imported, null, 2) : summary(imported));
    if (fallback && !json) console.log(`The text has no title: the negotiation is titled "${fallback}" (change it in the app).`);
    return 0;
  },
};
