import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en';
import { fr } from '../../renderer/i18n/fr';
import { translator } from '../../renderer/i18n/translate';

describe('interface languages', () => {
  it('English and French have the same keys, none empty', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of [...Object.entries(en), ...Object.entries(fr)]) expect(value.trim(), key).not.toBe('');
  });

  it('fills placeholders and keeps each language\'s placeholders', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
    expect(translator('fr')('para.proposals', { count: 2 })).toBe('2 proposition(s) ouverte(s)');
    expect(translator('en')('status.adrefPending', { names: 'Brazil' })).toBe('Ad ref, pending Brazil');
  });
});
