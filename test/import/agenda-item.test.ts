import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportBytes } from '../../shared/export/export-bytes';
import { importText } from '../../shared/import/import-text';
import { negotiationFromImport } from '../../shared/model/from-import';

const corpus = new URL('../fixtures/import/corpus/dev/', import.meta.url);

describe('the agenda item of an imported text', () => {
  it('is read from the title block, kept in the negotiation and printed in the masthead of its DOCX', async () => {
    const imported = importText(readFileSync(new URL('ga-pdf-80-9.txt', corpus), 'utf8'), { source: 'ga-pdf-80-9.txt' });
    expect(imported.agendaItem).toBe('107');
    const negotiation = negotiationFromImport(imported);
    expect(negotiation.table.meta().agendaItem).toBe('107');
    const docx = await exportBytes(negotiation, { kind: 'clean', format: 'docx', draft: true });
    const xml = strFromU8(unzipSync(docx)['word/document.xml'] as Uint8Array).replace(/<[^>]+>/gu, '');
    expect(xml).toContain('Agenda item 107');
    const asked = await exportBytes(negotiation, { kind: 'clean', format: 'docx', draft: true, agendaItem: '12 and 118' });
    expect(strFromU8(unzipSync(asked)['word/document.xml'] as Uint8Array).replace(/<[^>]+>/gu, '')).toContain('Agenda items 12 and 118');
  });
});
