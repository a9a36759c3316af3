import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { negotiatedSample, SEEDS } from './fixture';
import { hasTool, run, seedNegotiation } from './tools';
import { aknCleanText } from '../../shared/export/akn-statement';
import { cleanText } from '../../shared/model/clean-text';
import { compilation } from '../../shared/model/compilation';
import { aknCompilation } from '../../shared/export/akn-amendment-list';
import { importText } from '../../shared/import/import-text';
import { negotiationFromImport } from '../../shared/model/from-import';
import { issueRevision } from '../../shared/model/revision-commands';
import { cofac } from '../model/fixture';

const SCHEMA = new URL('../../../shared/schemas/akn/akomantoso30.xsd', import.meta.url).pathname;
const xmllint = hasTool('xmllint');

describe.skipIf(!xmllint)('Akoma Ntoso export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'penholder-akn-'));
  const files: Record<string, string> = {};
  const write = (name: string, xml: string): string => {
    const path = join(dir, `${name}.xml`);
    writeFileSync(path, xml);
    files[name] = xml;
    return path;
  };
  const seeds = new Map(SEEDS.map((seed) => [seed, seedNegotiation(seed)]));
  for (const [seed, n] of seeds) {
    write(`${seed}-draft`, aknCleanText(n, cleanText(n, { draft: true }), { generated: '2024-01-01T00:00:00Z' }));
    write(`${seed}-clean`, aknCleanText(n, cleanText(n)));
    write(`${seed}-compilation`, aknCompilation(n, compilation(n)));
  }
  // The ECOSOC seed renegotiated: its zero draft has no symbol, and is still the Council's.
  const ecosocDraft = seedNegotiation(SEEDS[1]!);
  issueRevision(ecosocDraft, cofac, null, '2026-02-13T15:00:00.000Z');
  write('ecosoc-zero-draft', aknCleanText(ecosocDraft, cleanText(ecosocDraft, { draft: true, revision: 0 }), { revision: 0 }));
  const settled = negotiatedSample(true).negotiation;
  write('sample-clean', aknCleanText(settled, cleanText(settled)));
  const open = negotiatedSample(false).negotiation;
  write('sample-compilation', aknCompilation(open, compilation(open)));
  write('sample-rev1-draft', aknCleanText(open, cleanText(open, { draft: true, revision: 1 }), { revision: 1 }));
  // An ECOSOC resolution holding the draft resolution it recommends to the General Assembly.
  const ecosoc = readFileSync(new URL('../fixtures/import/corpus/dev/ecosoc-txt-2022-12.txt', import.meta.url), 'utf8');
  const recommended = negotiationFromImport(importText(ecosoc, { source: 'E/RES/2022/12' }), { id: 'ecosoc' });
  write('ecosoc-recommended-draft', aknCleanText(recommended, cleanText(recommended)));

  it('validates every export against the OASIS schema (one xmllint run)', () => {
    const out = run('xmllint', ['--noout', '--schema', SCHEMA, ...Object.keys(files).map((f) => join(dir, `${f}.xml`))], { cwd: dir });
    expect(out).toBe('');
  });

  it('a seed keeps its paragraphs in order, with permanent GUIDs and footnotes as authorial notes', () => {
    const n = seeds.get(SEEDS[3]!)!;
    const clean = cleanText(n);
    const xml = files[`${SEEDS[3]}-clean`]!;
    const guids = [...xml.matchAll(/<(?:container|paragraph|hcontainer) eId="[^"]+" GUID="([^"]+)"/g)].map((m) => m[1]);
    expect(guids).toEqual(clean.paragraphs.map((p) => p.id));
    expect(xml).toContain('<statement name="resolution"');
    expect(xml).toContain('/akn/un/statement/deliberation/un-ga/2023-12-19/78-228/fra@');
    expect(xml).toContain('<formula name="enactingFormula">');
    expect((xml.match(/<authorialNote /g) ?? []).length).toBeGreaterThan(0);
  });

  it('the ECOSOC seed is identified as un-ecosoc; the report as a doc', () => {
    expect(files[`${SEEDS[1]}-draft`]).toContain('/akn/un/statement/deliberation/un-ecosoc/2021-07-22/2021-25/fra@');
    // Renegotiated, a draft without a symbol: the Council's by its organ line, not the General Assembly's.
    expect(files['ecosoc-zero-draft']).toContain('<statement name="resolutionDraft"');
    expect(files['ecosoc-zero-draft']).toMatch(/\/akn\/un\/statement\/deliberation\/un-ecosoc\/2026-02-13\/draft-/);
    expect(files['ecosoc-zero-draft']).not.toContain('E/RES/2021/25');
    expect(files[`${SEEDS[2]}-draft`]).toMatch(/<doc name="report"/);
    expect(files[`${SEEDS[4]}-draft`]).toContain('<statement name="resolutionDraft"');
  });

  it('the negotiated sample: sub-items as list/point, the declaration as an attachment, revisions and silence in meta', () => {
    const xml = files['sample-clean']!;
    expect(xml).toContain('<statement name="resolutionDraft"');
    expect(xml).toMatch(/<paragraph eId="para_4" GUID="p5">\s*<num>4\.<\/num>\s*<list eId="para_4__list_1">/);
    expect(xml).toContain('<point eId="para_4__list_1__point_b__list_1__point_i">');
    expect(xml).toMatch(/<attachment eId="att_1">\s*<doc name="declaration">/);
    expect(xml).toContain('<container eId="att_1__preamble__container_1" GUID="a2" name="chapeau">');
    expect(xml).toMatch(/<eventRef eId="evt_rev_1" date="2021-03-08T10:00:00Z"[^>]*type="amendment"/);
    expect(xml).toContain('outcome="#silence-passed"');
    expect(xml).toContain('<p><i>Recalling</i> its resolution 64/293 of 30 July 2010,<authorialNote eId="authorialNote_1" marker="1" placement="bottom">');
  });

  it('a draft of Rev.1 keeps its brackets and labels and is versioned by the revision date', () => {
    const xml = files['sample-rev1-draft']!;
    expect(xml).toContain('[in 2021]');
    expect(xml).toContain('/un-ga/2021-03-01/draft-sample/eng@2021-03-08');
    expect(xml).toContain('<docStatus>Draft: not agreed</docStatus>');
  });

  it('the compilation text is an amendmentList of amendments with proponents, ins/del wording and decisions', () => {
    const xml = files['sample-compilation']!;
    expect(xml).toContain('<amendmentList name="compilation">');
    expect((xml.match(/<amendment name="amendment">/g) ?? []).length).toBe(6);
    expect(xml).toContain('<docProponent refersTo="#cmp_1__proposer">Egypt on behalf of the Group of 77 and China</docProponent>');
    expect(xml).toMatch(/<amendmentContent>\s*<p><del>victims and survivors<\/del><ins>all victims<\/ins><\/p>/);
    expect(xml).toContain('<p class="supported-by">supported by: Canada</p>');
    expect(files[`${SEEDS[0]}-compilation`]).toContain('<interstitial eId="cmp_1__interstitial_1">');
  });
});
