import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scoreFolder, totals } from './corpus-score';
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
const HELD_OUT_AT_LEAST = 0.995;

describe('the importer on a corpus of real UN texts', () => {
  it('reads the development texts', () => {
    const scores = scoreFolder(`${corpus}dev`);
    console.log(report('development', scores));
    const t = totals(scores);
    expect(t.documents).toBeGreaterThanOrEqual(62);
    expect(t.matched / t.total).toBeGreaterThanOrEqual(DEV_AT_LEAST);
  });
  // The second held-out set, gathered before the importer was changed again and scored once when that work was done
  // (README.md): its threshold is what it measured then, and the importer is not tuned to it.
  it('reads the held-out set, kept aside while the importer was generalised', () => {
    const scores = scoreFolder(`${corpus}held-out`);
    console.log(report('held-out', scores));
    const t = totals(scores);
    expect(t.documents).toBeGreaterThanOrEqual(14);
    expect(t.matched / t.total).toBeGreaterThanOrEqual(HELD_OUT_AT_LEAST);
  });
});
