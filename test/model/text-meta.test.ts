import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cofac } from './fixture';
import { importText } from '../../shared/import/import-text';
import { cleanText } from '../../shared/model/clean-text';
import { formatCleanText } from '../../shared/model/clean-format';
import { replaceParagraphText } from '../../shared/model/facilitator-commands';
import { negotiationFromImport } from '../../shared/model/from-import';
import { updateMeta } from '../../shared/model/meta-commands';
import { issueRevision } from '../../shared/model/revision-commands';
import { isAdoptedSymbol, isRenegotiated, textMeta } from '../../shared/model/text-meta';
import { flatText } from '../../shared/text/rich-text';

const seed = readFileSync(new URL('../../../shared/seeds/003_38c0f701a36a6316.txt', import.meta.url), 'utf8');
const adopted = () => negotiationFromImport(importText(seed, { source: '003.txt' }), { id: 'renegotiated' });

describe('the symbol a text carries', () => {
  it('knows an adopted resolution\'s symbol from a draft\'s', () => {
    expect(['A/RES/78/228', 'E/RES/2021/25', 'S/RES/748 (1992)', 'A/HRC/RES/55/1'].map(isAdoptedSymbol)).toEqual([true, true, true, true]);
    expect(['A/78/L.12', 'A/78/L.12/Rev.1', 'E/2022/L.5', 'A/64/130', null].map(isAdoptedSymbol)).toEqual([false, false, false, false, false]);
  });

  it('the imported resolution untouched is the resolution: its symbol and plenary meeting line', () => {
    const n = adopted();
    expect(n.table.meta().symbol).toBe('A/RES/78/228');
    expect(isRenegotiated(n)).toBe(false);
    expect(textMeta(n)).toMatchObject({ symbol: 'A/RES/78/228', closing: expect.stringMatching(/plenary meeting|séance plénière/) });
    expect(textMeta(n).basis).toBeUndefined();
  });

  it('once renegotiated (a word changed, or a revision issued) every text of it is a draft: no symbol, no meeting line, the resolution named as its basis', () => {
    const changed = adopted();
    const first = changed.table.order().find((id) => changed.table.paragraph(id)!.kind === 'operative')!;
    replaceParagraphText(changed, cofac, first, `${flatText(changed.table.paragraph(first)!.text)} `);
    expect(isRenegotiated(changed)).toBe(true);
    expect(textMeta(changed)).toMatchObject({ symbol: null, closing: null, basis: 'A/RES/78/228' });

    const revised = adopted();
    issueRevision(revised, cofac, null, '2026-02-13T15:00:00.000Z');
    issueRevision(revised, cofac, null, '2026-03-16T09:30:00.000Z');
    for (const revision of [0, 1, undefined]) {
      const clean = cleanText(revised, { draft: true, revision });
      expect(clean.meta).toMatchObject({ symbol: null, closing: null, basis: 'A/RES/78/228' });
      const printed = formatCleanText(clean, 'md');
      expect(printed).not.toContain('A/RES/78/228');
      expect(printed).not.toMatch(/plenary meeting|séance plénière/);
    }
  });

  it('a symbol the co-facilitators give the draft is carried as it is', () => {
    const n = adopted();
    issueRevision(n, cofac, null);
    updateMeta(n, cofac, { symbol: 'A/80/L.12' });
    expect(textMeta(n, 0)).toMatchObject({ symbol: 'A/80/L.12' });
    expect(cleanText(n, { draft: true, revision: 0 }).meta.symbol).toBe('A/80/L.12');
  });
});
