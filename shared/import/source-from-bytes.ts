import { strFromU8, unzipSync } from 'fflate';
import { docxToMarkdown } from './docx-markdown';
import { ImportError } from './imported-text';
import { looksLikeMarkdown } from './readable';

/** The file types the importer reads. */
export const IMPORT_EXTENSIONS = ['.txt', '.md', '.markdown', '.docx'];

/** Reads a .docx: its main document, footnotes and numbering, as Markdown the importer understands. */
function docxText(name: string, bytes: Uint8Array): string {
  let files: Record<string, Uint8Array>;
  try {
    const wanted = ['word/document.xml', 'word/footnotes.xml', 'word/numbering.xml', 'word/styles.xml'];
    files = unzipSync(bytes, { filter: (f) => wanted.includes(f.name) });
  } catch {
    throw new ImportError('not a readable .docx (the zip archive is damaged)', name, null);
  }
  const part = (path: string): string | undefined => {
    const data = files[path];
    return data ? strFromU8(data) : undefined;
  };
  const document = part('word/document.xml');
  if (!document) throw new ImportError('not a Word document (no word/document.xml)', name, null);
  return docxToMarkdown({
    document, footnotes: part('word/footnotes.xml'), numbering: part('word/numbering.xml'), styles: part('word/styles.xml'),
  });
}

/**
 * The text to import from a file's bytes: .txt and .md as UTF-8 (a .txt holding Markdown is read as
 * Markdown), .docx as Markdown. Works wherever the bytes come from: a file, a drop, an upload.
 */
export function sourceFromBytes(name: string, bytes: Uint8Array): { text: string; format: 'txt' | 'md' } {
  const ext = /\.[^./\\]+$/.exec(name)?.[0].toLowerCase() ?? '';
  if (ext === '.pdf') throw new ImportError('unknown file type ".pdf" here (the desktop app and `penholder import` read PDF; here, import its .docx or text)', name, null);
  if (ext !== '' && !IMPORT_EXTENSIONS.includes(ext)) throw new ImportError(`unknown file type "${ext}" (import reads .txt, .md and .docx)`, name, null);
  if (ext === '.docx') return { text: docxText(name, bytes), format: 'md' };
  const text = strFromU8(bytes);
  return { text, format: ext === '.md' || ext === '.markdown' || looksLikeMarkdown(text) ? 'md' : 'txt' };
}
