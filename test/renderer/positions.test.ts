import { describe, expect, it } from 'vitest';
import type { ProposalView } from '../../shared/model/queries';
import { delegationCode, rosterCode } from '../../shared/model/roster';
import { translator } from '../../renderer/i18n/translate';
import { inlinePositions, positionCounts } from '../../renderer/ui/positions';

const view = (kind: ProposalView['proposal']['kind'], positions: Partial<ProposalView['positions']>) =>
  ({ proposal: { kind, author: 'bgd' }, positions: { support: [], oppose: [], reserve: [], 'pending-instructions': [], ...positions } }) as unknown as ProposalView;
const codes: Record<string, string> = { bgd: 'BGD', mys: 'MYS', jpn: 'JPN', che: 'CHE', ind: 'IND' };

describe('positions as the room reads them', () => {
  it('counts them, in both languages, with numbers in the interface language', () => {
    const v = view('replace', { support: ['mys', 'ind', 'che'], oppose: ['jpn'], reserve: ['che'] });
    expect(positionCounts(v, translator('en'))).toBe('3 support · 1 opposes · 1 reservation');
    expect(positionCounts(v, translator('fr'))).toBe('3 appuis · 1 opposition · 1 réserve');
    expect(positionCounts(view('insert', {}), translator('en'))).toBe('');
    const many = view('insert', { support: Array.from({ length: 1200 }, (_, i) => `d${i}`) });
    expect(positionCounts(many, translator('fr', 'fr-FR'))).toBe('1\u202f200 appuis');
  });

  it('writes them as negotiators do: RETAIN / DEL / RESERVE with the roster\'s codes', () => {
    const t = translator('en');
    // A proposal to delete: its author and supporters want the words deleted.
    expect(inlinePositions(view('delete', { support: ['jpn'], oppose: ['mys'], reserve: ['che'] }), (id) => codes[id]!, t)).toBe('RETAIN MYS / DEL BGD, JPN / RESERVE CHE');
    // A proposal to add words: its author and supporters want them retained.
    expect(inlinePositions(view('insert', { support: ['mys'], oppose: ['jpn'], reserve: ['che'] }), (id) => codes[id]!, t)).toBe('RETAIN BGD, MYS / DEL JPN / RESERVE CHE');
    expect(inlinePositions(view('insert', { oppose: ['jpn'] }), (id) => codes[id]!, translator('fr'))).toBe('MAINTENIR BGD / SUPPRIMER JPN');
    // Made by the chair on behalf of its group: the group's position, under the group's code.
    const forGroup = { ...view('delete', { support: ['mys'], oppose: ['jpn'] }), proposal: { kind: 'delete', author: 'bgd', onBehalfOf: 'g77' } } as unknown as ProposalView;
    expect(inlinePositions(forGroup, (id) => ({ ...codes, g77: 'G77' })[id]!, t)).toBe('RETAIN JPN / DEL G77, MYS');
  });

  it('takes the code from the roster, or the full name when the roster has none: a code is never made up', () => {
    expect(delegationCode({ name: 'Bangladesh', code: 'bgd' })).toBe('BGD');
    expect(delegationCode({ name: 'European Union', code: 'EU' })).toBe('EU');
    expect(delegationCode({ name: 'Côte d’Ivoire' })).toBe('Côte d’Ivoire');
    expect(delegationCode({ name: 'Group of 77 and China', code: ' ' })).toBe('Group of 77 and China');
    expect(rosterCode({ code: 'g77' })).toBe('G77');
    expect(rosterCode({})).toBeNull();
    const named = (id: string) => ({ bgd: 'BGD', eu: 'European Union' })[id]!;
    expect(inlinePositions(view('insert', { oppose: ['eu'] }), named, translator('en'))).toBe('RETAIN BGD / DEL European Union');
  });
});
