import { describe, expect, it } from 'vitest';
import { browserAvailable, e2eRoom, op, screenshot } from './e2e-setup';

const run = browserAvailable();

// Following a paragraph, in Chromium against the real server: a co-facilitator follows OP3 and turns the
// system's notifications on; a delegation proposes on OP3; the co-facilitator is told in the window,
// through the system's Notification API, and by the live region a screen reader reads.
describe.runIf(run)('notifications of new proposals', () => {
  const e2e = e2eRoom();

  it('tells a co-facilitator who follows a paragraph of a proposal on it: in the window, by the system and to a screen reader', async () => {
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
    const follow = op(page, 'OP3').getByRole('button', { name: 'Notify me of new proposals on OP3' });
    await follow.press('Enter');
    await expect.poll(() => follow.getAttribute('aria-pressed')).toBe('true');
    const system = page.getByRole('checkbox', { name: 'Also tell me through this computer\'s notifications' });
    await system.check();
    await expect.poll(() => system.isChecked()).toBe(true);

    const canada = await e2e.join(e2e.room.tokens.canada);
    await op(canada.page, 'OP3').locator('.ProseMirror').click();
    await canada.page.keyboard.press('End');
    await canada.page.keyboard.press('ArrowLeft');
    await canada.page.keyboard.press('Control+Shift+ArrowLeft');
    await canada.page.keyboard.press('Shift+F10');
    await canada.page.keyboard.press('Enter');
    await canada.page.keyboard.type('progress made');
    await canada.page.keyboard.press('Enter');

    const notice = page.getByRole('region', { name: 'Notifications' }).getByText('New proposal by Canada on OP3, which you follow');
    await notice.waitFor({ timeout: 20_000 });
    await expect.poll(() => page.evaluate(() => (window as unknown as { shown: unknown[] }).shown)).toEqual([{ title: 'Penholder', body: 'New proposal by Canada on OP3, which you follow' }]);
    expect(await page.locator('[data-announcer]').textContent()).toBe('Canada proposes a change to OP3');
    await screenshot(page, '56-notified', false);
    // A paragraph not followed tells nothing.
    expect(await op(page, 'OP1').getByRole('button', { name: 'Notify me of new proposals on OP1' }).getAttribute('aria-pressed')).toBe('false');
  }, 90_000);
});
