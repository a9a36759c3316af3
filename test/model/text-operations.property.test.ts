import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { as, cofac, textOf } from './fixture';
import { addDelegation, createNegotiation } from '../../shared/model/create-negotiation';
import { accept, addAlternative, moveParagraph } from '../../shared/model/facilitator-commands';
import type { Negotiation } from '../../shared/model/negotiation';
import { propose } from '../../shared/model/proposal-commands';
import { spanEdit } from '../../shared/model/proposal-edits';
import { currentLabels } from '../../shared/model/queries';
import { compareRevisions, issueRevision } from '../../shared/model/revision-commands';
import { richText, type PlainItem } from '../../shared/text/rich-text';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);

/** A negotiation holding one paragraph (its body, with an italic lead, and sub-items). */
function oneParagraph(body: string, items: string[], lead: string | null): Negotiation {
  const n = createNegotiation({ id: 'ops', title: 'Text operations' });
  addDelegation(n, cofac, { name: 'Mexico' });
  n.table.doc.transact(() => {
    const plainItems: PlainItem[] = items.map((text) => ({ text, items: [] }));
    n.table.createParagraph('p', { kind: 'operative', text: richText({ text: body, lead, items: plainItems }), addedInEpoch: 0 });
    n.table.orderArray.push(['p']);
  });
  return n;
}

const WORDS = ['victims', 'civil', 'society', 'the', 'private', 'sector', 'and', 'persons', '2021', 'États', 'gender-', 'sensitive', ',', ';', '.', '[', ']', '(a)'];
/** Texts of words and punctuation as UN texts write them: no space before punctuation, none inside brackets. */
const text = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 14 })
  .map((ws) => ws.join(' ').replace(/ ([,;.\]])/g, '$1').replace(/\[ /g, '['));
const typed = fc.oneof(text, fc.constantFrom('academia,', ' and survivors', 'all', '[in 2022]', ', including children', 'e'));

/** A paragraph, a span within one of its runs (flat offsets), a kind and the words proposed. */
const scenario = fc
  .record({ body: text, items: fc.array(text, { maxLength: 2 }), lead: fc.boolean(), kind: fc.constantFrom('insert' as const, 'replace' as const, 'delete' as const), words: typed, a: fc.nat(), b: fc.nat(), run: fc.nat() })
  .map((s) => {
    const runs = [s.body, ...s.items];
    const r = s.run % runs.length;
    const start = runs.slice(0, r).reduce((sum, t) => sum + t.length + 1, 0);
    const length = runs[r]!.length;
    let from = s.a % (length + 1);
    let to = s.b % (length + 1);
    if (from > to) [from, to] = [to, from];
    if (s.kind !== 'insert' && from === to) to = Math.min(length, from + 1);
    if (s.kind !== 'insert' && from === to) from = Math.max(0, to - 1);
    return { ...s, lead: s.lead ? s.body.split(' ')[0]! : null, from: start + from, to: start + to };
  })
  .filter((s) => s.kind === 'insert' || s.to > s.from)
  .filter((s) => s.kind === 'delete' || s.words.trim() !== '');

