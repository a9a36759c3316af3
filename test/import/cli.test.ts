import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportedText } from '../../shared/import/imported-text';
import { penholder } from '../../testing/penholder-cli';

const seeds = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'penholder-import-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('penholder import', () => {
  it('prints the structure of a seed as JSON', async () => {
    const { code, stdout } = await penholder('import', join(seeds, '000_bf30f40679ec065d.txt'), '--json');
    expect(code).toBe(0);
    const t = JSON.parse(stdout) as ImportedText;
    expect(t.symbol).toBe('A/RES/75/283');
    expect(t.preamble).toHaveLength(5);
    expect(t.operative).toHaveLength(14);
    expect(t.footnotes).toHaveLength(6);
  });
  it('prints a short summary without --json', async () => {
    const { code, stdout } = await penholder('import', join(seeds, '001_40b012bcd7b7be1f.txt'));
    expect(code).toBe(0);
    expect(stdout).toContain('E/RES/2021/25');
    expect(stdout).toContain('Preambular paragraphs: 27');
    expect(stdout).toContain('Operative paragraphs: 14');
    expect(stdout).toContain('Footnotes: 4');
  });
  it('names a missing file', async () => {
    const { code, stderr } = await penholder('import', 'no/such/file.txt', '--json');
    expect(code).toBe(1);
    expect(stderr).toContain('penholder import: no/such/file.txt: no such file');
  });
  it('refuses an unknown extension and binary content', async () => {
    const odt = join(tmp, 'x.odt');
    writeFileSync(odt, 'PK');
    expect((await penholder('import', odt)).stderr).toMatch(/unknown file type "\.odt"/u);
    const pdf = join(tmp, 'x.pdf');
    writeFileSync(pdf, '%PDF-1.7');
    expect((await penholder('import', pdf)).stderr).toMatch(/x\.pdf: not a readable PDF/u);
    const bin = join(tmp, 'x.txt');
    writeFileSync(bin, Buffer.from([0, 1, 2, 3, 255, 254, 0, 0]));
    const { code, stderr } = await penholder('import', bin);
    expect(code).toBe(1);
    expect(stderr).toMatch(/x\.txt:1: this is not text/u);
  });
  it('refuses an empty file and a broken .docx', async () => {
    const empty = join(tmp, 'empty.md');
    writeFileSync(empty, '');
    expect((await penholder('import', empty)).stderr).toMatch(/empty\.md: the file is empty/u);
    const docx = join(tmp, 'broken.docx');
    writeFileSync(docx, 'not a zip');
    expect((await penholder('import', docx)).stderr).toMatch(/broken\.docx: not a readable \.docx/u);
  });
  it('explains its usage when FILE is missing', async () => {
    const { code, stderr } = await penholder('import');
    expect(code).toBe(2);
    expect(stderr).toContain('FILE is missing');
  });
});
