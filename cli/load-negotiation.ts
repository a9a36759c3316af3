import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { CliError } from './cli-error';
import { readSource } from './read-source';
import { importText } from '../shared/import/import-text';
import { negotiationFromImport } from '../shared/model/from-import';
import type { Negotiation } from '../shared/model/negotiation';
import { decodePenholderFile } from '../shared/model/penholder-file';

/**
 * Opens what a command names: a `.penholder` file, or a UN text (.txt, .md, .docx) imported on the fly
 * so that `penholder clean resolution.txt` works without an intermediate file.
 */
export async function loadNegotiation(path: string): Promise<Negotiation> {
  if (extname(path).toLowerCase() === '.penholder') {
    let content: string;
    try {
      content = await readFile(path, 'utf8');
    } catch (error) {
      throw new CliError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
    }
    try {
      return decodePenholderFile(content);
    } catch (error) {
      throw new CliError(`${path}: ${(error as Error).message}`);
    }
  }
  const source = await readSource(path);
  return negotiationFromImport(importText(source.text, { source: path, format: source.format }));
}
