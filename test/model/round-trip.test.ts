import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../../shared/import/import-text';
import type { ImportedItem } from '../../shared/import/imported-text';
import { cleanText } from '../../shared/model/clean-text';
import { formatCleanText } from '../../shared/model/clean-format';
import { negotiationFromImport } from '../../shared/model/from-import';
import type { CleanItem } from '../../shared/model/clean-text';

const seeds = resolve(__dirname, '../../../shared/seeds');
const truths = resolve(__dirname, '../../../shared/seeds-truth');

/** Words of a text, the final mark aside (the drafting rules may set it). */
const words = (text: string): string => text.replace(/\s*[,;.]\s*$/, '').split(/\s+/).filter(Boolean).join(' ');
const flatImported = (items: ImportedItem[]): string[] => items.flatMap((i) => [words(i.text), ...flatImported(i.items ?? [])]);
const flatClean = (items: CleanItem[]): string[] => items.flatMap((i) => [words(i.text), ...flatClean(i.items)]);

describe('import then clean gives back every seed, paragraph by paragraph, word for word', () => {
  for (const file of readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort()) {
    it(file, () => {
      const raw = readFileSync(join(seeds, file), 'utf8').replace(/^source: .*\n/, '');
      const imported = importText(raw, { source: file });
      const clean = cleanText(negotiationFromImport(imported));
      const numbered = clean.paragraphs.filter((p) => p.kind === 'preambular' || p.kind === 'operative' || p.kind === 'declaration');
      const original = [...imported.preamble, ...imported.operative, ...imported.annexes.flatMap((a) => a.paragraphs)];
      expect(numbered.map((p) => words(p.text))).toEqual(original.map((p) => words(p.text)));
      expect(numbered.map((p) => flatClean(p.items))).toEqual(original.map((p) => flatImported(p.items)));
      expect(clean.footnotes.map((f) => f.text)).toEqual(expect.arrayContaining(imported.footnotes.map((f) => f.text)));
      expect(clean.footnotes).toHaveLength(imported.footnotes.length);
      // The numbers come back as the original printed them.
      const truth = JSON.parse(readFileSync(join(truths, `${file}.json`), 'utf8')) as { operative: { number: string }[] };
      const operative = clean.paragraphs.filter((p) => p.kind === 'operative');
      if (imported.form !== 'report' && operative.length > 1) expect(operative.map((p) => p.number)).toEqual(truth.operative.map((t) => t.number));
      // Every paragraph is in the printed text, in order.
      const txt = formatCleanText(clean, 'txt');
      let at = 0;
      for (const p of numbered) {
        const found = txt.indexOf(p.text, at);
        expect(found, p.text.slice(0, 40)).toBeGreaterThanOrEqual(at);
        at = found;
      }
    });
  }
});
