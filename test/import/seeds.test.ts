import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importText } from '../../shared/import/import-text';
import type { ImportedItem, ImportedText } from '../../shared/import/imported-text';

const seeds = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
const truths = fileURLToPath(new URL('../../../shared/seeds-truth/', import.meta.url));

interface TruthParagraph {
  number?: string;
  first: string;
  last: string;
  items?: number;
}
interface Truth {
  file: string;
  lang: 'en' | 'fr';
  form: string;
  symbol: string | null;
  organ: string | null;
  preamble: TruthParagraph[];
  operative: TruthParagraph[];
  annexes?: { paragraphs: TruthParagraph[] }[];
  footnotes: number | null;
}

/** Words as a careful reader compares them: case, quotes and punctuation aside. */
function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´]/gu, "'")
    .replace(/[^\p{L}\p{N}\s'/[\]-]/gu, ' ')
    .split(/\s+/u)
    .filter(Boolean);
}
const first = (text: string, n: number): string => words(text).slice(0, n).join(' ');
const last = (text: string, n: number): string => words(text).slice(-n).join(' ');

function wholeEnd(text: string, items: ImportedItem[]): string {
  const lastItem = items[items.length - 1];
  return lastItem ? wholeEnd(lastItem.text, lastItem.items ?? []) : text;
}

function expectParagraph(got: { text: string; items: ImportedItem[]; number?: string | null }, want: TruthParagraph): void {
  const n = Math.min(4, words(want.first).length);
  expect(first(got.text, n)).toBe(first(want.first, n));
  expect(last(wholeEnd(got.text, got.items), 3)).toBe(last(want.last, 3));
  expect(got.items.length).toBe(want.items ?? 0);
  if (want.number !== undefined) expect(got.number).toBe(want.number);
}

const files = readdirSync(truths).filter((f) => f.endsWith('.json')).sort();

describe('importText on the seeds, against the ground truth', () => {
  it('finds every seed', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });
  for (const file of files) {
    const truth = JSON.parse(readFileSync(truths + file, 'utf8')) as Truth;
    describe(truth.file, () => {
      const imported: ImportedText = importText(readFileSync(seeds + truth.file, 'utf8'), { source: truth.file });

      it('reads symbol, form, language and organ', () => {
        expect(imported.symbol).toBe(truth.symbol);
        expect(imported.form).toBe(truth.form);
        expect(imported.language).toBe(truth.lang);
        expect(imported.organ).toBe(truth.organ);
      });
      it('finds the footnote bodies', () => {
        if (truth.footnotes !== null) expect(imported.footnotes.length).toBe(truth.footnotes);
        for (const f of imported.footnotes) expect(f.text.length).toBeGreaterThan(0);
      });
      it('takes the footnote references out of the words, each mark once', () => {
        const marks = [...imported.preamble, ...imported.operative].flatMap((p) => p.footnotes ?? []);
        expect(new Set(marks).size).toBe(marks.length);
        for (const p of [...imported.preamble, ...imported.operative]) expect(p.text).not.toMatch(/\p{Ll}\d{1,2}\b/u);
      });
      it('reads the preambular paragraphs one by one', () => {
        expect(imported.preamble.length).toBe(truth.preamble.length);
        truth.preamble.forEach((want, i) => {
          const got = imported.preamble[i];
          expect(got, `preamble[${i}]`).toBeDefined();
          if (got) expectParagraph(got, want);
          expect(got?.lead && got.text.startsWith(got.lead)).toBeTruthy();
        });
      });
      it('reads the operative paragraphs one by one, numbers apart', () => {
        expect(imported.operative.length).toBe(truth.operative.length);
        truth.operative.forEach((want, i) => {
          const got = imported.operative[i];
          expect(got, `operative[${i}]`).toBeDefined();
          if (got) {
            expectParagraph(got, want);
            expect(got.text).not.toMatch(/^\d+\./u);
          }
        });
      });
      it('reads the annexes', () => {
        expect(imported.annexes.length).toBe(truth.annexes?.length ?? 0);
      });
      it('writes each paragraph on one line, whitespace normalised', () => {
        for (const p of [...imported.preamble, ...imported.operative]) {
          expect(p.text).not.toMatch(/\s{2}|\n|^\s|\s$/u);
          for (const item of p.items) expect(item.label).toMatch(/^[a-z]+$/u);
        }
      });
    });
  }
});

describe('what a reader does not read', () => {
  const read = (name: string): ImportedText =>
    importText(readFileSync(seeds + name, 'utf8'), { source: name });
  it('keeps real hyphens at line ends and drops the running header of E/RES/2021/25', () => {
    const t = read('001_40b012bcd7b7be1f.txt');
    const all = JSON.stringify(t);
    expect(all).toContain('soixante-douzième');
    expect(all).toContain('sous-régionaux');
    expect(all).not.toContain('21-10321');
    expect(all).not.toContain('undocs.org');
    expect(t.closing).toBe('13e séance plénière, 22 juillet 2021');
    expect(t.title).toBe('Mise en œuvre du Plan d’action mondial des Nations Unies pour la lutte contre la traite des personnes');
  });
  it('separates glued and free-standing footnote marks in A/RES/75/283', () => {
    const t = read('000_bf30f40679ec065d.txt');
    expect(t.preamble[2]?.footnotes).toEqual(['1', '2']);
    expect(t.preamble[2]?.text).toContain('criminalité transnationale organisée et le Protocole');
    expect(t.operative[0]?.footnotes).toEqual(['3']);
    expect(t.operative[0]?.text).toContain('traite des personnes se tiendra');
    expect(t.operative[10]?.text).toContain('(Principes de Paris), des');
    expect(t.operative[12]?.text).toContain('d’une représentation');
    expect(t.operative[1]?.items.map((i) => i.label)).toEqual(['a', 'b', 'c']);
    expect(t.footnotes[4]?.text).toMatch(/^La liste comprendra .* au demandeur\.$/u);
  });
  it('puts the report A/64/130 under its headings', () => {
    const t = read('002_1ebf21118c82a210.txt');
    expect(t.headings).toHaveLength(3);
    expect(t.operative[7]?.heading).toBe('Initiative mondiale des Nations Unies contre la traite des êtres humains');
    expect(t.operative[0]?.lead).toBeNull();
  });
  it('reads italic leads from Markdown', () => {
    const t = read('003_38c0f701a36a6316.txt');
    expect(t.preamble[0]?.lead).toBe('Condamnant de nouveau énergiquement');
    expect(t.operative[7]?.lead).toBe('Exprime sa solidarité et sa compassion');
    expect(t.preamble[8]?.items[3]?.text).toMatch(/poursuivre les auteurs,$/u);
  });
});
