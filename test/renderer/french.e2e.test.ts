import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { setStatus } from '../../shared/model/facilitator-commands';
import { propose, setPosition } from '../../shared/model/proposal-commands';
import { issueRevision } from '../../shared/model/revision-commands';
import { en, type Message } from '../../renderer/i18n/en';
import { fr } from '../../renderer/i18n/fr';
import { browserAvailable, e2eRoom, op, screenshot } from './e2e-setup';

const run = browserAvailable();
const forms = (m: Message): string[] => (typeof m === 'string' ? [m] : Object.values(m));

/** Every English message that is not also the French one, as a pattern matching it with its placeholders filled. */
const english: { key: string; pattern: string }[] = Object.entries(en).flatMap(([key, message]) => {
  const french = new Set(forms(fr[key as keyof typeof fr]));
  return forms(message)
    .filter((form) => !french.has(form) && form.replace(/\{\w+\}/g, '').trim().length > 3)
    .map((form) => ({ key, pattern: `^${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\w+\\\}/g, '.+?')}$` }));
});

/**
 * The English interface strings on the page: text and labels (aria-label, title, placeholder) outside
 * the parts in another language on purpose (the negotiated text, a refusal's English detail).
 */
function englishLeft(page: Page): Promise<string[]> {
  return page.evaluate((patterns) => {
    const regexes = patterns.map((p) => ({ key: p.key, re: new RegExp(p.pattern) }));
    const found: string[] = [];
    const foreign = (el: Element | null) => !!el?.closest('[lang]:not([lang^="fr"])') && el.closest('[lang]') !== document.documentElement;
    const check = (words: string | null, el: Element | null) => {
      const w = words?.trim();
      if (!w || foreign(el)) return;
      for (const { key, re } of regexes) if (re.test(w)) found.push(`${key}: "${w}"`);
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) check(n.parentElement?.innerText ?? n.textContent, n.parentElement);
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
      for (const attr of ['aria-label', 'title', 'placeholder']) check(el.getAttribute(attr), el);
    }
    return [...new Set(found)];
  }, english);
}

describe.runIf(run)('the interface in French, every screen, against the real sync server', () => {
  const e2e = e2eRoom((n, ids) => {
    const p = propose(n, { role: 'delegation', delegationId: 'mexico' }, { kind: 'insert', paragraphId: ids[3]!, from: 52, to: 52, text: ' and their families' });
    propose(n, { role: 'delegation', delegationId: 'canada' }, { kind: 'new-paragraph', paragraphId: ids[4]!, paragraph: 'Decides to remain seized of the matter.' });
    setPosition(n, { role: 'delegation', delegationId: 'egypt' }, `mexico/${p.id}`, 'oppose');
    // Decisions in the record: PP2 agreed ad ref, awaiting Egypt until a date; a revision issued.
    const cofac = { role: 'cofacilitator', delegationId: null } as const;
    setStatus(n, cofac, ids[1]!, { state: 'adref', pending: ['egypt'], deadline: '2099-04-28T16:00:00Z' });
    issueRevision(n, cofac, 'première lecture');
  });
  const join = async (token: string) => (await e2e.join(token, { locale: 'fr-FR' })).page;
  const left: string[] = [];
  const walk = async (page: Page, screen: string) => {
    await screenshot(page, `40-fr-${screen}`);
    for (const s of await englishLeft(page)) left.push(`${screen}: ${s}`);
  };

  it('a co-facilitator and a delegation walk every screen: no English string of the interface is left', async () => {
    const cofac = await join(e2e.room.tokens.cofac);
    await op(cofac, 'OP2').locator('ins.sugg').waitFor();
    await op(cofac, 'OP2').locator('.editor').click();
    await op(cofac, 'OP2').getByRole('toolbar').waitFor();
    await op(cofac, 'OP2').locator('ins.sugg').click();
    await op(cofac, 'OP2').locator('.suggestion-card').waitFor();
    await op(cofac, 'OP2').getByRole('button', { name: /^1 proposition ouverte/ }).click();
    await walk(cofac, 'texte-cofacilitateur');
    await op(cofac, 'OP2').getByRole('button', { name: 'Supprimer le paragraphe' }).click();
    await op(cofac, 'OP2').getByRole('button', { name: 'Ajouter une variante' }).click();
    // Agreed ad ref: the delegations awaited and the deadline, typed as French writes dates.
    await op(cofac, 'OP2').getByLabel('Statut de l’OP2').selectOption('adref');
    await op(cofac, 'OP2').getByRole('group', { name: 'Échéance' }).waitFor();
    await walk(cofac, 'outils');
    for (const view of ['Comparer', 'Compilation', 'Texte propre', 'Registre', 'Salle']) {
      await cofac.getByRole('navigation').getByRole('button', { name: view, exact: true }).click();
      await walk(cofac, view.toLowerCase().replace(' ', '-'));
    }
    await cofac.getByRole('navigation').getByRole('button', { name: 'Texte', exact: true }).click();
    await cofac.getByRole('button', { name: 'Raccourcis clavier (?)' }).click();
    await walk(cofac, 'raccourcis');
    await cofac.keyboard.press('Escape');
    await cofac.getByRole('button', { name: 'Nouvelle négociation' }).click();
    await walk(cofac, 'nouvelle-negociation');
    await cofac.keyboard.press('Escape');
    await cofac.getByRole('button', { name: /^Exporter/ }).click();
    await walk(cofac, 'export');
    await cofac.keyboard.press('Escape');

    const egypt = await join(e2e.room.tokens.egypt);
    // As on the co-facilitator's page: the suggestion is drawn once OP2's editor has mounted.
    await op(egypt, 'OP2').locator('ins.sugg').waitFor();
    await op(egypt, 'OP2').locator('ins.sugg').click();
    await op(egypt, 'OP2').locator('.suggestion-card').waitFor();
    await walk(egypt, 'texte-delegation');
    await op(egypt, 'OP3').getByRole('button', { name: 'Proposer une modification' }).click();
    await walk(egypt, 'proposer');
    // The menu of the selected words.
    await op(egypt, 'OP1').locator('.ProseMirror').click();
    await egypt.keyboard.press('End');
    await egypt.keyboard.press('ArrowLeft');
    await egypt.keyboard.press('Control+Shift+ArrowLeft');
    await egypt.keyboard.press('Shift+F10');
    await egypt.getByRole('menu').waitFor();
    await walk(egypt, 'menu-selection');
    await egypt.keyboard.press('Escape');
    for (const view of ['Comparer', 'Compilation', 'Texte propre', 'Registre']) {
      await egypt.getByRole('navigation').getByRole('button', { name: view, exact: true }).click();
      await walk(egypt, `delegation-${view.toLowerCase().replace(' ', '-')}`);
    }
    await egypt.getByRole('button', { name: /^Exporter/ }).click();
    await walk(egypt, 'delegation-export');
    await egypt.keyboard.press('Escape');
    expect(left).toEqual([]);
  }, 180_000);
});
