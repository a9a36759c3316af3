import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/model/actor';
import { bracket, replaceParagraphText, setStatus } from '../../shared/model/facilitator-commands';
import { issueRevision } from '../../shared/model/revision-commands';
import { CompareView } from '../../renderer/ui/CompareView';
import { DecisionLogView } from '../../renderer/ui/DecisionLogView';
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
    expect(html).toMatch(/<tr data-kind="status">.*PP1.*agreed/);
  });

  it('says the record is broken, in French too, when an entry was removed', () => {
    const n = decided();
    n.table.logArray.delete(1, 1);
    const html = render(n, as('mexico'), createElement(DecisionLogView), 'fr');
    expect(html).toContain('role="alert"');
    expect(html).toContain('Le registre est rompu : entry 2 follows an entry that is no longer in the log');
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
