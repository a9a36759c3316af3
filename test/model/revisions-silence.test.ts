import { describe, expect, it } from 'vitest';
import { as, cofac, sampleNegotiation } from './fixture';
import { accept, bracket, setStatus } from '../../shared/model/facilitator-commands';
import { propose } from '../../shared/model/proposal-commands';
import { compareRevisions, issueRevision } from '../../shared/model/revision-commands';
import { breakSilence, closeSilence, openSilence, silenceObjections } from '../../shared/model/silence-commands';
import { currentLabels } from '../../shared/model/queries';
import { flatText } from '../../shared/text/rich-text';

describe('revisions', () => {
  it('issues the zero draft then Rev.1, frozen, and renumbers bis paragraphs at the next revision', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    const zero = issueRevision(n, cofac, 'for first reading', '2021-02-13T12:00:00Z');
    expect(zero).toMatchObject({ number: 0, name: 'Zero draft', note: 'for first reading' });
    const p = propose(n, as('mexico'), { kind: 'new-paragraph', paragraphId: ids[2]!, paragraph: 'Decides also to hold panels;', at: '2021-02-20T10:00:00Z' });
    accept(n, cofac, `mexico/${p.id}`, '2021-02-21T10:00:00Z');
    expect([...currentLabels(n).values()]).toContain('OP1 bis');
    const rev1 = issueRevision(n, cofac, null, '2021-03-16T12:00:00Z');
    expect(rev1.name).toBe('Rev.1');
    expect(rev1.paragraphs.map((q) => q.label)).toEqual(['PP1', 'PP2', 'OP1', 'OP1 bis', 'OP2', 'OP3']);
    expect([...currentLabels(n).values()]).toEqual(['PP1', 'PP2', 'OP1', 'OP2', 'OP3', 'OP4']);
    expect(n.table.revisions()[0]!.paragraphs).toHaveLength(5);
  });

  it('compares two revisions as a redline by permanent id, with the proposal that caused each change', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    issueRevision(n, cofac, null, '2021-02-13T12:00:00Z');
    const t = flatText(n.table.paragraph(ids[3]!)!.text);
    const from = t.indexOf('victims and survivors');
    const p = propose(n, as('mexico'), { kind: 'replace', paragraphId: ids[3]!, from, to: from + 21, text: 'all victims', at: '2021-02-20T10:00:00Z' });
    accept(n, cofac, `mexico/${p.id}`, '2021-02-21T10:00:00Z');
    issueRevision(n, cofac, null, '2021-03-16T12:00:00Z');
    const changes = compareRevisions(n, 0, 1);
    const changed = changes.filter((c) => c.change !== 'same');
    expect(changed).toHaveLength(1);
    expect(changed[0]!.id).toBe(ids[3]);
    expect(changed[0]!.causes).toEqual([`mexico/${p.id}`]);
    expect(changed[0]!.diff.filter((d) => d.op !== 'equal').map((d) => [d.op, d.text.trim()])).toEqual([['delete', 'victims and survivors'], ['insert', 'all victims']]);
    expect(compareRevisions(n, 1, 'current').every((c) => c.change === 'same')).toBe(true);
    expect(() => compareRevisions(n, 5, 'current')).toThrow(/There is no revision 5/);
  });
});

describe('silence procedure', () => {
  it('passes at its deadline when no delegation objects, and then every paragraph is agreed', () => {
    const { negotiation: n } = sampleNegotiation();
    issueRevision(n, cofac);
    openSilence(n, cofac, '2099-04-28T18:00:00Z');
    expect(() => propose(n, as('mexico'), { kind: 'delete-paragraph', paragraphId: 'p1' })).toThrow(/under silence until 2099-04-28T18:00:00Z/);
    const closed = closeSilence(n, cofac, 'silence passed', '2099-04-28T18:00:00.000Z');
    expect(closed.state).toBe('passed');
    expect(n.table.paragraphs().every((p) => p.status.state === 'agreed')).toBe(true);
  });

  it('closed before its deadline without an objection is withdrawn, never passed, and agrees nothing', () => {
    const { negotiation: n } = sampleNegotiation();
    openSilence(n, cofac, '2099-04-28T18:00:00Z');
    expect(closeSilence(n, cofac).state).toBe('withdrawn');
    expect(n.table.paragraphs().some((p) => p.status.state === 'agreed')).toBe(false);
  });

  it('is broken by one objection naming paragraphs and reasons', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    const silence = openSilence(n, cofac, '2099-04-28T18:00:00Z');
    expect(() => breakSilence(n, as('mexico'), [], 'x')).toThrow(/Name the paragraphs/);
    expect(() => breakSilence(n, cofac, [ids[4]!], 'x')).toThrow(/Only a delegation/);
    breakSilence(n, as('mexico'), [ids[4]!], 'We ask to insert "annually".');
    expect(silenceObjections(n, silence.state === 'open' ? silence.id : '')).toMatchObject([{ delegationId: 'mexico', paragraphs: [ids[4]], reason: 'We ask to insert "annually".' }]);
    expect(closeSilence(n, cofac).state).toBe('broken');
    expect(n.table.paragraphs().some((p) => p.status.state === 'agreed')).toBe(false);
  });

  it('refuses edits and revisions while the text is under silence, and deadlines in the past', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    expect(() => openSilence(n, cofac, '2000-01-01T00:00:00Z')).toThrow(/future/);
    expect(() => openSilence(n, cofac, 'tomorrow')).toThrow(/not a date/);
    openSilence(n, cofac, '2099-01-01T00:00:00Z');
    expect(() => bracket(n, cofac, ids[0]!, 0, 4)).toThrow(/under silence/);
    expect(() => issueRevision(n, cofac)).toThrow(/under silence/);
    expect(() => setStatus(n, as('mexico'), ids[0]!, { state: 'agreed' })).toThrow(/Only the co-facilitators/);
  });
});

describe('the original imported text', () => {
  it('is kept as the base of a redline before any revision is issued', async () => {
    const { importText } = await import('../../shared/import/import-text');
    const { negotiationFromImport } = await import('../../shared/model/from-import');
    const { replaceParagraphText } = await import('../../shared/model/facilitator-commands');
    const n = negotiationFromImport(importText('The General Assembly,\n\nRecalling its resolution 64/293,\n\n1. Decides to convene a meeting;\n\n2. Requests a report.\n', { source: 'mini.txt' }));
    expect(n.table.original()?.name).toBe('Original text');
    const [, op1] = n.table.paragraphs();
    replaceParagraphText(n, cofac, op1!.id, 'Decides to convene a high-level meeting;');
    const changed = compareRevisions(n, 'original', 'current').filter((c) => c.change !== 'same');
    expect(changed.map((c) => c.id)).toEqual([op1!.id]);
    expect(changed[0]!.diff.filter((d) => d.op === 'insert').map((d) => d.text.trim())).toEqual(['high-level']);
    expect(() => compareRevisions(sampleNegotiation().negotiation, 'original', 'current')).toThrow(/not imported/);
  });
});
