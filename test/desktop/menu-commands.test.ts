import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemo } from '../../main/launch/web-edition';
import { startServer, type RunningServer } from '../../sync-server';
import { browserAvailable, buildRenderer, screenshot } from '../renderer/e2e-setup';
import { quiet, tempDir } from './fixtures';
import { DesktopHarness } from './harness/desktop-harness';
import { readQr } from './read-qr';

// Edit › Find, Edit › Propose an Amendment, File › Join and File › New Negotiation, sent as
// main/electron/main.ts sends them, act in the real window; the server's HTTP API (the room's invitations,
// a new negotiation) is called through the IPC contract by the main process, never from the app's page.
describe.skipIf(!browserAvailable())('the desktop menu: Find, Propose, Join, New Negotiation, and the room over IPC', () => {
  let server: RunningServer;
  let app: DesktopHarness;
  let mexico: string;
  const pageApiCalls: string[] = [];
  const dir = tempDir('menu-commands');
  beforeAll(async () => {
    const dataDir = path.join(dir, 'server');
    const { invitations } = await ensureDemo(dataDir);
    mexico = invitations.delegation.token;
    server = await startServer({ dataDir, port: 0, logger: quiet, staticDir: null });
    app = await DesktopHarness.launch({ userDataDir: path.join(dir, 'app'), rendererDir: await buildRenderer(), openOnLaunch: `penholder://join?server=${encodeURIComponent(server.wsUrl)}&token=${invitations.cofacilitator}` });
    app.page.on('request', (r) => r.url().includes('/api/') && pageApiCalls.push(r.url()));
    await app.page.locator('.net-connected').waitFor({ timeout: 60_000 });
  }, 180_000);
  afterAll(async () => {
    await app?.quit();
    await server?.close();
  });

  it('Edit › Find puts the focus in the words field; the text shows the paragraphs holding the words', async () => {
    const { page } = app;
    const total = await page.locator('article[data-paragraph]').count();
    app.menu('find');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await page.keyboard.type('unemployment');
    await expect.poll(() => page.locator('article[data-paragraph]').count()).toBe(1);
    await page.locator('article', { hasText: 'poverty, unemployment' }).waitFor();
    await page.getByText(`Showing 1 paragraph of ${total}`).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('article[data-paragraph]').count()).toBe(total);
  }, 60_000);

  it('the room lists and issues invitations through the main process', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Room' }).click();
    const invitations = page.getByRole('table', { name: 'Invitations issued' });
    await invitations.getByRole('row', { name: /Mexico/ }).waitFor({ timeout: 20_000 });
    await page.getByLabel('Delegation (as it appears on the roster)').fill('Canada');
    await page.getByRole('button', { name: 'Invite and show the link' }).click();
    const link = await page.getByRole('textbox', { name: 'Join link for Canada' }).inputValue();
    expect(readQr((await page.getByRole('img', { name: 'QR code of the join link for Canada' }).getAttribute('src'))!)).toBe(link);
    await invitations.getByRole('row', { name: /Canada/ }).waitFor();
    await screenshot(page, '60-desktop-room');
  }, 60_000);

  it('File › New Negotiation creates through the main process and shows both co-facilitators\' links', async () => {
    const { page } = app;
    app.menu('new-negotiation');
    const dialog = page.getByRole('dialog', { name: 'Start a new negotiation' });
    await dialog.getByLabel('Title').fill('Migration compact');
    await dialog.getByRole('button', { name: 'Create' }).press('Enter');
    const created = page.getByRole('dialog', { name: 'Negotiation "Migration compact" created' });
    const first = await created.getByRole('textbox', { name: 'Join link for you' }).inputValue();
    const second = await created.getByRole('textbox', { name: 'Join link for co-facilitator 2' }).inputValue();
    expect(first).not.toBe(second);
    await screenshot(page, '61-desktop-new-negotiation', false);
    await created.getByRole('button', { name: 'Open the new negotiation' }).press('Enter');
    await page.getByRole('heading', { name: 'Migration compact' }).waitFor({ timeout: 30_000 });
    // The app's page never called the server's API itself (cross-origin): the main process did.
    expect(pageApiCalls).toEqual([]);
  }, 60_000);

  it('File › Join opens a dialog over the negotiation; Edit › Propose opens the form on the paragraph being worked on', async () => {
    const { page } = app;
    app.menu('join');
    const dialog = page.getByRole('dialog', { name: 'Join a negotiation' });
    await dialog.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    await page.keyboard.type(`penholder://join?server=${encodeURIComponent(server.wsUrl)}&token=${mexico}`);
    await page.keyboard.press('Enter');
    await page.getByText('Delegation of Mexico').waitFor({ timeout: 30_000 });
    await dialog.waitFor({ state: 'detached' });

    // Nowhere to propose yet: the window says where to go first.
    app.menu('propose');
    await page.getByRole('status').filter({ hasText: 'first move into the paragraph' }).waitFor({ timeout: 20_000 });
    const paragraph = page.locator('article', { hasText: 'poverty, unemployment' });
    await paragraph.locator('.ProseMirror').focus();
    app.menu('propose');
    await paragraph.getByRole('form', { name: /^Propose a change to / }).waitFor({ timeout: 20_000 });
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('form.propose') !== null)).toBe(true);
    expect(await page.getByRole('status').filter({ hasText: 'first move into the paragraph' }).count()).toBe(0);
    await screenshot(page, '62-desktop-propose');
  }, 90_000);
});
