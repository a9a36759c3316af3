import { describe, expect, it } from 'vitest';
import { negotiatedSample, SEEDS } from './fixture';
import { seedNegotiation } from './tools';
import { exportHtml } from '../../shared/export/export-request';
import { CommandRefused } from '../../shared/model/command-refused';
import { cleanText } from '../../shared/model/clean-text';

/** No stylesheet, script, image or font is fetched from anywhere: the page stands alone. */
const selfContained = (html: string): void => {
  expect(html).not.toMatch(/<(?:link|script|img|iframe)\b|url\(|@import|src=/i);
  expect(html).toMatch(/^<!doctype html>/);
};

describe('HTML export', () => {
  it.each(SEEDS)('seed %s: clean text and compilation, self-contained, paragraphs in order', (seed) => {
    const n = seedNegotiation(seed);
    const html = exportHtml(n, { kind: 'clean' });
    selfContained(html);
    const text = html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    let at = 0;
    for (const p of cleanText(n).paragraphs) {
      const found = text.indexOf(p.text.slice(-40), at);
      expect(found, p.text).toBeGreaterThanOrEqual(at);
      at = found;
    }
    selfContained(exportHtml(n, { kind: 'compilation' }));
  });

  it('refuses a clean text that is not clean, naming the open items; a draft keeps brackets and labels', () => {
    const { negotiation } = negotiatedSample(false);
    expect(() => exportHtml(negotiation, { kind: 'clean' })).toThrow(CommandRefused);
    expect(() => exportHtml(negotiation, { kind: 'clean' })).toThrow(/OP1: 1 bracket[\s\S]*open proposal by Canada/);
    const draft = exportHtml(negotiation, { kind: 'clean', draft: true });
    expect(draft).toContain('[in 2021]');
    expect(draft).toContain('[OP2]');
    expect(draft).toContain('[OP4]');
  });

  it('the redline marks insertions and deletions with their authors; the compilation shows every proposal', () => {
    const { negotiation } = negotiatedSample(true);
    const redline = exportHtml(negotiation, { kind: 'redline', base: 0 });
    selfContained(redline);
    expect(redline).toMatch(/<del title="Mexico, 2021-03-07">victims and survivors<\/del><ins title="Mexico, 2021-03-07">all victims<\/ins>;/);
    expect(redline).toContain('<ins title="European Union, 2021-03-07">');
    expect(redline).toContain('<ins title="Co-facilitators (Mexico, Canada), 2021-03-07">strong and lasting </ins>');
    expect(redline).toContain('<ins title="Canada, 2021-03-09">and assist </ins>');
    // Sub-items stay sub-items: a line each, indented under their paragraph.
    expect(redline).toMatch(/<p class="operative same item depth1">\(a\) on prevention;<\/p>\n<p class="operative same item depth1">\(b\) on protection of victims\.<\/p>\n<p class="operative same item depth2">\(i\) including children;<\/p>/);
    const compiled = exportHtml(negotiation, { kind: 'compilation' });
    selfContained(compiled);
    expect(compiled).toContain('Egypt on behalf of the Group of 77 and China');
    expect(compiled).toContain('decision: not retained');
  });

  it('export never changes the negotiation', () => {
    const { negotiation } = negotiatedSample(true);
    const before = JSON.stringify(negotiation.table.doc.toJSON());
    for (const kind of ['clean', 'compilation', 'redline'] as const) exportHtml(negotiation, { kind });
    expect(JSON.stringify(negotiation.table.doc.toJSON())).toBe(before);
  });
});
