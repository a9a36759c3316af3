import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, e2eRoom, op, screenshot } from './e2e-setup';

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

    // Mexico, its window in front, leaves; it comes back after PP2 changed: PP2 is marked as changed since its last visit.
    await page.bringToFront();
    await page.goto('about:blank');
    await append(cofac, 'PP2', ' and slavery');
    await cofac.locator('.pending[data-pending="0"]').waitFor();
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
