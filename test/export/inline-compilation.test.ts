import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { negotiatedSample } from './fixture';
import { hasTool, run, squash } from './tools';
import { exportBytes } from '../../shared/export/export-bytes';
import { exportHtml } from '../../shared/export/export-request';
import { formatInlineCompilation, inlineCompilation } from '../../shared/export/inline-compilation';
import { replaceParagraphText } from '../../shared/model/facilitator-commands';
import { encodePenholderFile } from '../../shared/model/penholder-file';
import { propose, setPosition } from '../../shared/model/proposal-commands';
import { flatText, richText } from '../../shared/text/rich-text';
import { as, cofac } from '../model/fixture';

const PAGES = 'test-results/export-pages';
const at = (hour: number): string => `2021-03-10T${String(hour).padStart(2, '0')}:00:00Z`;

/**
 * The open sample (Rev.1 issued, Canada's "and assist" still open in the declaration) with more open
 * proposals on OP3: Canada inserts "and fully" (Australia supports), Egypt deletes "all" (Mexico
 * opposes, Holy See awaits instructions); the EU proposes a new paragraph after OP4; and a proposal
 * whose words changed since it was written.
 */
function room() {
  const { negotiation: n, ids } = negotiatedSample(false);
  const op3 = flatText(n.table.paragraph(ids[3]!)!.text);
  const protect = op3.indexOf('protect');
  const canada = propose(n, as('canada'), { kind: 'insert', paragraphId: ids[3]!, from: protect, to: protect + 'protect'.length, text: 'and fully', at: at(10) });
  setPosition(n, as('australia'), `canada/${canada.id}`, 'support', null, at(11));
  const all = op3.indexOf('all victims');
  const egypt = propose(n, as('egypt'), { kind: 'delete', paragraphId: ids[3]!, from: all, to: all + 3, at: at(10) });
  setPosition(n, as('mexico'), `egypt/${egypt.id}`, 'oppose', null, at(11));
  setPosition(n, as('holy-see'), `egypt/${egypt.id}`, 'pending-instructions', null, at(11));
  propose(n, as('european-union'), { kind: 'new-paragraph', paragraphId: ids[4]!, paragraph: 'Decides to remain seized of the matter.', at: at(12) });
  const op4 = flatText(n.table.paragraph(ids[4]!)!.text);
  propose(n, as('mexico'), { kind: 'replace', paragraphId: ids[4]!, from: op4.indexOf('progress'), to: op4.indexOf('progress') + 'progress'.length, text: 'implementation', at: at(13) });
  // The co-facilitators reword OP4 afterwards: Mexico's quoted word is gone.
  replaceParagraphText(n, cofac, ids[4]!, richText({ text: 'Requests the Secretary-General to report on the follow-up:', lead: 'Requests', items: [{ text: 'on prevention;', items: [] }, { text: 'on protection of victims.', items: [] }] }));
  return n;
}

describe('the compilation text as read in the room: proposals inline', () => {
  const n = room();
  const md = formatInlineCompilation(n, inlineCompilation(n), 'md');

  it('puts each open proposal at its place, in brackets, with its author and who stands where', () => {
    expect(md).toContain('**OP3** Urges Member States to protect [and fully – Canada; supported by Australia] [~~all~~ – Egypt; opposed by Mexico; awaiting instructions: Holy See] victims;');
    expect(md).toContain('**2** We commit to protect [and assist – Canada] victims and survivors.');
  });

  it('puts proposals on the whole paragraph, and those whose words changed, after the paragraph', () => {
    const op4 = md.slice(md.indexOf('**OP4**'));
    expect(op4).toMatch(/^\*\*OP4\*\* Requests the Secretary-General to report on the follow-up: on prevention; on protection of victims\.\n\n> \[New paragraph after it: Decides to remain seized of the matter\. – European Union\]\n\n> \[~~progress~~ implementation – Mexico \(wording changed since: to be reviewed\)\]/);
  });

  it('summarises the positions on each proposal', () => {
    expect(md).toContain('*Positions:* Canada: 1 in support · Egypt: 1 opposed, 1 awaiting instructions');
    expect(formatInlineCompilation(n, inlineCompilation(n), 'md', 'fr')).toContain('Canada : 1 pour · Egypt : 1 contre, 1 en attente d’instructions');
  });

  it('leaves decided proposals out: the text already holds what was accepted', () => {
    expect(md).not.toContain('victims and survivors – Mexico');
    expect(md).toContain('Urges Member States to protect [and fully');
  });

  it('is an HTML page with insertions and deletions marked, the same words', () => {
    const html = exportHtml(n, { kind: 'compilation', layout: 'inline' });
    expect(html).toContain('protect <span class="proposal"');
    expect(html).toContain('[<ins>and fully</ins> – <span class="who">Canada; supported by Australia</span>]');
    expect(html).toContain('<del>all</del>');
  });
});

const tools = hasTool('soffice') && hasTool('pdftotext') && hasTool('pdftoppm');

describe.skipIf(!tools)('the inline compilation as DOCX and from the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'penholder-inline-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens in LibreOffice with the brackets at their place', async () => {
    const docx = join(dir, 'inline.docx');
    writeFileSync(docx, await exportBytes(room(), { kind: 'compilation', format: 'docx', layout: 'inline' }));
    run('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, docx], { timeout: 180_000 });
    mkdirSync(PAGES, { recursive: true });
    run('pdftoppm', ['-png', '-r', '60', '-singlefile', '-f', '1', '-l', '1', join(dir, 'inline.pdf'), join(PAGES, 'inline-compilation')]);
    const text = squash(run('pdftotext', ['-enc', 'UTF-8', join(dir, 'inline.pdf'), '-']));
    expect(text).toContain('Urges Member States to protect [and fully – Canada; supported by Australia] [all – Egypt; opposed by Mexico; awaiting instructions: Holy See] victims;');
    expect(text).toContain('Positions: Canada: 1 in support · Egypt: 1 opposed, 1 awaiting instructions');
  }, 240_000);

  it('penholder compile --layout inline prints it', async () => {
    const file = join(dir, 'room.penholder');
    writeFileSync(file, encodePenholderFile(room()));
    const root = resolve(__dirname, '../..');
    const { stdout } = await promisify(execFile)(process.execPath, [join(root, 'bin/penholder.mjs'), 'compile', file, '--layout', 'inline'], { cwd: root, timeout: 120_000 });
    expect(stdout).toContain('protect [and fully – Canada; supported by Australia]');
  }, 120_000);
});
