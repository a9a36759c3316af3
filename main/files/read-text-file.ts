import fs from 'node:fs/promises';
import path from 'node:path';
import { looksLikeMarkdown } from '../../shared/import/readable';

/**
 * Reads a .txt or .md text to import. A .docx needs cli/read-source.ts's reader, which main/ may not
 * import; until that reader moves to a layer main/ can use, the app asks for a .txt or .md instead.
 */
export async function readTextFile(filePath: string): Promise<{ text: string; format: 'txt' | 'md' }> {
  const ext = path.extname(filePath).toLowerCase();
  if (ext === '.docx') throw new Error('importing a Word document is not available in this build of the app yet; save it as .txt or .md, or use `penholder import`.');
  if (!['.txt', '.md', '.markdown', ''].includes(ext)) throw new Error(`unknown file type "${ext}" (the app imports .txt and .md).`);
  const text = await fs.readFile(filePath, 'utf8');
  return { text, format: ext === '.md' || ext === '.markdown' || looksLikeMarkdown(text) ? 'md' : 'txt' };
}
