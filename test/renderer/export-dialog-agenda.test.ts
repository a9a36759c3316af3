import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { exportBytes } from '../../shared/export/export-bytes';
import { importText } from '../../shared/import/import-text';
import { negotiationFromImport } from '../../shared/model/from-import';
import { ExportDialog } from '../../renderer/ui/export/ExportDialog';
import { cofac } from '../model/fixture';
import { render } from './render-view';

const ecosoc = new URL('../fixtures/import/corpus/dev/ecosoc-txt-2022-12.txt', import.meta.url);

describe('the export dialog\'s agenda item', () => {
  it('shows the imported text\'s agenda item, to keep, change or empty', async () => {
    const negotiation = negotiationFromImport(importText(readFileSync(ecosoc, 'utf8'), { source: 'E/RES/2022/12' }));
    for (const language of ['en', 'fr'] as const) {
      const html = render(negotiation, cofac, createElement(ExportDialog, { initialKind: 'clean', onClose: () => undefined }), language);
      expect(html).toMatch(/<input [^>]*value="19 \(c\)"/u);
    }
    // Emptied in the dialog, the masthead names no agenda item.
    const masthead = async (agendaItem?: string) => strFromU8(unzipSync(await exportBytes(negotiation, { kind: 'clean', format: 'docx', ...(agendaItem === undefined ? {} : { agendaItem }) }))['word/document.xml']!).replace(/<[^>]+>/gu, '');
    expect(await masthead()).toContain('Agenda item 19 (c)');
    expect(await masthead('')).not.toContain('Agenda item');
  });
});
