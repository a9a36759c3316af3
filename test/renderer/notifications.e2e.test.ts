import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, e2eRoom, op, screenshot } from './e2e-setup';

const run = browserAvailable();

// Following a paragraph, in Chromium against the real server: a co-facilitator follows OP3 and OP2 and
// turns the system's notifications on; a delegation proposes on each; the co-facilitator is told in the
// window and by the live region a screen reader reads, and through the system's Notification API only
// while looking at another window.
describe.runIf(run)('notifications of new proposals', () => {
  const e2e = e2eRoom();

  /** A delegation proposes to replace the word before a paragraph's last character, from the menu of the selected words. */
  const proposeOnLastWord = async (page: Page, label: string, words: string) => {
    await op(page, label).locator('.ProseMirror').click();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Control+Shift+ArrowLeft');
    await page.keyboard.press('Shift+F10');
    await page.keyboard.press('Enter');
    await page.keyboard.type(words);
    await page.keyboard.press('Enter');
  };
  const shown = (page: Page) => page.evaluate(() => (window as unknown as { shown: unknown[] }).shown);

  it('tells a co-facilitator who follows a paragraph of a proposal on it: in the window and to a screen reader, and by the system only while the window is in the background', async () => {
    const cofac = await e2e.join(e2e.room.tokens.cofac);
    await cofac.context.grantPermissions(['notifications'], { origin: e2e.room.server.url });
    // Every notification the page asks the system for, recorded as it is made (the real one is made too).
    await cofac.page.evaluate(() => {
      const Real = window.Notification;
      const shown: { title: string; body: string }[] = [];
      (window as unknown as { shown: typeof shown }).shown = shown;
      window.Notification = class extends Real {
        constructor(title: string, options?: NotificationOptions) {
          super(title, options);
          shown.push({ title, body: options?.body ?? '' });
        }
      } as typeof Notification;
    });
    const page = cofac.page;
    for (const label of ['OP3', 'OP2']) {
      const follow = op(page, label).getByRole('button', { name: `Notify me of new proposals on ${label}` });
      await follow.press('Enter');
      await expect.poll(() => follow.getAttribute('aria-pressed')).toBe('true');
    }
    const system = page.getByRole('checkbox', { name: 'Also tell me through this computer\'s notifications' });
    await system.check();
    await expect.poll(() => system.isChecked()).toBe(true);
    const notices = page.getByRole('region', { name: 'Notifications' });

    const canada = await e2e.join(e2e.room.tokens.canada);
    // The page has the focus as a window in front of its user has it (Playwright otherwise tells every page it is focused).
    await (await cofac.context.newCDPSession(page)).send('Emulation.setFocusEmulationEnabled', { enabled: false });
    await page.bringToFront();
    const watched = () => page.evaluate(() => document.visibilityState === 'visible' && document.hasFocus());
    await expect.poll(watched).toBe(true);

    // In front of the co-facilitator: told in the window and to a screen reader, not by the system.
    await proposeOnLastWord(canada.page, 'OP3', 'progress made');
    await notices.getByText('New proposal by Canada on OP3, which you follow').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-announcer]').textContent()).toBe('Canada proposes a change to OP3');
    // The notice in the window and the system's are made in the same step: none was asked for.
    expect(await shown(page)).toEqual([]);
    expect(await watched()).toBe(true);
    await screenshot(page, '56-notified', false);

    // The co-facilitator turns to another window: the next proposal is told by the system as well.
    const elsewhere = await cofac.context.newPage();
    await elsewhere.bringToFront();
    await expect.poll(watched).toBe(false);
    await proposeOnLastWord(canada.page, 'OP2', 'all survivors');
    await notices.getByText('New proposal by Canada on OP2, which you follow').waitFor({ timeout: 20_000 });
    await expect.poll(() => shown(page)).toEqual([{ title: 'Penholder', body: 'New proposal by Canada on OP2, which you follow' }]);
    await elsewhere.close();
    // A paragraph not followed tells nothing.
    expect(await op(page, 'OP1').getByRole('button', { name: 'Notify me of new proposals on OP1' }).getAttribute('aria-pressed')).toBe('false');
  }, 90_000);
});
