import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { importText } from '../../shared/import/import-text';
import { negotiationFromImport } from '../../shared/model/from-import';
import { issueRevision } from '../../shared/model/revision-commands';
import { CleanTextView } from '../../renderer/ui/CleanTextView';
import { ImportPreview } from '../../renderer/ui/NewNegotiation';
import { TextView } from '../../renderer/ui/TextView';
import { as, cofac } from '../model/fixture';
import { render } from './render-view';

const seed = readFileSync(new URL('../../../shared/seeds/003_38c0f701a36a6316.txt', import.meta.url), 'utf8');

describe('a draft made from an adopted resolution, in the app', () => {
  it('shows the resolution\'s symbol while the text is the resolution, and names it as the draft\'s basis once renegotiated, as the exports do', () => {
    const n = negotiationFromImport(importText(seed, { source: '003.txt' }), { id: 'again' });
    expect(render(n, as('mexico'), createElement(TextView, { presence: [] }))).toContain('<p class="symbol">A/RES/78/228</p>');
    issueRevision(n, cofac, null);
    for (const view of [createElement(TextView, { presence: [] }), createElement(CleanTextView)]) {
      const en = render(n, as('mexico'), view);
      expect(en).not.toContain('<p class="symbol">A/RES/78/228</p>');
      expect(en).toContain('Draft made from resolution A/RES/78/228');
      expect(render(n, as('mexico'), view, 'fr')).toContain('Projet établi à partir de la résolution A/RES/78/228');
    }
  });

  it('says, before the negotiation is created, that its drafts will not carry the adopted symbol', () => {
    const imported = importText(seed, { source: '003.txt' });
    const html = render(negotiationFromImport(imported), cofac, createElement(ImportPreview, { imported }));
    expect(html).toContain('A/RES/78/228');
    expect(html).toContain('issued without this symbol');
  });
});
