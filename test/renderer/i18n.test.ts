import { describe, expect, it } from 'vitest';
import { en, type Message } from '../../renderer/i18n/en';
import { fr } from '../../renderer/i18n/fr';
import { translator, uiLocale } from '../../renderer/i18n/translate';

const forms = (m: Message): string[] => (typeof m === 'string' ? [m] : Object.values(m));

describe('interface languages', () => {
  it('English and French have the same keys, none empty', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of [...Object.entries(en), ...Object.entries(fr)]) for (const f of forms(value)) expect(f.trim(), key).not.toBe('');
  });

  it('fills placeholders and keeps each language\'s placeholders', () => {
    const placeholders = (m: Message) => [...new Set(forms(m).flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1])))].sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
    expect(translator('en')('status.adrefPending', { names: 'Brazil' })).toBe('Ad ref, pending Brazil');
  });

  it('says singular and plural properly in both languages', () => {
    const t = translator('en');
    expect(t('para.proposals', { count: 1 })).toBe('1 open proposal');
    expect(t('para.proposals', { count: 2 })).toBe('2 open proposals');
    expect(t('text.brackets', { count: 0 })).toBe('0 brackets');
    expect(t('text.brackets', { count: 1 })).toBe('1 bracket');
    const f = translator('fr');
    expect(f('para.proposals', { count: 1 })).toBe('1 proposition ouverte');
    expect(f('para.proposals', { count: 2 })).toBe('2 propositions ouvertes');
    // In French, zero takes the singular.
    expect(f('text.brackets', { count: 0 })).toBe('0 crochet');
    expect(f('silence.objections', { count: 3 })).toBe('3 objections');
    // Numbers as each language writes them: a narrow no-break space groups thousands in French.
    expect(f('net.pending', { count: 1_000_000 })).toBe('1\u202f000\u202f000 modifications en attente de synchronisation');
    expect(t('net.pending', { count: 1_000_000 })).toBe('1,000,000 changes waiting to sync');
  });

  it('writes numbers and dates in the user\'s regional form of the interface language', () => {
    expect(uiLocale('fr', [])).toBe('fr-FR');
    expect(uiLocale('fr', ['en-US', 'fr-CH'])).toBe('fr-CH');
    expect(uiLocale('en', ['fr-FR'])).toBe('en-GB');
    expect(uiLocale('en', ['en-US'])).toBe('en-US');
    expect(translator('fr', 'fr-FR')('text.words', { count: 1500 })).toBe('1\u202f500 mots');
  });
});
