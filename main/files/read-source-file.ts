import fs from 'node:fs/promises';
import { pdfToMarkdown } from '../../shared/import/pdf-layout';
import { sourceFromBytes } from '../../shared/import/source-from-bytes';
import { pdfPages } from './pdf-pages';

/** Reads a text to import from a file (.txt, .md, .docx or .pdf); errors name the file and what to do. */
export async function readSourceFile(filePath: string): Promise<{ text: string; format: 'txt' | 'md' }> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`${filePath}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? String(error)})`}`);
  }
  if (/\.pdf$/iu.test(filePath)) {
    try {
      return { text: pdfToMarkdown(await pdfPages(bytes)), format: 'md' };
    } catch (error) {
      throw new Error(`${filePath}: ${(error as Error).message}`);
    }
  }
  return sourceFromBytes(filePath, bytes);
}
