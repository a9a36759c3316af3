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

  it('is written as each language writes it: "19 (c)" in English, "19 c)" in French, "and" / "et" between items; under the Council\'s year session', async () => {
    const imported = importText(readFileSync(new URL('ecosoc-txt-2022-12.txt', corpus), 'utf8'), { source: 'ecosoc-txt-2022-12.txt' });
    expect(imported.agendaItem).toBe('19 (c)');
    const negotiation = negotiationFromImport(imported);
    const masthead = async (options: { language: 'en' | 'fr'; agendaItem?: string }) =>
      strFromU8(unzipSync(await exportBytes(negotiation, { kind: 'clean', format: 'docx', draft: true, ...options }))['word/document.xml'] as Uint8Array).replace(/<[^>]+>/gu, '');
    // The Council's session is its year's.
    expect(await masthead({ language: 'en' })).toContain('2022 sessionAgenda item 19 (c)');
    expect(await masthead({ language: 'fr' })).toContain('Session de 2022Point 19 c) de l’ordre du jour');
    expect(await masthead({ language: 'fr', agendaItem: '12 and 118' })).toContain('Points 12 et 118 de l’ordre du jour');
    expect(await masthead({ language: 'en', agendaItem: '69 a) et b)' })).toContain('Agenda items 69 (a) and (b)');
  });
});
