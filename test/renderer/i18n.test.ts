import { describe, expect, it } from 'vitest';
import { en, type Message, type MessageKey, type PluralMessage } from '../../renderer/i18n/en';
import { fr } from '../../renderer/i18n/fr';
import { translator, uiLocale } from '../../renderer/i18n/translate';
import { keyWords, SHORTCUTS } from '../../renderer/ui/ShortcutsDialog';

const forms = (m: Message): string[] => (typeof m === 'string' ? [m] : Object.values(m));

describe('interface languages', () => {
  it('English and French have the same keys, none empty', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of [...Object.entries(en), ...Object.entries(fr)]) for (const f of forms(value)) expect(f.trim(), key).not.toBe('');
  });

  it('French writes the typographic apostrophe throughout (« l’avant-projet », never a typewriter one beside it)', () => {
    for (const [key, value] of Object.entries(fr)) for (const f of forms(value)) expect(f, key).not.toContain("'");
  });

  it('fills placeholders and keeps each language\'s placeholders', () => {
    const placeholders = (m: Message) => [...new Set(forms(m).flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1])))].sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
    expect(translator('en')('status.adrefPending', { names: 'Brazil' })).toBe('Ad ref, pending Brazil');
  });

  it('puts French articles before a paragraph\'s label as they are spoken: de l’OP2, du PP3, du paragraphe 4', () => {
    const t = translator('fr');
    expect(t('propose.heading', { label: 'OP2' })).toBe('Proposer une modification de l’OP2');
    expect(t('propose.heading', { label: 'PP3' })).toBe('Proposer une modification du PP3');
    expect(t('propose.heading', { label: '4 bis' })).toBe('Proposer une modification du paragraphe 4 bis');
    expect(t('fac.setStatus', { label: 'OP6 Alt 1' })).toBe('Statut de l’OP6 Alt 1');
    expect(t('presence.on', { label: 'OP2' })).toBe('sur l’OP2');
    expect(t('tools.moveAfter', { label: 'OP2' })).toBe('Déplacer l’OP2 après');
    expect(t('proposal.moveTo', { label: 'OP9' })).toBe('Le placer après l’OP9');
    expect(t('announce.proposal', { who: 'Mexique', label: 'OP2' })).toBe('Mexique propose une modification de l’OP2');
    expect(t('announce.proposal', { who: 'Mexique', label: '12' })).toBe('Mexique propose une modification du paragraphe 12');
    expect(translator('en')('propose.heading', { label: 'OP2' })).toBe('Propose a change to OP2');
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

  it('says every count in the form its number takes, in both languages, at 0, 1 and 2', () => {
    const keys = Object.keys(en) as MessageKey[];
    const countKeys = keys.filter((k) => typeof en[k] !== 'string');
    expect(countKeys.length).toBeGreaterThan(20);
    // A message that counts things is a plural message: none says "{count} decisions" whatever the count.
    for (const k of keys) if (typeof en[k] === 'string') expect(`${k}: ${String(en[k])} / ${String(fr[k])}`).not.toMatch(/\{(count|n|shown|total)\}/);
    // English and French agree on which messages count; English says only one in the singular, French 0 and 1.
    // Words that do not change with the number ("2 awaiting instructions", "2 en attente d’instructions").
    const invariable = new Set(['en text.wordsTarget', 'en positions.pending', 'en compare.added', 'en compare.removed', 'fr positions.pending']);
    for (const [language, messages, singular] of [['en', en, [1]], ['fr', fr, [0, 1]]] as const) {
      const t = translator(language);
      for (const k of countKeys) {
        const m = messages[k] as PluralMessage;
        expect(typeof m, `${language} ${k}`).toBe('object');
        expect(m.one, `${language} ${k} has a singular`).toBeTruthy();
        if (!invariable.has(`${language} ${k}`)) expect(m.one, `${language} ${k}: singular and plural differ`).not.toBe(m.other);
        for (const n of [0, 1, 2]) {
          const values: Record<string, string | number> = { count: n, total: 5, target: 300, label: 'OP1', name: 'Rev.1' };
          const said = t(k, values);
          const form = (singular as readonly number[]).includes(n) ? m.one! : m.other;
          expect(said, `${language} ${k} at ${n}`).toBe(form.replace(/\{(\w+)\}/g, (_, v: string) => String(values[v])));
          expect(said, `${language} ${k} at ${n}`).toContain(String(n));
        }
      }
    }
    // What the last session saw on screen.
    expect(translator('fr')('log.verified', { count: 1 })).toBe('Registre vérifié : 1 décision, tous les liens intacts, chaque révision telle que publiée.');
    expect(translator('fr')('log.verified', { count: 2 })).toMatch(/^Registre vérifié : 2 décisions,/);
    expect(translator('en')('log.verified', { count: 1 })).toMatch(/^Record verified: 1 decision,/);
    expect(translator('en')('filter.count', { count: 1, total: 12 })).toBe('Showing 1 paragraph of 12');
    expect(translator('fr')('filter.count', { count: 0, total: 12 })).toBe('0 paragraphe affiché sur 12');
    expect(translator('fr')('positions.support', { count: 1 })).toBe('1 appui');
    expect(translator('en')('positions.oppose', { count: 2 })).toBe('2 oppose');
  });

  it('writes numbers in the user\'s regional form of the interface language', () => {
    expect(uiLocale('fr', [])).toBe('fr-FR');
    expect(uiLocale('fr', ['en-US', 'fr-CH'])).toBe('fr-CH');
    expect(uiLocale('en', ['fr-FR'])).toBe('en-GB');
    expect(uiLocale('en', ['en-US'])).toBe('en-US');
    expect(translator('fr', 'fr-FR')('text.words', { count: 1500 })).toBe('1\u202f500 mots');
  });

  it('names the keys of every shortcut as the interface language names them', () => {
    expect(keyWords('Control+Shift+B', translator('fr'))).toBe('Ctrl+Maj+B');
    expect(keyWords('Control+Shift+B', translator('en'))).toBe('Ctrl+Shift+B');
    expect(keyWords('Escape', translator('fr'))).toBe('Échap');
    expect(keyWords('Alt+ArrowDown', translator('en'))).toBe('Alt+↓');
    expect(keyWords('ContextMenu', translator('en'))).toBe('Menu key');
    for (const s of SHORTCUTS) for (const keys of s.keys.split(', ')) expect(keyWords(keys, translator('fr'))).not.toMatch(/Shift|Escape|Control|ContextMenu|Arrow/);
  });
});
