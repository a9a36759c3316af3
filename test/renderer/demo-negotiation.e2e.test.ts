import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemo, joinUrl } from '../../main/launch/web-edition';
import { DEMO_ROSTER } from '../../main/demo/demo-negotiation';
import { startServer, type RunningServer } from '../../sync-server';
import { browserAvailable, buildRenderer, launch, screenshot } from './e2e-setup';

const run = browserAvailable();

// The demo negotiation `npm start` opens, as its co-facilitator sees it in Chromium: a roster as a room
// has it (ISO-3 codes, groups with their chairs, observers), and positions written with those codes.
describe.runIf(run)('the demo negotiation, in Chromium against the real server', () => {
  let browser: Browser;
  let server: RunningServer;
  let dir: string;
  let tokens: Awaited<ReturnType<typeof ensureDemo>>['invitations'];
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-demo-'));
    tokens = (await ensureDemo(dir)).invitations;
    [browser, server] = await Promise.all([launch(), buildRenderer().then((staticDir) => startServer({ dataDir: dir, port: 0, staticDir, logger: pino({ level: 'silent' }) }))]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives every Member State its ISO-3 code, and a real code to each group, the EU and each observer', () => {
    for (const d of DEMO_ROSTER) expect(d.code, d.name).toMatch(d.kind === undefined || d.kind === 'observer' ? /^[A-Z]{3}$/ : /^[A-Z0-9]{2,3}$/);
    const ids = new Set(DEMO_ROSTER.map((d) => d.id ?? d.name.toLowerCase()));
    for (const g of DEMO_ROSTER.filter((d) => d.kind === 'group')) expect(ids.has(g.chair!), `${g.name}'s chair`).toBe(true);
  });

  it('shows the roster with codes, chairs and observers, invites by it, and writes positions with its codes', async () => {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(joinUrl(server.url, tokens.cofacilitator));
    await page.locator('.net-connected').waitFor();
    // The inline positions form, as WHO rooms type it, with the roster's codes.
    for (const id of ['p-reaffirm', 'p-root-causes', 'p-technology']) await page.locator(`article[data-paragraph="${id}"]`).getByRole('button', { name: '1 open proposal' }).click();
    const codes = (author: string) => page.locator(`li.proposal[data-proposal^="${author}/"] .codes`);
    expect(await codes('mexico').innerText()).toBe('RETAIN MEX, BGD, CAN, EU / RESERVE CHE');
    expect(await codes('egypt').innerText()).toBe('RETAIN EU, JPN / DEL G77, BGD, MYS');
    expect(await codes('european-union').innerText()).toBe('RETAIN EU, NOR / RESERVE PHL / PENDING EGY');
    await screenshot(page, '60-demo-positions');

    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Room' }).click();
    const roster = page.getByRole('table', { name: 'Delegations on the roster' });
    await roster.getByRole('row', { name: /Mexico/ }).waitFor();
    expect(await roster.getByText('none on the roster').count()).toBe(0);
    expect((await roster.locator('td.code .code-value').allInnerTexts()).sort()).toEqual(DEMO_ROSTER.map((d) => d.code).sort());
    expect(await roster.getByRole('row', { name: /Group of 77/ }).locator('th').innerText()).toBe('Group of 77 and China · group, chaired by Egypt');
    expect(await roster.getByRole('row', { name: /African Group/ }).locator('th').innerText()).toBe('African Group · group, chaired by Nigeria');
    expect(await roster.getByRole('row', { name: /Holy See/ }).locator('th').innerText()).toBe('Holy See · observer');
    // The demo's own delegation invitation is listed; an observer is invited from its row.
    await page.getByRole('table', { name: 'Invitations issued' }).getByRole('row', { name: /Mexico/ }).waitFor();
    await roster.getByRole('button', { name: 'New join link for State of Palestine' }).click();
    await page.getByRole('textbox', { name: 'Join link for State of Palestine' }).waitFor();
    await screenshot(page, '61-demo-room');
    await context.close();
  }, 120_000);
});
