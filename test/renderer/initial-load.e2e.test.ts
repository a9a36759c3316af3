import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDelegation } from '../../shared/model/create-negotiation';
import { decodeClientMessage } from '../../shared/protocol/messages';
import { decodeRoomFrame } from '../../shared/protocol/room-frame';
import { cofac } from '../model/fixture';
import { browserAvailable, e2eRoom } from './e2e-setup';

const run = browserAvailable();
/** The roster of a General Assembly negotiation: 193 Member States. */
const DELEGATIONS = 193;

interface Sent {
  frames: number;
  /** Frames carrying at least one state vector (the opening of a document's sync). */
  greetingFrames: number;
  /** Documents whose sync this page opened. */
  greeted: Set<string>;
}

describe.runIf(run)('joining a negotiation of 193 delegations', () => {
  const e2e = e2eRoom((negotiation) => {
    for (let i = negotiation.table.roster().length; i < DELEGATIONS; i++) addDelegation(negotiation, cofac, { name: `Member State ${i + 1}` });
  });
  /** Counts what the page sends over its one WebSocket, frame by frame. */
  function watch(page: Page): Sent {
    const sent: Sent = { frames: 0, greetingFrames: 0, greeted: new Set() };
    page.on('websocket', (ws) =>
      ws.on('framesent', ({ payload }) => {
        sent.frames++;
        const messages = decodeRoomFrame(typeof payload === 'string' ? Buffer.from(payload) : new Uint8Array(payload));
        const greetings = messages.filter((m) => decodeClientMessage(m.message).type === 'sync-step1');
        if (greetings.length) sent.greetingFrames++;
        for (const g of greetings) sent.greeted.add(g.document);
      }),
    );
    return sent;
  }

  it('opens every document in a few frames, not one round trip each, on first join and after a reload', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    let sent = watch(page);
    const errors: string[] = [];
    page.on('console', (m) => void ((m.type() === 'error' || m.type() === 'warning') && errors.push(m.text())));
    await page.goto(`${e2e.room.server.url}/join?token=${encodeURIComponent(e2e.room.tokens.cofac)}`);
    await page.locator('.net-connected').waitFor({ timeout: 30_000 });
    // The page's icon is its own (no /favicon.ico the server does not have: a 404 in every console), and
    // the editor warmed up at start is styled as an editor (ProseMirror warned of its white-space).
    await page.waitForLoadState('load');
    await page.locator('article[data-label="OP1"] .ProseMirror').waitFor();
    expect(await page.locator('link[rel="icon"]').getAttribute('href')).toMatch(/^data:image\/svg\+xml,/u);
    expect(errors).toEqual([]);
    // The table and every delegation's document.
    await expect.poll(() => sent.greeted.size, { timeout: 30_000 }).toBe(DELEGATIONS + 1);
    expect(sent.greetingFrames).toBeLessThanOrEqual(3);

    // Reloaded, everything comes from this computer first: one greeting for all.
    sent = watch(page);
    await page.reload();
    await page.locator('.net-connected').waitFor({ timeout: 30_000 });
    await expect.poll(() => sent.greeted.size, { timeout: 30_000 }).toBe(DELEGATIONS + 1);
    expect(sent.greetingFrames).toBeLessThanOrEqual(2);
    await context.close();
  }, 120_000);
});
