import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { penholder } from '../../testing/penholder-cli';

const seeds = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'penholder-import-out-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The paragraph counts `penholder import` prints. */
function reported(stdout: string): { preambular: number; operative: number } {
  return {
    preambular: Number(/Preambular paragraphs: (\d+)/u.exec(stdout)?.[1]),
    operative: Number(/Operative paragraphs: (\d+)/u.exec(stdout)?.[1]),
  };
}

describe('penholder import --out: what is read is kept', () => {
  const cases = [
    { name: 'the report in the seeds (no title block)', file: join(seeds, '002_1ebf21118c82a210.txt'), title: 'A/64/130' },
    { name: 'a Security Council draft without a symbol or title', file: join(fixtures, 'en-sc-draft-no-symbol.txt'), title: 'en-sc-draft-no-symbol' },
  ];
  for (const c of cases) {
    it(`writes every paragraph it reports for ${c.name}, in a file penholder clean reads`, async () => {
      const out = join(tmp, `${c.title.replace(/\W/gu, '-')}.penholder`);
      const imported = await penholder('import', c.file, '--out', out);
      expect(imported.code).toBe(0);
      expect(imported.stdout).toContain(`titled "${c.title}"`);
      const counts = reported(imported.stdout);
      expect(counts.operative).toBeGreaterThan(0);
      const clean = await penholder('clean', out, '--draft', '--format', 'md');
      expect(clean.stderr).toBe('');
      expect(clean.code).toBe(0);
      expect(clean.stdout).toContain(c.title);
      // Every paragraph the import reported is in the draft text, labelled in order, and no more.
      const labels = [...clean.stdout.matchAll(/^\[(PP|OP)(\d+)\]/gmu)].map((m) => `${m[1] ?? ''}${m[2] ?? ''}`);
      expect(labels.filter((l) => l.startsWith('PP'))).toHaveLength(counts.preambular);
      expect(labels.filter((l) => l.startsWith('OP'))).toHaveLength(counts.operative);
      expect(labels).toContain(`OP${counts.operative}`);
    });
  }
  it('fails saying why, and writes nothing, when the file cannot be written', async () => {
    const out = join(tmp, 'missing-folder', 'x.penholder');
    const r = await penholder('import', join(seeds, '000_bf30f40679ec065d.txt'), '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot write .*x\.penholder/u);
    expect(existsSync(out)).toBe(false);
  });
  it('fails saying why, and writes nothing, when the text has no paragraphs', async () => {
    const empty = join(tmp, 'letter.txt');
    writeFileSync(empty, 'Dear colleagues,\n\nPlease find the text attached.\n');
    const out = join(tmp, 'letter.penholder');
    const r = await penholder('import', empty, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no paragraphs found/u);
    expect(existsSync(out)).toBe(false);
  });
});
