import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, e2eRoom, op, screenshot } from './e2e-setup';

const run = browserAvailable();

// The context menu on selected words, in Chromium against the real server: a delegation proposes from it
// with the keyboard (Shift+F10, the Menu key), a co-facilitator brackets from it with a right click.
describe.runIf(run)('the menu of the selected words', () => {
  const e2e = e2eRoom();
  const join = async (token: string): Promise<Page> => (await e2e.join(token)).page;
  const focused = (page: Page) => page.evaluate(() => ({ text: document.activeElement?.textContent ?? '', editor: !!document.activeElement?.closest('.ProseMirror') }));
  /** Selects the word before the caret's place: End, then `left` characters back, then a word with Ctrl+Shift+←; resolves once the editor holds the selection. */
  const selectWord = async (page: Page, label: string, left: number) => {
    await op(page, label).locator('.ProseMirror').click();
    await page.keyboard.press('End');
    for (let i = 0; i < left; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Control+Shift+ArrowLeft');
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString().trim() ?? '')).not.toBe('');
  };
  /** Opens the menu with `key` and resolves once its first item has the focus (keys pressed before would go to the text). */
  const openMenu = async (page: Page, key: string) => {
    await page.keyboard.press(key);
    await expect.poll(async () => (await focused(page)).text).toMatch(/^Propose replacing/);
  };

  it('a delegation opens it with Shift+F10 or the Menu key, and proposes a deletion and a bracketing from it; the bracketing accepted brackets the words', async () => {
    const mexico = await join(e2e.room.tokens.mexico);
    const cofac = await join(e2e.room.tokens.cofac);
    // "Urges Member States to protect victims and survivors;": "survivors" is before the semicolon.
    await selectWord(mexico, 'OP2', 1);
    await mexico.keyboard.press('Shift+F10');
    const menu = mexico.getByRole('menu', { name: 'Actions on the selected words of OP2' });
    await menu.waitFor();
    expect((await focused(mexico)).text).toBe('Propose replacing “survivors”');
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual(['Propose replacing “survivors”', 'Propose inserting words after “survivors”', 'Propose deleting “survivors”', 'Propose bracketing “survivors”']);
    await screenshot(mexico, '55-selection-menu', false);
    // Escape closes it and gives the text its focus back.
    await mexico.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect((await focused(mexico)).editor).toBe(true);

    await openMenu(mexico, 'Shift+F10');
    await mexico.keyboard.press('ArrowDown');
    await mexico.keyboard.press('ArrowDown');
    expect((await focused(mexico)).text).toBe('Propose deleting “survivors”');
    await mexico.keyboard.press('Enter');
    const form = op(mexico, 'OP2').getByRole('form', { name: 'Propose a change to OP2' });
    expect(await form.getByLabel('Kind of change').inputValue()).toBe('delete');
    expect(await form.getByLabel('Words in the text').inputValue()).toBe('survivors');
    await mexico.keyboard.press('Enter');
    await op(cofac, 'OP2').locator('.sugg-del', { hasText: 'survivors' }).waitFor({ timeout: 20_000 });
    // Sent, the form gives the focus back to its paragraph, not to the page: Tab goes on from there.
    await form.waitFor({ state: 'detached' });
    expect(await mexico.evaluate(() => document.activeElement?.getAttribute('data-label'))).toBe('OP2');

    // The Menu key, End: bracketing, the words proposed already filled in.
    await selectWord(mexico, 'OP2', 'victims and survivors;'.length - 'victims'.length);
    await openMenu(mexico, 'ContextMenu');
    await mexico.keyboard.press('End');
    expect((await focused(mexico)).text).toBe('Propose bracketing “victims”');
    await mexico.keyboard.press('Enter');
    // A proposal of its own kind, not a replacement: the words stay, the brackets are the change.
    expect(await form.getByLabel('Kind of change').inputValue()).toBe('bracket');
    expect(await form.getByLabel('Words in the text').inputValue()).toBe('victims');
    expect(await form.getByLabel('New words').count()).toBe(0);
    // Escape cancels it, the focus back on the paragraph; the Menu key opens it again.
    await mexico.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    expect(await mexico.evaluate(() => document.activeElement?.getAttribute('data-label'))).toBe('OP2');
    await selectWord(mexico, 'OP2', 'victims and survivors;'.length - 'victims'.length);
    await openMenu(mexico, 'ContextMenu');
    await mexico.keyboard.press('End');
    expect((await focused(mexico)).text).toBe('Propose bracketing “victims”');
    await mexico.keyboard.press('Enter');
    expect(await form.getByLabel('Kind of change').inputValue()).toBe('bracket');
    await mexico.keyboard.press('Enter');
    const bracketed = op(cofac, 'OP2').locator('.sugg-bracketed', { hasText: 'victims' });
    await bracketed.waitFor({ timeout: 20_000 });
    expect(await op(cofac, 'OP2').locator('ins.sugg-ins').allTextContents()).toEqual(expect.arrayContaining(['[', ']']));
    await bracketed.click();
    const card = op(cofac, 'OP2').getByRole('group', { name: 'Suggestion in OP2' });
    await card.locator('.proposal-head', { hasText: 'Mexico · bracket · open' }).waitFor();
    await screenshot(cofac, '57-bracket-proposed', false);
    // Accepted from the suggestion: the words stand in brackets in everyone's text.
    await card.getByRole('button', { name: 'Accept' }).click();
    await op(mexico, 'OP2').locator('.ProseMirror', { hasText: 'protect [victims] and' }).waitFor({ timeout: 20_000 });
  }, 90_000);

  it('a co-facilitator brackets the selected words from a right click', async () => {
    const cofac = await join(e2e.room.tokens.cofac);
    // The paragraph worked on shows the co-facilitators' toolbar: the selection is measured once it is there.
    await op(cofac, 'OP3').locator('.ProseMirror').click();
    await op(cofac, 'OP3').getByRole('toolbar').waitFor();
    await selectWord(cofac, 'OP3', 1);
    const box = await cofac.evaluate(() => {
      const r = document.getSelection()!.getRangeAt(0).getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, words: document.getSelection()!.toString() };
    });
    expect(box.words).toBe('progress');
    await cofac.mouse.click(box.x, box.y, { button: 'right' });
    const menu = cofac.getByRole('menu', { name: 'Actions on the selected words of OP3' });
    await menu.getByRole('menuitem', { name: 'Bracket “progress”' }).click();
    await op(cofac, 'OP3').locator('.ProseMirror', { hasText: '[progress].' }).waitFor({ timeout: 20_000 });
    await menu.waitFor({ state: 'detached' });
  }, 60_000);
});
