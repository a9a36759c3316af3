import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { docxToMarkdown } from '../shared/import/docx-markdown';
import { looksLikeMarkdown } from '../shared/import/readable';
import { CliError } from './cli-error';

/** Reads a .docx: its main document, footnotes and numbering, as Markdown the importer understands. */
function readDocx(path: string, bytes: Uint8Array): string {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => ['word/document.xml', 'word/footnotes.xml', 'word/numbering.xml'].includes(f.name),
    });
  } catch {
    throw new CliError(`${path}: not a readable .docx (the zip archive is damaged)`);
  }
  const part = (name: string): string | undefined => {
    const data = files[name];
    return data ? strFromU8(data) : undefined;
  };
  const document = part('word/document.xml');
  if (!document) throw new CliError(`${path}: not a Word document (no word/document.xml)`);
  return docxToMarkdown({ document, footnotes: part('word/footnotes.xml'), numbering: part('word/numbering.xml') });
}

/**
 * Reads a file to import: .txt and .md as UTF-8 text (a .txt holding Markdown is read as Markdown), .docx as
 * Markdown. Throws CliError naming the file.
 */
export async function readSource(path: string): Promise<{ text: string; format: 'txt' | 'md' }> {
  const ext = extname(path).toLowerCase();
  if (!['.txt', '.md', '.markdown', '.docx', ''].includes(ext)) {
    throw new CliError(`${path}: unknown file type "${ext}" (import reads .txt, .md and .docx)`);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`${path}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? String(error)})`}`);
  }
  if (ext === '.docx') return { text: readDocx(path, bytes), format: 'md' };
  const text = new TextDecoder('utf-8').decode(bytes);
  return { text, format: ext === '.md' || ext === '.markdown' || looksLikeMarkdown(text) ? 'md' : 'txt' };
}
