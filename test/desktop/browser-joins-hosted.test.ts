import tls from 'node:tls';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { demoNegotiation } from '../../main/demo/demo-negotiation';
import { browserAvailable, buildRenderer, launch, screenshot } from '../renderer/e2e-setup';
import { tempDir } from './fixtures';
import { DesktopHarness } from './harness/desktop-harness';
import { readQr } from './read-qr';

/** The certificate a TLS server presents, as browsers show its SHA-256. */
function presentedSha256(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
      resolve(socket.getPeerCertificate().fingerprint256);
      socket.end();
    });
    socket.on('error', reject);
  });
}

// A delegate without the app joins a session hosted on a co-facilitator's desktop from a plain browser:
// the session serves the web edition over https on its own port, the host's Room view gives a browser
// link beside the app link, says why the browser will warn and shows the certificate's SHA-256 to
// compare. The desktop runs its real main services; the delegate's browser is a separate Chromium.
describe.skipIf(!browserAvailable())('a browser joins a session hosted on the desktop', () => {
  let rendererDir: string;
  let host: DesktopHarness;
  let browser: Browser;
  beforeAll(async () => {
    rendererDir = await buildRenderer();
    [host, browser] = await Promise.all([DesktopHarness.launch({ userDataDir: tempDir('host-for-browser'), rendererDir }), launch()]);
    const negotiation = demoNegotiation();
    const documents = new Map<string, Uint8Array>();
    for (const [docPath, doc] of negotiation.documents()) documents.set(docPath, Y.encodeStateAsUpdate(doc));
    host.services.store.putDocuments(negotiation.id, documents);
    host.services.store.remember({ negotiationId: negotiation.id, title: negotiation.table.meta().title });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await host?.quit();
  });

  it('by the browser link on the host\'s screen, past the certificate warning, with the SHA-256 the browser shows', async () => {
    host.services.open({ negotiationId: 'demo-declaration', join: null });
    await host.page.getByText(/Opened “.*” on this computer/).waitFor({ timeout: 20_000 });
    host.menu('host-session');
    const dialog = host.page.getByRole('dialog', { name: 'Host a session on this network' });
    await dialog.getByRole('combobox', { name: 'Network to serve' }).selectOption('127.0.0.1');
    await dialog.getByRole('textbox', { name: /Delegations to invite/ }).fill('Malaysia');
    await dialog.getByRole('button', { name: 'Start hosting' }).click();
    const hosting = host.page.getByRole('region', { name: 'Hosting on this computer' });
    await hosting.getByRole('status').filter({ hasText: /Hosting on https:\/\/127\.0\.0\.1:\d+/ }).waitFor({ timeout: 30_000 });
    const status = host.services.host.status();
    if (!status.running) throw new Error('not hosting');

    // Malaysia's two ways in: the app's link and a browser's, each with its QR code.
    const ways = hosting.getByRole('group', { name: 'Ways in for Malaysia' });
    const appLink = await ways.getByRole('textbox', { name: 'Penholder app link for Malaysia' }).inputValue();
    expect(appLink).toMatch(/^penholder:\/\/join\?server=wss%3A%2F%2F127\.0\.0\.1%3A\d+&token=ph_[\w-]+&fp=[\w-]{43}$/);
    const link = await ways.getByRole('textbox', { name: 'Browser link for Malaysia' }).inputValue();
    expect(link).toMatch(new RegExp(`^https://127\\.0\\.0\\.1:${status.port}/join\\?token=ph_[\\w-]+&fp=${status.fingerprint}$`));
    expect(new URL(link).searchParams.get('token')).toBe(new URL(appLink).searchParams.get('token'));
    expect(readQr((await ways.getByRole('img', { name: 'QR code of the browser link for Malaysia' }).getAttribute('src'))!)).toBe(link);
    // Why the browser will warn, and the fingerprint to compare: the one the server really presents.
    await ways.getByText(/the browser will warn that the connection is not private, because the session's certificate was made by this computer/).waitFor();
    const shown = await ways.locator('code.fingerprint').innerText();
    expect(shown).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(shown).toBe(await presentedSha256(status.port));
    expect(shown).toBe(status.certificateSha256);
    await screenshot(host.page, '64-desktop-hosted-browser-link');

    // A browser that has not been told to trust the certificate stops at its warning: nothing is shown.
    const wary = await browser.newContext();
    await expect((await wary.newPage()).goto(link)).rejects.toThrow(/ERR_CERT/);
    await wary.close();

    // Past the warning, the session serves the web edition and Malaysia takes part from the browser.
    const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(link);
      await page.locator('.net-connected').waitFor({ timeout: 30_000 });
      await page.getByText('Delegation of Malaysia').waitFor();
      await hosting.locator('.host-guests').getByText(/^Malaysia \(/).waitFor({ timeout: 20_000 });
      await page.locator('article[data-paragraph="p-reaffirm"]').getByRole('button', { name: '1 open proposal' }).click();
      await page.locator('li.proposal[data-proposal^="mexico/"]').getByRole('button', { name: 'Support', exact: true }).click();
      await screenshot(page, '65-browser-in-desktop-hosted-session');
      // The host's window reads Malaysia's position with the others'.
      await host.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Text', exact: true }).click();
      await host.page.locator('article[data-paragraph="p-reaffirm"]').getByRole('button', { name: '1 open proposal' }).click();
      await expect.poll(() => host.page.locator('li.proposal[data-proposal^="mexico/"] .codes').innerText(), { timeout: 20_000 }).toBe('RETAIN MEX, BGD, CAN, EU, MYS / RESERVE CHE');
    } finally {
      await context.close();
    }
  }, 180_000);
});
