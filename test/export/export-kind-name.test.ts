import { describe, expect, it } from 'vitest';
import { exportKindName } from '../../shared/export/export-kind-name';
import { readFileSync } from 'node:fs';
import { exportFileName } from '../../renderer/ui/export/deliver';
import { exportName } from '../../renderer/ui/export/run-export';
import { importText } from '../../shared/import/import-text';
import { negotiationFromImport } from '../../shared/model/from-import';
import { issueRevision } from '../../shared/model/revision-commands';
import { cofac } from '../model/fixture';

describe('export file names', () => {
  it('say which text was exported, so that the zero draft, Rev.1 and the current text do not share a name', () => {
    const names = [
      exportKindName({ kind: 'clean' }),
      exportKindName({ kind: 'clean', revision: 0 }),
      exportKindName({ kind: 'clean', revision: 1 }),
      exportKindName({ kind: 'redline', base: 0 }),
      exportKindName({ kind: 'redline', base: 1, revision: 2 }),
      exportKindName({ kind: 'redline', base: 'original', revision: 0 }),
      exportKindName({ kind: 'compilation' }),
    ];
    expect(names).toEqual(['clean', 'clean-zero-draft', 'clean-rev1', 'redline-since-zero-draft', 'redline-rev2-since-rev1', 'redline-zero-draft-since-original', 'compilation']);
    expect(new Set(names).size).toBe(names.length);
    expect(exportFileName('E/RES/2022/12', exportKindName({ kind: 'clean', revision: 1 }), 'docx')).toBe('E-RES-2022-12-clean-rev1.docx');
  });

  it('name a draft made from an adopted resolution after its title, not after the resolution', () => {
    const n = negotiationFromImport(importText(readFileSync(new URL('../../../shared/seeds/001_40b012bcd7b7be1f.txt', import.meta.url), 'utf8'), { source: '001.txt' }), { id: 'again', title: 'Plan d’action mondial' });
    expect(exportName(n, { kind: 'clean', format: 'docx' }, 'docx')).toBe('E-RES-2021-25-clean.docx');
    issueRevision(n, cofac, null);
    expect(exportName(n, { kind: 'clean', format: 'docx', revision: 0 }, 'docx')).toBe('Plan-d-action-mondial-clean-zero-draft.docx');
    expect(exportName(n, { kind: 'compilation', format: 'docx' }, 'docx')).toBe('Plan-d-action-mondial-compilation.docx');
  });
});
