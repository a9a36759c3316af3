import fs from 'node:fs/promises';
import { sourceFromBytes } from '../../shared/import/source-from-bytes';

/** Reads a text to import from a file (.txt, .md or .docx); errors name the file and what to do. */
export async function readSourceFile(filePath: string): Promise<{ text: string; format: 'txt' | 'md' }> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`${filePath}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? String(error)})`}`);
  }
  return sourceFromBytes(filePath, bytes);
}
