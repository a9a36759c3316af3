import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { bracket, setStatus } from '../../shared/model/facilitator-commands';
import { propose } from '../../shared/model/proposal-commands';
import { as, cofac } from '../model/fixture';
import { browserAvailable, e2eRoom, fillDateTime } from './e2e-setup';

const run = browserAvailable();

/*
 * Silence on a text that is not clean, in Chromium against the real sync server: the co-facilitator is
 * shown what is open, by paragraph, and confirms that it stays open (or cancels); under silence,
 * Backspace in bracketed words changes nothing, on the co-facilitator's screen or anyone else's.
 */
describe.runIf(run)('silence on bracketed text, in Chromium', () => {
  const e2e = e2eRoom((n, ids) => {
    bracket(n, cofac, ids[3]!, 31, 38); // OP2: "… protect [victims] and survivors;"
    propose(n, as('mexico'), { kind: 'delete', paragraphId: ids[4]!, from: 0, to: 9 }); // OP3
    setStatus(n, cofac, ids[1]!, { state: 'adref', pending: ['canada'], deadline: null }); // PP2
  });
  const join = async (token: string) => (await e2e.join(token)).page;
  const text = (page: Page, label: string) => page.locator(`article[data-label="${label}"] .ProseMirror`);

  it('lists the open items by paragraph, opens silence only once they are confirmed to stay open, and Backspace under silence changes nothing anywhere', async () => {
    const [cp, mexico] = await Promise.all([join(e2e.room.tokens.cofac), join(e2e.room.tokens.mexico)]);
    await expect.poll(() => text(mexico, 'OP2').innerText(), { timeout: 20_000 }).toContain('[victims]');
    await fillDateTime(cp, 'Open silence until', '28/04/2099', '18:00');
    await cp.getByRole('button', { name: 'Put under silence' }).click();
    const confirm = cp.getByRole('alertdialog', { name: 'The text is not clean: these items are still open' });
    await confirm.waitFor();
    expect(await confirm.locator('li').allInnerTexts()).toEqual(['PP2: ad ref pending for Canada', 'OP2: 1 bracket', 'OP3: open proposal by Mexico']);
    // The confirmation has the focus; Escape (or Cancel) leaves the text as it was.
    await expect.poll(() => cp.evaluate(() => document.activeElement?.textContent)).toBe('Keep them open and put under silence');
    await cp.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(await cp.locator('.banner.silence').count()).toBe(0);
    // Asked again, and confirmed: silence runs, and everyone sees it.
    await cp.getByRole('button', { name: 'Put under silence' }).click();
    await confirm.getByRole('button', { name: 'Keep them open and put under silence' }).press('Enter');
    await cp.locator('.banner.silence').waitFor();
    // The confirmation goes with it: the focus is on the co-facilitators' tools, not lost.
    await expect.poll(() => cp.evaluate(() => document.activeElement?.classList.contains('facilitator-bar'))).toBe(true);
    await mexico.locator('.banner.silence').waitFor();

    // Backspace on "[victims]" under silence: the words stay, here and for Mexico.
    await text(cp, 'OP2').click();
    await cp.keyboard.press('End');
    for (let i = 0; i < ' and survivors;'.length; i++) await cp.keyboard.press('ArrowLeft');
    for (let i = 0; i < '[victims]'.length; i++) await cp.keyboard.press('Backspace');
    // Closing silence is the next thing this connection sends: once Mexico sees it, anything sent before has been decided.
    await cp.getByRole('button', { name: 'Close silence' }).press('Enter');
    await mexico.getByText(/silence.*withdrawn|withdrawn/i).first().waitFor();
    expect(await cp.evaluate(() => document.activeElement?.classList.contains('facilitator-bar'))).toBe(true);
    await expect.poll(() => text(cp, 'OP2').innerText(), { timeout: 20_000 }).toContain('[victims]');
    expect(await text(mexico, 'OP2').innerText()).toContain('protect [victims] and survivors;');

    // The record shows the silence opened with what stayed open, and withdrawn.
    await mexico.getByRole('button', { name: 'Record' }).click();
    await mexico.getByText(/Record verified: \d+ decisions/).waitFor();
    await mexico.locator('tr[data-kind="silence-open"]', { hasText: 'kept open' }).waitFor();
    await mexico.locator('tr[data-kind="silence-close"]', { hasText: 'withdrawn' }).waitFor();
  }, 120_000);
});
