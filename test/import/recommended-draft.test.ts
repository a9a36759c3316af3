import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { aknCleanText } from '../../shared/export/akn-statement';
import { importText } from '../../shared/import/import-text';
import { formatCleanText } from '../../shared/model/clean-format';
import { cleanText } from '../../shared/model/clean-text';
import { negotiationFromImport } from '../../shared/model/from-import';
import { currentLabels } from '../../shared/model/queries';
import type { Negotiation } from '../../shared/model/negotiation';
import { exportBytes } from '../../shared/export/export-bytes';
import { CleanTextView } from '../../renderer/ui/CleanTextView';
import { TextView } from '../../renderer/ui/TextView';
import { cofac } from '../model/fixture';
import { render } from '../renderer/render-view';

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

    // The clean text reads as the document does (the organ line opens straight onto the operative paragraph: no comma), and numbers the draft's paragraphs 1 to 22, the last with a full stop.
    const clean = cleanText(negotiation);
    const printed = formatCleanText(clean, 'txt');
    expect(printed).toMatch(/The Economic and Social Council\n\nRecommends to the General Assembly the adoption of the following draft resolution:\n\nThe General Assembly,\n\nStressing that the rights of the child/u);
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

  it('the organ line has its comma only before preambular paragraphs, as in the source texts, in every export and in the app', async () => {
    const docText = async (n: Negotiation) => strFromU8(unzipSync(await exportBytes(n, { kind: 'clean', format: 'docx' }))['word/document.xml']!).replace(/<[^>]+>/gu, '');
    const cases: [string, string, string][] = [
      ['ecosoc-txt-2022-14.txt', 'The Economic and Social Council', 'Recommends to the General Assembly'],
      ['fr-txt-ecosoc-2022-12.txt', 'Le Conseil économique et social', 'Recommande à l’Assemblée générale'],
      ['ga-pdf-80-9.txt', 'The General Assembly', 'Adopts the 2025 Political Declaration'],
    ];
    for (const [file, organ, next] of cases) {
      const n = negotiationFromImport(read(file), { id: 'o' });
      const clean = cleanText(n);
      expect(formatCleanText(clean, 'txt')).toContain(`\n${organ}\n\n${next}`);
      expect(formatCleanText(clean, 'html')).toContain(`<p class="organ">${organ}</p>`);
      expect(aknCleanText(n, clean)).toContain(`<p><i>${organ}</i></p>\n      </formula>`);
      expect(await docText(n)).toContain(`${organ}${next}`);
      expect(render(n, cofac, createElement(TextView, { presence: [] }))).toContain(`>${organ}</p>`);
      expect(render(n, cofac, createElement(CleanTextView))).toContain(`>${organ}</p>`);
    }
    // Before preambular paragraphs, the comma stays: "The General Assembly, / Recalling …".
    const adopted = negotiationFromImport(read('ga-pdf-80-7.txt'), { id: 'g' });
    expect(formatCleanText(cleanText(adopted), 'txt')).toContain('\nThe General Assembly,\n\nHaving received');
    expect(await docText(adopted)).toContain('The General Assembly,Having received');
    expect(render(adopted, cofac, createElement(TextView, { presence: [] }))).toContain('>The General Assembly,</p>');
  });

  it('an ECOSOC resolution with operative paragraphs of its own besides the recommended draft: each numbered apart', () => {
    // Constructed: no such text was found in the public repositories of extracted UN documents searched (the
    // thirteen English ECOSOC resolutions of 2021-2023 that recommend a draft hold that one paragraph only).
    const text = importText([
      'E/RES/2099/1', 'Economic and Social Council', '2099/1. Follow-up to the congress', 'The Economic and Social Council,',
      'Recalling its resolution 2020/5 of 1 July 2020,',
      '1. Takes note of the report of the Secretary-General;',
      '2. Recommends to the General Assembly the adoption of the following draft resolution:',
      'The General Assembly,', 'Emphasizing the responsibility assumed by the United Nations,',
      '1. Decides to hold the congress in 2100;', '2. Requests the Secretary-General to report to it at its next session.',
      '33rd plenary meeting, 21 July 2099',
    ].join('\n'), { source: 'constructed.txt' });
    const clean = cleanText(negotiationFromImport(text, { id: 'both' }));
    const printed = formatCleanText(clean, 'txt');
    expect(printed).toContain('The Economic and Social Council,\n\nRecalling its resolution 2020/5 of 1 July 2020,\n\n1. Takes note of the report of the Secretary-General;\n\n2. Recommends to the General Assembly the adoption of the following draft resolution:\n\nThe General Assembly,\n\nEmphasizing the responsibility assumed by the United Nations,\n\n1. Decides to hold the congress in 2100;\n\n2. Requests the Secretary-General to report to it at its next session.');
  });
});
