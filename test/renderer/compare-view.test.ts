import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { accept, merge, replaceParagraphText } from '../../shared/model/facilitator-commands';
import { propose } from '../../shared/model/proposal-commands';
import { currentText, issueRevision } from '../../shared/model/revision-commands';
import type { Revision } from '../../shared/model/table-state';
import { CompareView, causeOf } from '../../renderer/ui/CompareView';
import { as, cofac, sampleNegotiation } from '../model/fixture';
import { render } from './render-view';

function revised() {
  const { negotiation: n, ids } = sampleNegotiation();
  issueRevision(n, cofac, null, '2021-02-13T10:00:00Z');
  const op2 = 'Urges Member States to protect victims and survivors;';
  const from = op2.indexOf('victims and survivors');
  const a = propose(n, as('mexico'), { kind: 'replace', paragraphId: ids[3]!, from, to: from + 21, text: 'all victims', at: '2021-02-14T10:00:00Z' });
  accept(n, cofac, `mexico/${a.id}`, '2021-02-15T10:00:00Z');
  const op3 = 'Requests the Secretary-General to report on progress.';
  const b = propose(n, as('canada'), { kind: 'insert', paragraphId: ids[4]!, from: op3.indexOf(' on progress'), text: ' annually', at: '2021-02-14T11:00:00Z' });
  const c = propose(n, as('egypt'), { kind: 'replace', paragraphId: ids[4]!, from: 0, to: 8, text: 'Invites', onBehalfOf: 'g77', at: '2021-02-14T12:00:00Z' });
  merge(n, cofac, [`canada/${b.id}`, `egypt/${c.id}`], ids[4]!, 'Requests the Secretary-General to report annually on progress.', null, '2021-02-15T11:00:00Z');
  return { n, ids, keys: { a: `mexico/${a.id}`, b: `canada/${b.id}`, c: `egypt/${c.id}` } };
}

describe('compare', () => {
  it('shows what changed since the latest revision as a redline, with the proposals that caused it', () => {
    const { n } = revised();
    const html = render(n, cofac, createElement(CompareView));
    expect(html).toContain('2 paragraphs changed · 0 added · 0 removed');
    expect(html).toContain('<del>victims and survivors</del>');
    expect(html).toContain('<ins>all victims</ins>');
    expect(html).toContain('Caused by:');
    expect(html).toContain('Mexico (replace)');
    expect(html).toContain('Canada (insert)');
    expect(html).toContain('Egypt on behalf of the Group of 77 and China (replace)');
    // Unchanged paragraphs are left out by default.
    expect(html).not.toContain('Recalling its resolution');
    expect(html).toContain('<option value="0" selected="">Zero draft</option>');
    expect(html).toContain('<option value="current" selected="">Current text</option>');
  });

  it('names who edited a paragraph in plain interface type, not as a paragraph editor (whose class set the text\'s serif)', () => {
    const { n, ids } = revised();
    replaceParagraphText(n, cofac, ids[3]!, 'Urges Member States to protect all victims of trafficking;');
    const html = render(n, cofac, createElement(CompareView));
    expect(html).toMatch(/Changed by the co-facilitators: <span class="edited-by-name">co-facilitator \(edited\)<\/span>/);
    expect(html).not.toContain('class="editor"');
  });

  it('speaks French', () => {
    const { n } = revised();
    const html = render(n, cofac, createElement(CompareView), 'fr');
    expect(html).toContain('Du fait de :');
    expect(html).toContain('Mexico (remplacement)');
    expect(html).toContain('2 paragraphes modifiés · 0 ajouté · 0 supprimé');
  });

  it('compares with the imported original when there is one, and says when there is nothing to compare', () => {
    const { negotiation: n } = sampleNegotiation();
    expect(render(n, cofac, createElement(CompareView))).toContain('nothing to compare');
    const original: Revision = { number: -1, name: 'Original', issuedAt: '2021-01-01T00:00:00Z', note: null, paragraphs: currentText(n).slice(1), footnotes: {} };
    n.table.doc.getMap('baseline').set('original', original);
    const html = render(n, cofac, createElement(CompareView));
    expect(html).toContain('<option value="original" selected="">Original (as imported)</option>');
    expect(html).toContain('added');
    expect(html).toContain('<ins>Recalling its resolution 64/293 of 30 July 2010,</ins>');
  });

  it('names a cause by its author even when the proposal is not held here', () => {
    const { n, keys } = revised();
    expect(causeOf(n, keys.a)).toMatchObject({ author: 'Mexico', kind: 'replace' });
    expect(causeOf(n, 'canada/unknown')).toMatchObject({ author: 'Canada', kind: null });
  });
});
