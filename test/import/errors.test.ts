import { describe, expect, it } from 'vitest';
import { importText } from '../../shared/import/import-text';
import { ImportError } from '../../shared/import/imported-text';

function failure(text: string): ImportError {
  try {
    importText(text, { source: 'doc.txt' });
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('importText did not throw');
}

describe('importText refuses what it cannot read', () => {
  it('an empty file', () => {
    const e = failure('  \n\n \n');
    expect(e.message).toBe('doc.txt: the file is empty');
    expect(e.source).toBe('doc.txt');
  });
  it('a file with only a source line', () => {
    expect(failure('source: https://example.org/x.pdf\n').message).toMatch(/empty/u);
  });
  it('binary content, naming the line', () => {
    const e = failure('The General Assembly,\n\u0000\u0001\u0002PK\u0003\u0004garbage');
    expect(e.message).toMatch(/^doc\.txt:2: this is not text/u);
    expect(e.line).toBe(2);
  });
  it('text with no paragraphs', () => {
    const e = failure('Just a note to self\nabout lunch\n');
    expect(e.message).toMatch(/^doc\.txt:1: no paragraphs found/u);
  });
});
