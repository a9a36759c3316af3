import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePenholderFile, encodePenholderFile } from '../../shared/model/penholder-file';
import { bracket } from '../../shared/model/facilitator-commands';
import { propose } from '../../shared/model/proposal-commands';
import { addDelegation } from '../../shared/model/create-negotiation';
import { penholder } from '../../testing/penholder-cli';

const root = resolve(__dirname, '../..');
const seed = resolve(root, '../shared/seeds/000_bf30f40679ec065d.txt');
const cofac = { role: 'cofacilitator' as const, delegationId: null };

describe('penholder import --out, clean and compile', { timeout: 180_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'penholder-cli-'));
  const file = join(dir, 'modalities.penholder');

  it('imports a seed into a .penholder file and prints its clean text', async () => {
    const imported = await penholder('import', seed, '--out', file);
    expect(imported.code).toBe(0);
    const clean = await penholder('clean', file);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/^A\/RES\/75\/283\n/);
    expect(clean.stdout).toContain('L’Assemblée générale,');
    expect(clean.stdout).toContain('14. Encourage les États Membres');
    expect((await penholder('clean', file, '--format', 'html')).stdout).toContain('<i>Rappelant</i>');
    expect((await penholder('clean', file, '--format', 'md')).stdout).toContain('*Décide*');
  });

  it('refuses a clean text while text is bracketed or proposals are open, and prints a draft on request', async () => {
    const n = decodePenholderFile(readFileSync(file, 'utf8'));
    const [first, second] = n.table.paragraphs();
    addDelegation(n, cofac, { name: 'Mexique' });
    bracket(n, cofac, first!.id, 10, 20);
    propose(n, { role: 'delegation', delegationId: 'mexique' }, { kind: 'delete-paragraph', paragraphId: second!.id, rationale: 'redondant' });
    writeFileSync(file, encodePenholderFile(n));
    const refused = await penholder('clean', file);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('PP1: 1 crochet\n');
    expect(refused.stderr).toContain('PP2: proposition ouverte de Mexique');
    const draft = await penholder('clean', file, '--draft');
    expect(draft.stdout).toContain('[PP1] Rappelant');
    const compiled = await penholder('compile', file);
    expect(compiled.stdout).toContain('- **Mexique**: supprimer le paragraphe: ~~Rappelant également');
    expect(compiled.stdout).toContain('justification: redondant; décision: ouverte');
  });

  it('names the problem with bad input and leaves nothing half-written', async () => {
    expect((await penholder('clean', join(dir, 'missing.penholder'))).stderr).toContain('no such file');
    expect((await penholder('clean', file, '--format', 'pdf'))).toMatchObject({ code: 2 });
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const failed = await penholder('import', empty, '--out', join(dir, 'empty.penholder'));
    expect(failed.code).not.toBe(0);
    expect(existsSync(join(dir, 'empty.penholder'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect((await penholder('import', seed, '--out', join(dir, 'x.txt'))).stderr).toContain('must end in .penholder');
  });
});
