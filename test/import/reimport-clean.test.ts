import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importText } from '../../shared/import/import-text';
import type { ImportedItem, ImportedText } from '../../shared/import/imported-text';
import { formatCleanText } from '../../shared/model/clean-format';
import { cleanText } from '../../shared/model/clean-text';
import { negotiationFromImport } from '../../shared/model/from-import';

const seeds = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/import/', import.meta.url));

/** Words as a reader compares them: case, quotes, punctuation and footnote marks aside. */
function words(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´]/gu, "'")
    .replace(/[^\p{L}\p{N}\s'/[\]-]/gu, ' ')
    .split(/\s+/u)
    .filter(Boolean)
    .join(' ');
}

interface Shape {
  number: string | null;
  words: string;
  items: string;
  footnotes: number;
}

const itemShape = (items: ImportedItem[]): string =>
  items.map((i) => `${words(i.text)}${i.items?.length ? ` [${itemShape(i.items)}]` : ''}`).join(' | ');

/** What must survive a round trip through the clean text, paragraph by paragraph. */
function shape(t: ImportedText): Record<string, Shape[]> {
  type P = { number?: string | null; text: string; items: ImportedItem[]; footnotes?: string[] };
  const of = (ps: P[]): Shape[] => ps.map((p) => ({
    number: p.number ?? null, words: words(p.text), items: itemShape(p.items), footnotes: p.footnotes?.length ?? 0,
  }));
  const out: Record<string, Shape[]> = { preamble: of(t.preamble), operative: of(t.operative) };
  t.annexes.forEach((a, i) => (out[`annex${i + 1}`] = of(a.paragraphs)));
  return out;
}

/** The clean text renumbers operative paragraphs from 1 (and a single one loses its number). */
function renumbered(t: ImportedText): Record<string, Shape[]> {
  const s = shape(t);
  const op = s.operative ?? [];
  s.operative = op.map((p, i) => ({ ...p, number: op.length > 1 ? String(i + 1) : null }));
  return s;
}

const sources = [
  ...readdirSync(seeds).sort().map((f) => ({ name: f, path: seeds + f })),
  // The corpus (a folder) has its own test: corpus.test.ts.
  ...readdirSync(fixtures, { withFileTypes: true }).filter((f) => f.isFile()).map((f) => f.name).sort()
    .map((f) => ({ name: f, path: fixtures + f })),
];

describe('importing the clean text Penholder prints gives back the same paragraphs', () => {
  for (const { name, path } of sources) {
    const first = importText(readFileSync(path, 'utf8'), { source: name });
    const clean = cleanText(negotiationFromImport(first));
    for (const format of ['txt', 'md'] as const) {
      it(`${name} as ${format}`, () => {
        const printed = formatCleanText(clean, format);
        const second = importText(printed, { source: `${name}.${format}`, format });
        expect(shape(second)).toEqual(renumbered(first));
        expect(second.footnotes.length).toBe(first.footnotes.length);
        expect(second.symbol).toBe(first.symbol);
        expect(second.organ).toBe(first.organ);
        expect(words(second.title)).toBe(words(first.title));
        expect(second.closing).toBe(first.closing);
        expect(second.annexes.map((a) => a.chapeau && words(a.chapeau))).toEqual(first.annexes.map((a) => a.chapeau && words(a.chapeau)));
      });
    }
  }
});