describe('text operations, over random texts, selections and proposals', () => {
  it('accepting a proposal gives exactly the words the proposal shows', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const n = oneParagraph(s.body, s.items, s.lead);
        const before = textOf(n, 'p');
        const p = propose(n, as('mexico'), { kind: s.kind, paragraphId: 'p', from: s.from, to: s.to, text: s.words });
        const shown = spanEdit(n.table, p);
        expect(shown).not.toBeNull();
        expect(shown!.before).toBe(before);
        accept(n, cofac, `mexico/${p.id}`);
        expect(textOf(n, 'p')).toBe(shown!.after);
        const after = shown!.after;
        if (s.kind === 'replace') {
          // Exactly the selected words, replaced by exactly the typed ones.
          expect(after).toBe(before.slice(0, s.from) + s.words + before.slice(s.to));
        } else if (s.kind === 'insert') {
          // Nothing before the end of the selection moves; the new words come after it, once, spaced.
          expect(after.slice(0, s.to)).toBe(before.slice(0, s.to));
          const w = s.words.replace(/\s+/g, ' ').trim();
          const rest = after.slice(s.to);
          const at = rest.indexOf(w);
          expect(at).toBeGreaterThanOrEqual(0);
          expect(rest.slice(0, at)).toMatch(/^[,;]? ?$/);
          expect(after.length - before.length).toBeGreaterThanOrEqual(w.length);
          expect(after.length - before.length).toBeLessThanOrEqual(w.length + 2);
        } else {
          // The selected words are gone, with at most the one space they leave doubled.
          const joined = before.slice(0, s.from) + before.slice(s.to);
          expect([joined, before.slice(0, s.from - 1) + before.slice(s.to), before.slice(0, s.from) + before.slice(s.to + 1)]).toContain(after);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('text operations, as the issue describes them', () => {
  it('inserts after the selected words, spaced as a reader expects', () => {
    const n = oneParagraph('Encourages cooperation with civil society, the private sector and academia;', [], 'Encourages');
    const t = textOf(n, 'p');
    const from = t.indexOf('civil society');
    const p = propose(n, as('mexico'), { kind: 'insert', paragraphId: 'p', from, to: from + 'civil society'.length, text: 'faith-based organizations,' });
    accept(n, cofac, `mexico/${p.id}`);
    expect(textOf(n, 'p')).toBe('Encourages cooperation with civil society, faith-based organizations, the private sector and academia;');
    const q = propose(n, as('mexico'), { kind: 'insert', paragraphId: 'p', from: 0, to: 'Encourages'.length, text: 'also' });
    accept(n, cofac, `mexico/${q.id}`);
    expect(textOf(n, 'p')).toMatch(/^Encourages also cooperation/);
    // The lead's italic extends over words inserted right after it: "Encourages also".
    expect(n.table.paragraph('p')!.text.content[0]!.content![0]).toEqual({ type: 'text', text: 'Encourages also', marks: [{ type: 'lead' }] });
  });

  it('replaces exactly the selected words by exactly the typed ones', () => {
    const n = oneParagraph('Resolves to prosecute and punish traffickers;', [], null);
    const from = textOf(n, 'p').indexOf('prosecute');
    const p = propose(n, as('mexico'), { kind: 'replace', paragraphId: 'p', from, to: from + 'prosecute'.length, text: 'punish' });
    expect(p.anchor!.quote).toBe('prosecute');
    accept(n, cofac, `mexico/${p.id}`);
    expect(textOf(n, 'p')).toBe('Resolves to punish and punish traffickers;');
  });
});

describe('moving paragraphs', () => {
  function fiveParagraphs(): Negotiation {
    const n = createNegotiation({ id: 'mv', title: 'Moves' });
    addDelegation(n, cofac, { name: 'Mexico' });
    n.table.doc.transact(() => {
      for (let i = 1; i <= 5; i++) n.table.createParagraph(`p${i}`, { kind: 'operative', text: richText({ text: `Paragraph ${i};` }), addedInEpoch: 0 });
      n.table.orderArray.push(['p1', 'p2', 'p3', 'p4', 'p5']);
    });
    issueRevision(n, cofac);
    return n;
  }
  const labels = (n: Negotiation): string[] => n.table.paragraphs().map((p) => `${currentLabels(n).get(p.id)}=${textOf(n, p.id).replace(/Paragraph |;/g, '')}`);

  it('a paragraph moved after one with alternatives goes after them; a moved paragraph takes its alternatives', () => {
    const n = fiveParagraphs();
    addAlternative(n, cofac, 'p5', 'Alt of 5;');
    const p = propose(n, as('mexico'), { kind: 'move-paragraph', paragraphId: 'p4', moveAfter: 'p5' });
    accept(n, cofac, `mexico/${p.id}`);
    expect(labels(n)).toEqual(['OP1=1', 'OP2=2', 'OP3=3', 'OP4=5', 'OP4 Alt 1=Alt of 5', 'OP5=4']);
    moveParagraph(n, cofac, 'p5', null);
    expect(labels(n)).toEqual(['OP1=5', 'OP1 Alt 1=Alt of 5', 'OP2=1', 'OP3=2', 'OP4=3', 'OP5=4']);
  });

  it('compare reports what moved, and only that', () => {
    const n = fiveParagraphs();
    moveParagraph(n, cofac, 'p2', 'p4');
    const changes = compareRevisions(n, 0, 'current');
    expect(changes.filter((c) => c.moved).map((c) => c.id)).toEqual(['p2']);
    expect(changes.every((c) => c.change === 'same')).toBe(true);
  });
});
