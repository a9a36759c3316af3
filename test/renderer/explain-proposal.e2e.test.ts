import { describe, expect, it } from 'vitest';
import { browserAvailable, e2eRoom, op, screenshot } from './e2e-setup';

const run = browserAvailable();

// A suggestion typed in the text has no rationale and no agreed-language source: its delegation adds them
// after, from the suggestion itself, with the keyboard; everyone reads them there. In Chromium against the real server.
describe.runIf(run)('a rationale and a source added to a suggestion after it was typed', () => {
  const e2e = e2eRoom();

  it('Canada types in place, then explains its suggestion; the co-facilitator reads why and where from', async () => {
    const [{ page: canada }, { page: cofac }] = await Promise.all([e2e.join(e2e.room.tokens.canada), e2e.join(e2e.room.tokens.cofac)]);
    // "…victims and survivors;": typed before the semicolon.
    await op(canada, 'OP2').locator('.ProseMirror').click();
    await canada.keyboard.press('End');
    await canada.keyboard.press('ArrowLeft');
    await canada.keyboard.type(' and their families');
    const mine = op(canada, 'OP2').locator('ins.sugg.mine', { hasText: 'and their families' });
    await mine.waitFor();
    await mine.click();
    const card = op(canada, 'OP2').getByRole('group', { name: 'Suggestion in OP2' });
    const explain = card.getByRole('button', { name: 'Add a rationale or source' });
    await explain.click();
    const form = card.getByRole('form', { name: 'Why this change, and where the wording was agreed before' });
    // Escape closes the form and gives the focus back to the button that opened it.
    await form.getByLabel('Rationale (optional)').press('Escape');
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => canada.evaluate(() => document.activeElement?.textContent)).toBe('Add a rationale or source');
    await canada.keyboard.press('Enter');
    await form.getByLabel('Rationale (optional)').fill('Families of victims are often trafficked too.');
    await form.getByLabel(/Agreed-language source/).fill('A/RES/78/228, OP3');
    await form.getByLabel(/Agreed-language source/).press('Enter');
    await form.waitFor({ state: 'detached' });
    await card.getByText('Agreed language: A/RES/78/228, OP3').waitFor();
    await card.getByText('Families of victims are often trafficked too.').waitFor();
    await expect.poll(() => canada.evaluate(() => document.activeElement?.textContent)).toBe('Change the rationale or source');
    await screenshot(canada, '37-suggestion-explained');

    // The co-facilitator reads them from the suggestion in the text; the words proposed are unchanged.
    const seen = op(cofac, 'OP2').locator('ins.sugg[data-proposal^="canada/"]', { hasText: 'and their families' });
    await seen.click();
    const cofacCard = op(cofac, 'OP2').getByRole('group', { name: 'Suggestion in OP2' });
    await cofacCard.getByText('Agreed language: A/RES/78/228, OP3').waitFor({ timeout: 10_000 });
    await cofacCard.getByText('Families of victims are often trafficked too.').waitFor();
    expect(await cofacCard.getByRole('button', { name: /rationale/ }).count()).toBe(0);
  }, 120_000);
});
