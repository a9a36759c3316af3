import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/model/actor';
import { bracket, replaceParagraphText, setStatus } from '../../shared/model/facilitator-commands';
import { issueRevision } from '../../shared/model/revision-commands';
import { CompareView } from '../../renderer/ui/CompareView';
import { DecisionLogView } from '../../renderer/ui/DecisionLogView';
import { decisionDetail, problemWords } from '../../renderer/ui/decision-detail';
import { translator } from '../../renderer/i18n/translate';
import { logProblem } from '../../shared/model/decision-log';
import { as, sampleNegotiation } from '../model/fixture';
import { render } from './render-view';

const ireland: Actor = { role: 'cofacilitator', delegationId: null, name: 'co-facilitator (Ireland)' };
const qatar: Actor = { role: 'cofacilitator', delegationId: null, name: 'co-facilitator (Qatar)' };

function decided() {
  const { negotiation: n } = sampleNegotiation();
  issueRevision(n, ireland, 'for first reading', '2021-02-13T12:00:00Z');
  replaceParagraphText(n, qatar, 'p3', 'Decides to convene a high-level meeting in 2022;');
  bracket(n, ireland, 'p4', 31, 38);
  setStatus(n, ireland, 'p1', { state: 'agreed' });
  return n;
}

describe('the record in the app', () => {
  it('lists every decision with who took it, and says that the record verifies', () => {
    const html = render(decided(), as('mexico'), createElement(DecisionLogView));
    expect(html).toContain('Record verified: 4 decisions, every link intact, every revision as issued.');
    expect(html).toMatch(/<tr data-kind="edit">.*co-facilitator \(Qatar\).*edited.*OP1/);
    expect(html).toMatch(/<tr data-kind="bracket">.*co-facilitator \(Ireland\).*bracketed.*OP2.*victims/);
    expect(html).toMatch(/<tr data-kind="status">.*PP1.*Agreed/);
  });

  it('says the record is broken, in French too, when an entry was removed', () => {
    const n = decided();
    n.table.logArray.delete(1, 1);
    const html = render(n, as('mexico'), createElement(DecisionLogView), 'fr');
    expect(html).toContain('role="alert"');
    expect(html).toContain('Le registre est rompu : l’entrée 2 suit une entrée qui n’est plus dans le registre');
    expect(html).toMatch(/cofacilitateur \(Ireland\).*mis entre crochets/);
  });

  it('compare names the co-facilitators who changed a paragraph themselves', () => {
    const html = render(decided(), as('mexico'), createElement(CompareView));
    expect(html).toContain('Changed by the co-facilitators:');
    expect(html).toContain('co-facilitator (Qatar) (edited)');
    expect(html).toContain('co-facilitator (Ireland) (bracketed)');
    expect(html).not.toContain('no decision in the record');
    expect(render(decided(), as('mexico'), createElement(CompareView), 'fr')).toContain('cofacilitateur (Qatar) (modifié)');
  });
});

describe('the record’s details in the interface language', () => {
  const words = (detail: string, kind: Parameters<typeof decisionDetail>[0]['kind'], language: 'en' | 'fr') =>
    decisionDetail({ kind, detail }, { t: translator(language), language, nameOf: (id) => ({ egypt: 'Egypt', 'european-union': 'European Union' })[id] ?? id, labelOf: (id) => (id === 'p3' ? 'OP1' : id) });

  it('reads the states, delegations, paragraphs and dates back from what the commands wrote', () => {
    expect(words('agreed ad ref, awaiting egypt, european-union until 2026-12-02T18:41:00.000Z', 'status', 'en')).toMatch(/^Ad ref, pending Egypt, European Union, until 0?2\/12\/2026/);
    expect(words('agreed ad ref, awaiting egypt', 'status', 'fr')).toBe('Ad ref, en attente de Egypt');
    expect(words('agreed', 'status', 'fr')).toBe('Agréé');
    expect(words('reopened (was agreed)', 'reopen', 'en')).toBe('was Agreed');
    expect(words('after p3', 'move', 'fr')).toBe('après OP1');
    expect(words('passed: no objection', 'silence-close', 'fr')).toBe('Approbation tacite acquise — no objection');
    expect(words('victims and survivors', 'bracket', 'en')).toBe('“victims and survivors”');
    expect(words('until 2099-04-28T16:00:00.000Z; kept open: p3, p4', 'silence-open', 'fr')).toMatch(/^jusqu’au 28\/04\/2099 \d\d:\d\d ; restent ouverts : OP1, p4$/);
    expect(words('Zero draft: première lecture', 'revision', 'fr')).toBe('Avant-projet: première lecture');
    expect(words('Avant-projet', 'revision', 'en')).toBe('Zero draft');
    expect(words('Rev.2', 'revision', 'fr')).toBe('Rev.2');
    expect(words('edited the text directly', 'edit', 'fr')).toBe('saisi dans le texte');
    // A decision on a proposal names whose it was, except in a reading without authors.
    const on = (kind: 'accept' | 'not-retain' | 'merge', detail: string, language: 'en' | 'fr', anonymous = false) =>
      decisionDetail({ kind, detail, proposal: 'egypt/p-1' }, { t: translator(language), language, nameOf: (id) => (id === 'egypt' ? 'Egypt' : id), labelOf: (id) => id, anonymous });
    expect(on('accept', 'replace', 'en')).toBe('replace — proposal by Egypt');
    expect(on('not-retain', '', 'fr')).toBe('proposition de Egypt');
    expect(on('merge', 'all victims', 'en')).toBe('“all victims” — proposal by Egypt');
    expect(on('accept', 'replace', 'en', true)).toBe('replace');
    expect(words('edited the text directly', 'edit', 'en')).toBe('typed in the text');
    expect(words('Decides to convene', 'edit', 'fr')).toBe('“Decides to convene”');
  });

  it('names a break in the record in French', () => {
    expect(problemWords(logProblem(1, 'change-unlogged', { label: 'OP2', change: 'moved', from: 'Rev.1', to: 'Rev.2' }), translator('fr'))).toBe('OP2 : déplacé entre Rev.1 et Rev.2 sans décision consignée');
  });
});
