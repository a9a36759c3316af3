import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ensureDemo } from '../../main/launch/web-edition';
import { decodePenholderFile } from '../../shared/model/penholder-file';
import { Negotiation } from '../../shared/model/negotiation';
import { startServer, type RunningServer } from '../../sync-server';
import { browserAvailable, buildRenderer, screenshot } from '../renderer/e2e-setup';
import { connect, quiet, tempDir } from './fixtures';
import { DesktopHarness } from './harness/desktop-harness';
import { readQr } from './read-qr';

/** Whether LibreOffice is here; under CI a missing tool is a failure, never a skip. */
function sofficeAvailable(): boolean {
  const found = ['/usr/bin/soffice', '/usr/local/bin/soffice'].some((p) => fs.existsSync(p));
  if (!found && process.env.CI === 'true') throw new Error('soffice is missing: these tests need LibreOffice (apt-get install libreoffice-writer).');
  return found;
}

// Each menu command, sent as main/electron/main.ts sends it, produces its effect in the real window on
// the real services: Save As writes a .penholder file, Export writes a DOCX that LibreOffice opens,
// Host a Session serves wss:// from the Room view, where the hosting co-facilitator invites (link, QR code),
// revokes and sees who is connected, and stops keeping it all.
describe.skipIf(!browserAvailable() || !sofficeAvailable())('the desktop menu, carried out in the window', () => {
  let server: RunningServer;
  let app: DesktopHarness;
  const dir = tempDir('desktop-menu');
  beforeAll(async () => {
    const dataDir = path.join(dir, 'server');
    const { invitations } = await ensureDemo(dataDir);
    server = await startServer({ dataDir, port: 0, logger: quiet, staticDir: null });
    app = await DesktopHarness.launch({ userDataDir: path.join(dir, 'app'), rendererDir: await buildRenderer(), openOnLaunch: `penholder://join?server=${encodeURIComponent(server.wsUrl)}&token=${invitations.cofacilitator}` });
    await app.page.locator('.net-connected').waitFor({ timeout: 60_000 });
  }, 180_000);
  afterAll(async () => {
    await app?.quit();
    await server?.close();
  });

  it('shows the count of unsynced changes from the desktop store', async () => {
    await app.page.locator('.unsynced[data-unsynced="0"]', { hasText: 'Everything on this computer is synced' }).waitFor({ timeout: 30_000 });
  });

  it('View › Clean Text, Compilation Text and Text switch the view', async () => {
    app.menu('show-clean-text');
    await app.page.getByRole('region', { name: 'Clean text' }).waitFor({ timeout: 20_000 });
    app.menu('show-compilation');
    await app.page.getByRole('region', { name: 'Compilation text' }).waitFor({ timeout: 20_000 });
    app.menu('show-text');
    await app.page.locator('article', { hasText: 'poverty, unemployment' }).waitFor({ timeout: 20_000 });
  }, 60_000);

  it('Save As writes the negotiation to the file chosen; Save writes it there again', async () => {
    const file = path.join(dir, 'declaration.penholder');
    app.dialogs.answers.push(file);
    app.menu('save-as');
    await app.page.getByRole('status').filter({ hasText: `Saved to ${file}.` }).waitFor({ timeout: 30_000 });
    expect(decodePenholderFile(fs.readFileSync(file, 'utf8')).table.meta().title).toMatch(/Trafficking in Persons/);
    const first = fs.statSync(file).mtimeMs;
    app.menu('save');
    await expect.poll(() => fs.statSync(file).mtimeMs, { timeout: 20_000 }).toBeGreaterThan(first);
    expect(app.dialogs.shown.filter((d) => d.kind === 'save')).toHaveLength(1);
  }, 60_000);

  it('Export Compilation Text opens the export dialog; its DOCX is written by the main process and opens in LibreOffice', async () => {
    const docx = path.join(dir, 'compilation.docx');
    app.dialogs.answers.push(docx);
    app.menu('export-compilation');
    const dialog = app.page.getByRole('dialog', { name: 'Export the text' });
    await dialog.waitFor();
    expect(await dialog.getByRole('radio', { name: 'Compilation text' }).isChecked()).toBe(true);
    await dialog.getByRole('radio', { name: 'Word (DOCX)' }).check();
    await dialog.getByRole('combobox', { name: /Language of the document/ }).selectOption('fr');
    await dialog.getByRole('button', { name: 'Export', exact: true }).press('Enter');
    await dialog.getByText(`Saved ${docx}`).waitFor({ timeout: 60_000 });
    await promisify(execFile)('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'pdf', '--outdir', dir, docx], { timeout: 120_000 });
    const { stdout } = await promisify(execFile)('pdftotext', [path.join(dir, 'compilation.pdf'), '-']);
    expect(stdout).toMatch(/trafficking/i);
    await dialog.getByRole('button', { name: 'Close' }).click();
  }, 180_000);

  it('Host a Session: the Room view hosts on wss://, its co-facilitator manages the hosted room there, and Stop keeps everything', async () => {
    app.menu('host-session');
    const hosting = app.page.getByRole('region', { name: 'Hosting on this computer' });
    await hosting.waitFor();
    await hosting.getByRole('combobox', { name: 'Network to serve' }).selectOption('127.0.0.1');
    await hosting.getByRole('textbox', { name: /Delegations to invite/ }).fill('Canada');
    await hosting.getByRole('button', { name: 'Start hosting' }).press('Enter');
    // The window joins the session it hosts as its co-facilitator, over wss:// pinned to the session's
    // certificate, and shows its Room view: the hosting facts, the roster and the invitations together.
    await hosting.getByRole('status').filter({ hasText: /Hosting on https:\/\/127\.0\.0\.1:\d+ \(secure connection; certificate fingerprint [\w-]{43}\)/ }).waitFor({ timeout: 30_000 });
    const status = app.services.host.status();
    if (!status.running) throw new Error('not hosting');
    await hosting.locator('.host-guests').getByText(/^Co-facilitator \(/).waitFor({ timeout: 30_000 });
    await app.page.locator('.net-connected').waitFor({ timeout: 30_000 });
    expect(await app.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Room' }).getAttribute('aria-current')).toBe('page');

    // The app's link made at the start, with its QR code; Canada joins by it and is listed as connected.
    const link = await hosting.getByRole('textbox', { name: 'Penholder app link for Canada' }).inputValue();
    const qr = await hosting.getByRole('img', { name: 'QR code of the app link for Canada' }).getAttribute('src');
    expect(readQr(qr!)).toBe(link);
    const url = new URL(link);
    const canada = await connect(url.searchParams.get('server')!, 'demo-declaration/table', url.searchParams.get('token')!, url.searchParams.get('fp')!);
    await hosting.locator('.host-guests').getByText('Canada (1 document open)').waitFor({ timeout: 20_000 });

    // Invited from the Room view: the app's link to the hosted session, pinned to its certificate, and a browser's.
    await app.page.getByLabel('Delegation (as it appears on the roster)').fill('Brazil');
    await app.page.getByRole('button', { name: 'Invite and show the link' }).click();
    const brazilLink = await app.page.getByRole('textbox', { name: 'Penholder app link for Brazil' }).inputValue();
    expect(brazilLink).toMatch(new RegExp(`^penholder://join\\?server=wss%3A%2F%2F127\\.0\\.0\\.1%3A${status.port}&token=ph_[\\w-]+&fp=${status.fingerprint}$`));
    const brazilBrowser = await app.page.getByRole('textbox', { name: 'Browser link for Brazil' }).inputValue();
    expect(brazilBrowser).toBe(`https://127.0.0.1:${status.port}/join?token=${new URL(brazilLink).searchParams.get('token')}&fp=${status.fingerprint}`);
    const brazilUrl = new URL(brazilLink);
    const brazil = await connect(brazilUrl.searchParams.get('server')!, 'demo-declaration/table', brazilUrl.searchParams.get('token')!, brazilUrl.searchParams.get('fp')!);
    await hosting.locator('.host-guests').getByText('Brazil (1 document open)').waitFor({ timeout: 20_000 });
    await screenshot(app.page, '63-desktop-hosted-room');
    brazil.close();

    // Revoked from the Room view: the hosted server disconnects Canada.
    const invitations = app.page.getByRole('table', { name: 'Invitations issued' });
    await invitations.getByRole('button', { name: 'Revoke the invitation for Canada' }).click();
    await invitations.getByRole('button', { name: 'Revoke and disconnect' }).click();
    await expect.poll(() => (app.services.host.status() as typeof status).connected.map((g) => g.label), { timeout: 20_000 }).not.toContain('Canada');
    canada.close();

    // Stop asks first; then the window is back in the session it was in, and everything is kept.
    await hosting.getByRole('button', { name: 'Stop hosting' }).click();
    await hosting.getByRole('alertdialog').getByRole('button', { name: 'Stop and disconnect everyone' }).click();
    await app.page.getByText('The session has stopped. Everything written in it is kept on this computer.').waitFor({ timeout: 20_000 });
    expect(app.services.host.status()).toEqual({ running: false });
    await app.page.locator('.net-connected').waitFor({ timeout: 30_000 });
    await app.page.getByRole('region', { name: 'Hosting on this computer' }).getByRole('button', { name: 'Start hosting' }).waitFor();
    const table = app.services.store.load('demo-declaration/table')!;
    const kept = new Negotiation('demo-declaration', new Y.Doc());
    Y.applyUpdate(kept.table.doc, table);
    expect(kept.table.roster().map((d) => d.name)).toEqual(expect.arrayContaining(['Canada', 'Brazil']));
  }, 180_000);
});
