import { describe, expect, it } from 'vitest';
import { exportKindName } from '../../shared/export/export-kind-name';
import { exportFileName } from '../../renderer/ui/export/deliver';

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
});
