import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasTool, run } from './tools';
import { bracket } from '../../shared/model/facilitator-commands';
import { issueRevision } from '../../shared/model/revision-commands';
import { flatText } from '../../shared/text/rich-text';
import { cofac } from '../model/fixture';
import { browserAvailable, joinRoom, launch, openRoom, screenshot, type Room } from '../renderer/e2e-setup';

const PAGES = 'test-results/export-pages';
const tools = browserAvailable() && hasTool('soffice') && hasTool('pdftoppm');

/** Saves the download the click starts; returns its file name and path. */
async function download(page: Page, dir: string, click: () => Promise<void>): Promise<{ name: string; path: string }> {
  const [started] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  const path = join(dir, started.suggestedFilename());
  await started.saveAs(path);
  return { name: started.suggestedFilename(), path };
}

describe.runIf(tools)('the export dialog of the web edition, in Chromium', () => {
  let browser: Browser;
  let room: Room;
  const dir = mkdtempSync(join(tmpdir(), 'penholder-export-dialog-'));

  beforeAll(async () => {
    [browser, room] = await Promise.all([
      launch(),
      openRoom((n, ids) => {
        issueRevision(n, cofac, null, '2021-03-01T10:00:00Z');
        const op1 = flatText(n.table.paragraph(ids[2]!)!.text);
        bracket(n, cofac, ids[2]!, op1.indexOf('in 2021'), op1.indexOf('in 2021') + 'in 2021'.length);
      }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await room?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('by keyboard: a clean text refused while bracketed, then a draft DOCX downloaded that LibreOffice opens', async () => {
    const { context, page } = await joinRoom(browser, room, room.tokens.mexico);
    try {
      await page.getByRole('button', { name: 'Export…' }).focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Export the text' });
      await dialog.waitFor();
      expect(await dialog.getByLabel('Clean text').isChecked()).toBe(true);
      expect(await dialog.getByLabel('Word (DOCX)').isChecked()).toBe(true);
      await dialog.getByRole('button', { name: 'Export' }).click();
      const alert = dialog.getByRole('alert');
      await alert.getByText('The text is not clean yet, so it cannot be exported').waitFor();
      expect(await alert.textContent()).toContain('OP1: 1 bracket');
      await screenshot(page, '40-export-dialog-not-clean', false);

      await dialog.getByLabel(/^Draft/).check();
      const docx = await download(page, dir, () => dialog.getByRole('button', { name: 'Export' }).press('Enter'));
      expect(docx.name).toBe('Political-declaration-on-trafficking-clean.docx');
      await dialog.getByRole('status').getByText(/Downloaded Political-declaration-on-trafficking-clean\.docx \(\d+ KB\)/).waitFor();
      const xml = strFromU8(unzipSync(readFileSync(docx.path))['word/document.xml']!);
      expect(xml).toContain('Draft: not agreed');
      expect(xml).toContain('[in 2021]');
      run('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, docx.path], { timeout: 180_000 });
      // Page 1, for a person to look at.
      mkdirSync(PAGES, { recursive: true });
      run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', join(dir, 'Political-declaration-on-trafficking-clean.pdf'), join(PAGES, 'dialog-draft-docx')]);
      expect(run('pdftotext', [join(dir, 'Political-declaration-on-trafficking-clean.pdf'), '-'])).toContain('Decides to convene a high-level meeting [in 2021];');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    } finally {
      await context.close();
    }
  }, 240_000);

  it('the compilation as HTML, a redline between two revisions, no Akoma Ntoso redline, a PDF through the print dialog', async () => {
    const { context, page } = await joinRoom(browser, room, room.tokens.cofac);
    try {
      await page.getByRole('button', { name: 'Export…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export the text' });
      await dialog.getByLabel('Compilation text').check();
      await dialog.getByLabel('Web page (HTML)').check();
      const html = await download(page, dir, () => dialog.getByRole('button', { name: 'Export' }).click());
      expect(html.name).toBe('Political-declaration-on-trafficking-compilation.html');
      expect(readFileSync(html.path, 'utf8')).toContain('Decides to convene a high-level meeting [in 2021];');
      await dialog.getByLabel('Proposals in the text (as read in the room)').check();
      const inline = await download(page, dir, () => dialog.getByRole('button', { name: 'Export' }).click());
      expect(readFileSync(inline.path, 'utf8')).toContain('<b class="label">OP1</b> Decides to convene a high-level meeting [in 2021];');

      await dialog.getByLabel(/^Changes between two revisions/).check();
      expect(await dialog.getByLabel('Changes from').inputValue()).toBe('0');
      await dialog.getByLabel('Akoma Ntoso (XML)').check();
      await dialog.getByRole('alert').getByText('A redline has no Akoma Ntoso form').waitFor();
      expect(await dialog.getByRole('button', { name: 'Export' }).isDisabled()).toBe(true);
      await dialog.getByLabel('Word (DOCX)').check();
      const redline = await download(page, dir, () => dialog.getByRole('button', { name: 'Export' }).click());
      expect(redline.name).toBe('Political-declaration-on-trafficking-redline-since-zero-draft.docx');
      expect(strFromU8(unzipSync(readFileSync(redline.path))['word/document.xml']!)).toMatch(/<w:ins [^>]*w:author="Co-facilitators"[^>]*>[\s\S]*?<w:t xml:space="preserve">\[<\/w:t>/);

      await dialog.getByLabel(/^PDF/).check();
      await dialog.getByRole('button', { name: 'Export' }).click();
      await dialog.getByRole('status').getByText('The print dialog is open').waitFor();
      const printed = await page.locator('iframe[data-export-print]').evaluate((f) => (f as HTMLIFrameElement).contentDocument?.body.textContent ?? '');
      expect(printed).toContain('Changes from Zero draft to current text');
      await screenshot(page, '41-export-dialog-redline', false);
    } finally {
      await context.close();
    }
  }, 240_000);

  it('shows the compilation text inline beside the table form', async () => {
    const { context, page } = await joinRoom(browser, room, room.tokens.egypt);
    try {
      await page.getByRole('button', { name: 'Compilation' }).click();
      await page.getByLabel('Proposals in the text (as read in the room)').check();
      const inline = page.getByRole('region', { name: 'Proposals in the text (as read in the room)' });
      await inline.getByText('Decides to convene a high-level meeting [in 2021];').waitFor();
      await page.getByLabel('Table per paragraph').check();
      await page.getByRole('region', { name: 'Compilation text' }).waitFor();
    } finally {
      await context.close();
    }
  }, 120_000);

  it('speaks French', async () => {
    const { context, page } = await joinRoom(browser, room, room.tokens.canada, { locale: 'fr-FR' });
    try {
      await page.locator('label.lang select').selectOption('fr');
      await page.getByRole('button', { name: 'Exporter…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Exporter le texte' });
      await dialog.getByLabel('Texte de compilation').check();
      await dialog.getByRole('button', { name: 'Exporter' }).click();
      await dialog.getByRole('status').getByText(/Téléchargé : .*-compilation\.docx/).waitFor();
    } finally {
      await context.close();
    }
  }, 120_000);
});
