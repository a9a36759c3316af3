import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { footnoteOffsets } from '../../shared/export/footnote-offsets';
import { importText } from '../../shared/import/import-text';
import { negotiationFromImport } from '../../shared/model/from-import';
import { currentText } from '../../shared/model/revision-commands';

const corpus = fileURLToPath(new URL('../fixtures/import/corpus/dev/', import.meta.url));

describe('footnote marks keep their place from the import to the negotiation', () => {
  // A/RES/80/9, annex, paragraph 4: "… Organized Crime 5 and the Protocol … Organized Crime,6 taking …".
  const t = importText(readFileSync(`${corpus}ga-pdf-80-9.txt`, 'utf8'), { source: 'ga-pdf-80-9.txt' });
  const covenant = t.annexes[0]?.paragraphs[3];

  it('gives each mark the offset of the word it follows ("Crime 5 and", "Crime,6 taking")', () => {
    expect(covenant?.footnotes).toEqual(['5', '6']);
    const before = (k: number): string => covenant?.text.slice(0, covenant.footnoteOffsets?.[k]) ?? '';
    expect(before(0)).toMatch(/Transnational Organized Crime$/u);
    expect(before(1)).toMatch(/Transnational Organized Crime,$/u);
    expect(covenant?.text).toContain('Transnational Organized Crime and the Protocol');
  });
  it('puts the marks at their words in the paragraph\'s rich text, where the clean text and exports read them', () => {
    const negotiation = negotiationFromImport(t);
    const paragraph = currentText(negotiation).find((p) => p.kind === 'declaration' && JSON.stringify(p.text).includes('crucial importance of universal ratification'));
    expect(paragraph).toBeDefined();
    expect(footnoteOffsets(paragraph!.text)).toEqual(covenant?.footnoteOffsets);
  });
});
