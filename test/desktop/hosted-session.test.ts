import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { demoNegotiation } from '../../main/demo/demo-negotiation';
import { storedNegotiation } from '../../main/store/stored-negotiation';
import { browserAvailable, buildRenderer } from '../renderer/e2e-setup';
import { tempDir } from './fixtures';
import { DesktopHarness } from './harness/desktop-harness';
import { readQr } from './read-qr';

// A co-facilitator hosts a session from the desktop services on wss://127.0.0.1; a delegation's desktop
// app joins by the link in the QR code on the host's screen, with the certificate pinned; from a
// negotiation opened on the computer, the host's window starts hosting and manages the room it hosts.
describe.skipIf(!browserAvailable())('a session hosted from the desktop, over TLS with a pinned certificate', () => {
  let rendererDir: string;
  let host: DesktopHarness;
  let link: string;
  beforeAll(async () => {
    rendererDir = await buildRenderer();
    host = await DesktopHarness.launch({ userDataDir: tempDir('host-app'), rendererDir });
    const negotiation = demoNegotiation();
    const documents = new Map<string, Uint8Array>();
    for (const [docPath, doc] of negotiation.documents()) documents.set(docPath, Y.encodeStateAsUpdate(doc));
    host.services.store.putDocuments(negotiation.id, documents);
    host.services.store.remember({ negotiationId: negotiation.id, title: negotiation.table.meta().title });
    const status = await host.services.host.start({ negotiationId: negotiation.id, address: '127.0.0.1', port: 0, delegations: ['Mexico'] });
    if (!status.running) throw new Error('the session did not start');
    link = readQr(status.invitations.find((i) => i.label === 'Mexico')!.qr)!;
    expect(link).toMatch(/^penholder:\/\/join\?server=wss%3A%2F%2F127\.0\.0\.1%3A\d+&token=ph_[\w-]+&fp=[\w-]{43}$/);
  }, 120_000);
  afterAll(async () => host?.quit());

  it('a delegation joins by the QR link, syncs a proposal, and the host keeps it after stopping', async () => {
    const mexico = await DesktopHarness.launch({ userDataDir: tempDir('guest-app'), rendererDir, openOnLaunch: link });
    try {
      await mexico.page.locator('.net-connected').waitFor({ timeout: 60_000 });
      expect(mexico.services.store.recent()[0]?.serverUrl).toMatch(/^wss:\/\/127\.0\.0\.1:\d+$/);
      const paragraph = mexico.page.locator('article', { hasText: 'poverty, unemployment' });
      await paragraph.getByRole('button', { name: 'Propose a change' }).click();
      await paragraph.getByLabel('Words in the text').fill('poverty, unemployment');
      await paragraph.getByLabel('New words').fill('extreme poverty, unemployment');
      await paragraph.getByRole('button', { name: 'Submit proposal' }).click();
      // The host's screen lists who is connected.
      await expect.poll(() => {
        const s = host.services.host.status();
        return s.running ? s.connected.map((g) => g.label) : [];
      }, { timeout: 20_000 }).toEqual(['Mexico']);
      await expect.poll(() => mexico.services.store.pending(), { timeout: 30_000 }).toEqual({ total: 0, byDocument: {} });
    } finally {
      await mexico.quit();
    }
    await host.services.host.stop();
    const kept = storedNegotiation(host.services.store, 'demo-declaration')!;
    expect(JSON.stringify(kept.delegation('mexico').proposals())).toContain('extreme poverty');
  }, 180_000);

  it('a link with another fingerprint is refused before the token is sent, and says why', async () => {
    const status = host.services.host.status();
    if (!status.running) await host.services.host.start({ negotiationId: 'demo-declaration', address: '127.0.0.1', port: 0, delegations: [] });
    const current = host.services.host.status();
    if (!current.running) throw new Error('not hosting');
    const forged = current.invitations[0]!.appLink.replace(/fp=[\w-]+$/, `fp=${'A'.repeat(43)}`);
    const guest = await DesktopHarness.launch({ userDataDir: tempDir('forged-app'), rendererDir, openOnLaunch: forged });
    try {
      await guest.page.getByRole('alert').filter({ hasText: /could not|reach|certificate/i }).waitFor({ timeout: 30_000 });
      expect(await guest.page.locator('.net-connected').count()).toBe(0);
      expect(guest.services.store.recent()).toEqual([]);
    } finally {
      await guest.quit();
    }
  }, 120_000);

  it('from a negotiation opened on this computer, Host a Session asks where, then the window manages the hosted room as its co-facilitator', async () => {
    await host.services.host.stop();
    // Opened from the recent list, as File › Open Recent does: no session on screen, no Room view yet.
    host.services.open({ negotiationId: 'demo-declaration', join: null });
    await host.page.getByText(/Opened “.*” on this computer/).waitFor({ timeout: 20_000 });
    host.menu('host-session');
    const dialog = host.page.getByRole('dialog', { name: 'Host a session on this network' });
    await dialog.getByRole('combobox', { name: 'Network to serve' }).selectOption('127.0.0.1');
    await dialog.getByRole('button', { name: 'Start hosting' }).click();
    const hosting = host.page.getByRole('region', { name: 'Hosting on this computer' });
    await hosting.getByRole('status').filter({ hasText: /Hosting on https:\/\/127\.0\.0\.1:\d+/ }).waitFor({ timeout: 30_000 });
    await dialog.waitFor({ state: 'detached' });
    await host.page.locator('.net-connected').waitFor({ timeout: 30_000 });
    await host.page.getByRole('table', { name: 'Delegations on the roster' }).getByRole('row', { name: /Mexico/ }).waitFor();
    // The hosted session is not the one the app reopens at its next launch: it ends when hosting stops.
    expect(host.services.store.recent().find((n) => n.negotiationId === 'demo-declaration')?.serverUrl).toBeNull();

    await hosting.getByRole('button', { name: 'Stop hosting' }).click();
    const confirm = hosting.getByRole('alertdialog');
    // Escape keeps hosting; the second time it stops.
    await confirm.getByRole('button', { name: 'Keep hosting' }).press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(host.services.host.status().running).toBe(true);
    await hosting.getByRole('button', { name: 'Stop hosting' }).click();
    await confirm.getByRole('button', { name: 'Stop and disconnect everyone' }).click();
    await host.page.getByText('The session has stopped. Everything written in it is kept on this computer.').waitFor({ timeout: 20_000 });
    expect(host.services.host.status()).toEqual({ running: false });
    await host.page.getByRole('textbox', { name: 'Invitation link' }).waitFor();
  }, 120_000);
});
