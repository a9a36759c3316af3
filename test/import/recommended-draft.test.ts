import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { aknCleanText } from '../../shared/export/akn-statement';
import { importText } from '../../shared/import/import-text';
import { formatCleanText } from '../../shared/model/clean-format';
import { cleanText } from '../../shared/model/clean-text';
import { negotiationFromImport } from '../../shared/model/from-import';
import { currentLabels } from '../../shared/model/queries';

// ECOSOC resolutions that recommend a draft resolution to the General Assembly and hold it (the corpus, dev/).
const corpus = fileURLToPath(new URL('../fixtures/import/corpus/dev/', import.meta.url));
const read = (file: string) => importText(readFileSync(corpus + file, 'utf8'), { source: file });

describe('a draft resolution recommended to the General Assembly, held in an ECOSOC resolution', () => {
  it.each([
    ['ecosoc-txt-2022-12.txt', 'The General Assembly', /^Recommends to the General Assembly the adoption of the following draft resolution:$/u],
    ['fr-txt-ecosoc-2022-12.txt', 'L’Assemblée générale', /^Recommande à l’Assemblée générale d’adopter le projet de résolution suivant :$/u],
  ])('%s: the recommending paragraph holds the draft, its preamble and its paragraphs numbered 1 to 9', (file, organ, recommends) => {
    const text = read(file);
    expect(text.organ).toMatch(/^(The Economic and Social Council|Le Conseil économique et social)$/u);
    expect(text.preamble).toEqual([]);
    expect(text.operative).toHaveLength(1);
    const [holder] = text.operative;
    expect(holder?.number).toBeNull();
    expect(holder?.text).toMatch(recommends);
    expect(holder?.draft?.organ).toBe(organ);
    expect(holder?.draft?.preamble.map((p) => p.lead)).toHaveLength(8);
    expect(holder?.draft?.preamble[0]?.text).toMatch(/^(Emphasizing|Soulignant) /u);
    expect(holder?.draft?.operative.map((p) => p.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(holder?.draft?.operative[0]?.footnotes).toEqual(['1']);
    expect(text.closing).toMatch(/^33(rd|e) (plenary meeting|séance plénière), 21 (July|juillet) 2022$/u);
  });

  it('the negotiation negotiates the draft: PP1–PP8 and OP1–OP9, the ECOSOC paragraph and the draft\'s organ line unnumbered before them', () => {
    const negotiation = negotiationFromImport(read('ecosoc-txt-2022-14.txt'), { id: 'e' });
    const paragraphs = negotiation.table.paragraphs();
    const labels = currentLabels(negotiation);
    expect(paragraphs.slice(0, 2).map((p) => p.kind)).toEqual(['chapeau', 'chapeau']);
    expect(paragraphs.slice(0, 2).map((p) => labels.get(p.id))).toEqual([undefined, undefined]);
    const pp = paragraphs.filter((p) => p.kind === 'preambular').map((p) => labels.get(p.id));
    const op = paragraphs.filter((p) => p.kind === 'operative').map((p) => labels.get(p.id));
    expect(pp).toEqual(Array.from({ length: 31 }, (_, i) => `PP${i + 1}`));
    expect(op).toEqual(Array.from({ length: 22 }, (_, i) => `OP${i + 1}`));

    // The clean text reads as the document does, and numbers the draft's paragraphs 1 to 22, the last with a full stop.
    const clean = cleanText(negotiation);
    const printed = formatCleanText(clean, 'txt');
    expect(printed).toMatch(/The Economic and Social Council,\n\nRecommends to the General Assembly the adoption of the following draft resolution:\n\nThe General Assembly,\n\nStressing that the rights of the child/u);
    expect(clean.paragraphs.filter((p) => p.kind === 'operative').map((p) => p.number)).toEqual(Array.from({ length: 22 }, (_, i) => String(i + 1)));
    expect(printed).toMatch(/\n22\. Invites Member States and other donors [^\n]*\.\n/u);

    // Akoma Ntoso: the recommending paragraph and the organ line open the preamble; no annex is made of them.
    const akn = aknCleanText(negotiation, clean);
    const containers = [...akn.matchAll(/<container [^>]*name="(\w+)"/gu)].map((m) => m[1]);
    expect(containers.slice(0, 3)).toEqual(['chapeau', 'chapeau', 'preambular']);
    expect(containers).toHaveLength(33);
    expect(akn.match(/<paragraph /gu)).toHaveLength(22);
    expect(akn).not.toContain('<attachment');
  });

  it('Penholder\'s own clean text of it imports back to the same draft', () => {
    const first = read('fr-txt-ecosoc-2022-12.txt');
    const printed = formatCleanText(cleanText(negotiationFromImport(first)), 'txt');
    const again = importText(printed, { source: 'clean.txt' });
    expect(again.operative).toHaveLength(1);
    expect(again.operative[0]?.draft?.preamble).toHaveLength(8);
    expect(again.operative[0]?.draft?.operative.map((p) => p.text)).toEqual(first.operative[0]?.draft?.operative.map((p) => p.text));
  });
});
