import { describe, expect, it } from 'vitest';
import { parseSession, SessionRefused } from '../../renderer/session/fetch-session';
import { parseJoinLink } from '../../renderer/session/join-link';
import { editedSpan } from '../../renderer/ui/editor-plugins';
import { locateQuote } from '../../renderer/ui/ProposeForm';
import { PendingChanges } from '../../renderer/sync/pending-changes';

describe('joining', () => {
  it('reads the web edition\'s link, the app\'s link and a bare token', () => {
    expect(parseJoinLink('http://10.0.0.5:1234/join?token=ph_abc')).toEqual({ httpUrl: 'http://10.0.0.5:1234', token: 'ph_abc' });
    expect(parseJoinLink('penholder://join?server=ws%3A%2F%2Froom.local%3A1234&token=ph_x')).toEqual({ httpUrl: 'http://room.local:1234', token: 'ph_x' });
    expect(parseJoinLink('penholder://join?server=&token=ph_x')).toEqual({ httpUrl: null, token: 'ph_x' });
    expect(parseJoinLink('  ph_Abc-9_z ')).toEqual({ httpUrl: null, token: 'ph_Abc-9_z' });
    expect(parseJoinLink('http://host/other?token=x')).toBeNull();
    expect(parseJoinLink('not a link')).toBeNull();
  });

  it('checks what the server says about a token', () => {
    const s = parseSession('http://h:1', 'ph_t', { negotiationId: 'n1', role: 'delegation', delegation: { id: 'mexico', name: 'Mexico' } });
    expect(s).toMatchObject({ wsUrl: 'ws://h:1', role: 'delegation', delegation: { id: 'mexico', name: 'Mexico' } });
    expect(() => parseSession('http://h:1', 'ph_t', { role: 'king' })).toThrow(SessionRefused);
  });
});

describe('suggest mode and proposals', () => {
  it('turns an attempted edit into the span it would replace', () => {
    expect(editedSpan('protect victims and survivors;', 'protect all victims and survivors;')).toEqual({ from: 8, to: 8, text: 'all ' });
    expect(editedSpan('protect victims and survivors;', 'protect victims;')).toEqual({ from: 15, to: 29, text: '' });
    expect(editedSpan('abc', 'abc')).toBeNull();
  });

  it('finds quoted words, preferring the selected occurrence', () => {
    expect(locateQuote('to the people and to the States', 'to the', { from: 18, to: 24, text: 'to the' })).toEqual({ from: 18, to: 24 });
    expect(locateQuote('to the people and to the States', 'to the', null)).toEqual({ from: 0, to: 6 });
    expect(locateQuote('abc', 'zz', null)).toBeNull();
  });

  it('counts changes that wait to sync, across a restart', () => {
    const kept = new Map<string, string>();
    const storage = { getItem: (k: string) => kept.get(k) ?? null, setItem: (k: string, v: string) => void kept.set(k, v), removeItem: (k: string) => void kept.delete(k) };
    const a = new PendingChanges(storage);
    a.changed('n/private/mexico', false);
    a.changed('n/private/mexico', false);
    a.changed('n/delegation/mexico', true);
    expect(a.total()).toBe(2);
    const b = new PendingChanges(storage);
    b.track(['n/private/mexico']);
    expect(b.total()).toBe(2);
    b.synced('n/private/mexico');
    expect(b.total()).toBe(0);
  });
});
