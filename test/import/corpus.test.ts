import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { paragraphsOf, scoreFolder, totals, truthsOf } from './corpus-score';
import type { DocumentScore } from './corpus-score';

// The corpus of real UN texts with hand-checked truth: test/fixtures/import/corpus/README.md.
const corpus = fileURLToPath(new URL('../fixtures/import/corpus/', import.meta.url));

function report(name: string, scores: DocumentScore[]): string {
  const t = totals(scores);
  const kinds = [...new Set(scores.map((s) => s.kind))].map((k) => {
    const k_ = totals(scores.filter((s) => s.kind === k));
    return `${k} ${k_.matched}/${k_.total}`;
  });
  return `${name}: ${t.matched}/${t.total} paragraphs exact (${((100 * t.matched) / t.total).toFixed(1)} %), ` +
    `${t.exact}/${t.documents} documents exact; ${kinds.join(', ')}\n` +
    scores.filter((s) => s.problems.length).map((s) => `  ${s.file} ${s.matched}/${s.total}: ${s.problems.slice(0, 3).join('; ')}`).join('\n');
}

// Thresholds are what the importer measured on this corpus, never more (README.md gives the figures).
const DEV_AT_LEAST = 0.995;

describe('the importer on a corpus of real UN texts', () => {
  it('reads the development texts', () => {
    const scores = scoreFolder(`${corpus}dev`);
    console.log(report('development', scores));
    const t = totals(scores);
    expect(t.documents).toBeGreaterThanOrEqual(62);
    expect(t.matched / t.total).toBeGreaterThanOrEqual(DEV_AT_LEAST);
  });
  // The held-out texts are scored once, when the importer's work is done (README.md); until then only their
  // presence is checked, so that no run of this test shows how the importer reads them.
  it('keeps the held-out texts, each beside its truth', () => {
    const truths = truthsOf(`${corpus}held-out`);
    expect(truths.length).toBeGreaterThanOrEqual(12);
    for (const t of truths) {
      expect(existsSync(`${corpus}held-out/${t.file}`)).toBe(true);
      expect(paragraphsOf(t)).toBeGreaterThan(0);
    }
  });
});
