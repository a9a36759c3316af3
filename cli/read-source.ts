import { CliError } from './cli-error';
import { readSourceFile } from '../main/files/read-source-file';

/**
 * Reads a file to import: .txt and .md as UTF-8 text (a .txt holding Markdown is read as Markdown), .docx as
 * Markdown. Throws CliError naming the file.
 */
export async function readSource(path: string): Promise<{ text: string; format: 'txt' | 'md' }> {
  try {
    return await readSourceFile(path);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
}
