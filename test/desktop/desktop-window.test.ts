import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ensureDemo } from '../../main/launch/web-edition';
import { Negotiation } from '../../shared/model/negotiation';
import { startServer, type RunningServer } from '../../sync-server';
import { browserAvailable, buildRenderer } from '../renderer/e2e-setup';
import { connect, quiet, tempDir } from './fixtures';
import { DesktopHarness } from './harness/desktop-harness';

// The desktop app without an Electron binary: the real renderer in Chromium, window.penholder bridged to
// the real main-process services (SQLite store, IPC dispatcher) under Node.
describe.skipIf(!browserAvailable())('the desktop window on the desktop store', () => {
  let server: RunningServer;
  let tokens: { cofacilitator: string; mexico: string };
  let rendererDir: string;
  beforeAll(async () => {
    const dataDir = tempDir('desktop-window-server');
    const { invitations } = await ensureDemo(dataDir);
    tokens = { cofacilitator: invitations.cofacilitator, mexico: invitations.delegation.token };
    server = await startServer({ dataDir, port: 0, logger: quiet, staticDir: null });
    rendererDir = await buildRenderer();
  }, 120_000);
  afterAll(async () => server?.close());

  const paragraph = (app: DesktopHarness) => app.page.locator('article', { hasText: 'poverty, unemployment' });

  it('joins by a penholder:// link, drafts offline, quits, restarts offline with the draft from SQLite, then syncs it', async () => {
    const userDataDir = tempDir('desktop-window-app');
    let app = await DesktopHarness.launch({ userDataDir, rendererDir });
    try {
      await app.openFromSystem(`penholder://join?server=${encodeURIComponent(server.wsUrl)}&token=${tokens.mexico}`);
      await app.page.locator('.net-connected').waitFor({ timeout: 30_000 });
      await expect(app.page.locator('.who').innerText()).resolves.toBe('Delegation of Mexico');
      // The session is kept by the main process, not by the page.
      expect(app.services.store.recent()[0]).toMatchObject({ negotiationId: 'demo-declaration', role: 'delegation', hasToken: true, serverUrl: server.wsUrl });

      await app.context.setOffline(true);
      await app.page.locator('.net-offline').waitFor();
      await paragraph(app).getByRole('button', { name: 'Propose a change' }).click();
      await paragraph(app).getByLabel('Words in the text').fill('poverty, unemployment');
      await paragraph(app).getByLabel('New words').fill('extreme poverty, unemployment');
      await paragraph(app).getByRole('button', { name: 'Save as private draft' }).click();
      await app.page.locator('.drafts', { hasText: 'extreme poverty' }).waitFor();
      // Kept in SQLite as a change the server has not confirmed.
      await expect.poll(() => app.services.store.pending().byDocument['demo-declaration/private/mexico'] ?? 0, { timeout: 20_000 }).toBeGreaterThan(0);
    } finally {
      await app.quit();
    }

    // A new window (no page storage at all) on the same store, still without network.
    app = await DesktopHarness.launch({ userDataDir, rendererDir, offline: true });
    try {
      expect(app.services.store.pending().total).toBeGreaterThan(0);
      await app.page.locator('.net-offline').waitFor({ timeout: 30_000 });
      await paragraph(app).waitFor({ timeout: 60_000 });
      await app.page.locator('.drafts', { hasText: 'extreme poverty' }).waitFor({ timeout: 60_000 });
      await app.page.locator('.drafts').getByRole('button', { name: 'Submit' }).click();
      // Submitted: it leaves the private drafts for the delegation's document (still only on this computer).
      await expect.poll(() => app.page.locator('.drafts', { hasText: 'extreme poverty' }).count(), { timeout: 30_000 }).toBe(0);
      await expect.poll(() => app.services.store.pending().byDocument['demo-declaration/delegation/mexico'] ?? 0, { timeout: 20_000 }).toBeGreaterThan(0);

      // Back online: the proposal reaches the server and the store confirms everything.
      await app.context.setOffline(false);
      await app.page.locator('.net-connected').waitFor({ timeout: 30_000 });
      await expect.poll(() => app.services.store.pending().total, { timeout: 30_000 }).toBe(0);
      const seen = await connect(server.wsUrl, 'demo-declaration/delegation/mexico', tokens.cofacilitator);
      try {
        const negotiation = new Negotiation('demo-declaration', new Y.Doc());
        negotiation.attach({ kind: 'delegation', delegationId: 'mexico' }, seen.doc);
        await expect.poll(() => JSON.stringify(negotiation.delegation('mexico').proposals()), { timeout: 20_000 }).toContain('extreme poverty');
      } finally {
        seen.close();
      }
    } finally {
      await app.quit();
    }
  }, 180_000);
});
