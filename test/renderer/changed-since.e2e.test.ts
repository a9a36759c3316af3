import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, e2eRoom, op, screenshot, textOf } from './e2e-setup';

const run = browserAvailable();

// What changed since I last looked and since the last revision, marked per paragraph, in the interface's
// language (the zero draft named as the interface names it, not as the text's language stored it), and
// the filter that keeps only those paragraphs. In Chromium against the real server.
describe.runIf(run)('changed since my last visit and since the last revision', () => {
  const e2e = e2eRoom();
  /** The co-facilitator types words at the end of a paragraph, before its final punctuation. */
  const append = async (page: Page, label: string, words: string) => {
    await op(page, label).locator('.ProseMirror').click();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type(words);
  };
  const marks = (page: Page, label: string) => op(page, label).locator('.changed').allInnerTexts();

  it('a French delegation sees each paragraph changed since the zero draft, since Rev.1, and since it last looked', async () => {
    const { page: cofac } = await e2e.join(e2e.room.tokens.cofac);
    const mexico = await e2e.join(e2e.room.tokens.mexico, { locale: 'fr-FR' });
    const page = mexico.page;
    await cofac.getByRole('button', { name: 'Issue the zero draft' }).click();
    await cofac.getByText('1 revision issued; latest: Zero draft').waitFor();
    await append(cofac, 'OP1', ' in New York');
    await expect.poll(() => marks(page, 'OP1')).toEqual(['Modifié depuis l’avant-projet']);
    expect(await marks(page, 'OP2')).toEqual([]);
    await expect.poll(() => marks(cofac, 'OP1')).toEqual(['Changed since the zero draft']);

    await cofac.getByRole('button', { name: 'Issue Rev.1' }).click();
    await cofac.getByText('2 revisions issued; latest: Rev.1').waitFor();
    await expect.poll(() => marks(page, 'OP1')).toEqual([]);
    await append(cofac, 'OP3', ' annually');
    await expect.poll(() => marks(page, 'OP3')).toEqual(['Modifié depuis Rev.1']);
    // The mark shows from the first character on: Mexico reads the whole word before it leaves.
    await expect.poll(() => textOf(page, 'OP3')).toContain('annually');

    // Mexico, its window in front, leaves; it comes back after PP2 changed: PP2 is marked as changed since its last visit.
    await page.bringToFront();
    await page.goto('about:blank');
    await append(cofac, 'PP2', ' and slavery');
    await cofac.locator('.sync-pending[data-pending="0"]').waitFor();
    const back = page;
    await back.goto(e2e.room.server.url);
    await op(back, 'PP2').waitFor();
    await expect.poll(() => marks(back, 'PP2')).toEqual(['Modifié depuis votre dernière visite', 'Modifié depuis Rev.1']);
    expect(await marks(back, 'OP3')).toEqual(['Modifié depuis Rev.1']);
    expect(await marks(back, 'OP1')).toEqual([]);
    // The filter keeps only the paragraphs changed since the last visit or the last revision.
    await back.getByRole('combobox', { name: 'Paragraphes', exact: true }).selectOption('changed');
    await expect.poll(() => back.locator('article.paragraph').evaluateAll((all) => all.map((a) => a.getAttribute('data-label')))).toEqual(['PP2', 'OP3']);
    await back.getByText('2 paragraphes affichés sur 5').waitFor();
    await screenshot(back, '38-changed-since-fr');
  }, 120_000);
});

// The visit is remembered as the text is read, not only when the page is hidden or left: a page that
// was never hidden (it crashed, or the laptop was closed on it) still knows what its reader saw.
describe.runIf(run)('the last visit remembered while reading', () => {
  const e2e = e2eRoom();
  const seen = (page: Page) => page.evaluate(() => localStorage.getItem('penholder.seen.sample'));
  const marks = (page: Page, label: string) => op(page, label).locator('.changed').allInnerTexts();

  it('reopened after a crash, the page marks what changed since it was last read, and only that', async () => {
    const { page: cofac } = await e2e.join(e2e.room.tokens.cofac);
    const canada = await e2e.join(e2e.room.tokens.canada);
    const page = canada.page;
    expect(await page.evaluate(() => document.visibilityState)).toBe('visible');
    // Once shown, the text is remembered as read …
    await expect.poll(() => seen(page), { timeout: 20_000 }).not.toBeNull();
    const first = await seen(page);
    // … and again once a change to it has been on screen for a moment.
    await op(cofac, 'OP1').locator('.ProseMirror').click();
    await cofac.keyboard.press('End');
    await cofac.keyboard.press('ArrowLeft');
    await cofac.keyboard.type(' in New York');
    await expect.poll(() => textOf(page, 'OP1')).toContain('in New York');
    await expect.poll(() => seen(page), { timeout: 30_000 }).not.toBe(first);
    // The renderer crashes: no pagehide, no visibilitychange.
    const cdp = await canada.context.newCDPSession(page);
    const crashed = page.waitForEvent('crash');
    // The command is never answered: the page it would answer from is gone.
    void cdp.send('Page.crash').catch(() => undefined);
    await crashed;
    await op(cofac, 'PP2').locator('.ProseMirror').click();
    await cofac.keyboard.press('End');
    await cofac.keyboard.press('ArrowLeft');
    await cofac.keyboard.type(' and slavery');
    await cofac.locator('.sync-pending[data-pending="0"]').waitFor();
    const back = await canada.context.newPage();
    await back.goto(e2e.room.server.url);
    await op(back, 'PP2').waitFor();
    await expect.poll(() => marks(back, 'PP2')).toEqual(['Changed since your last visit']);
    expect(await marks(back, 'OP1')).toEqual([]);
    expect(await marks(back, 'OP2')).toEqual([]);
    await screenshot(back, '38b-changed-since-after-crash');
  }, 120_000);
});
