import { ImportError } from './imported-text';

/** Throws an ImportError naming the line when the input is empty or is not text (a binary file). */
export function assertReadable(text: string, source: string): void {
  if (!text.trim()) throw new ImportError('the file is empty', source, null);
  const bad = /[\u0000-\u0008\u000e-\u001f\ufffd]/gu;
  const found = text.match(bad)?.length ?? 0;
  if (found > 0 && (text.includes('\u0000') || found / text.length > 0.01 || text.startsWith('PK\u0003\u0004'))) {
    const at = text.search(bad);
    const line = text.slice(0, Math.max(0, at)).split('\n').length;
    throw new ImportError('this is not text (binary content); import .txt, .md or .docx', source, line);
  }
}

/** True when text looks like Markdown (italic leads, headings, `<sup>` footnotes). */
export function looksLikeMarkdown(text: string): boolean {
  const signs = text.match(/^#{1,6} |<sup>|^\*[^*\s][^*]*\*|^\d+\. \*[^*]+\*|\]\(/gmu)?.length ?? 0;
  return signs >= 3;
}
