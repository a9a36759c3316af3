import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Negotiation } from '../../shared/model/negotiation';
import { richText } from '../../shared/text/rich-text';
import { writeRichText } from '../../shared/text/y-rich-text';
import { browserAvailable, e2eRoom, fillDateTime, op, screenshot, textOf } from './e2e-setup';

const run = browserAvailable();

describe.runIf(run)('facilitating in Chromium, against the real sync server', () => {
  // PP1 carries a footnote, as imported texts do.
  const e2e = e2eRoom((n: Negotiation, ids: string[]) => {
    n.table.footnotesMap.set('fn-64', 'See A/RES/64/293, annex.');
    writeRichText(n.table.textFragment(ids[0]!), richText({ text: 'Recalling its resolution 64/293 of 30 July 2010,', lead: 'Recalling', footnotes: ['fn-64'] }));
  });
  const join = e2e.join;
  /** Puts the cursor in a paragraph's text, `at` characters from its start, selecting `select` characters. */
  const place = async (page: Page, label: string, at: number, select = 0) => {
    await op(page, label).locator('.ProseMirror').click();
    await page.keyboard.press('Home');
    for (let i = 0; i < at; i++) await page.keyboard.press('ArrowRight');
    for (let i = 0; i < select; i++) await page.keyboard.press('Shift+ArrowRight');
  };

  it('follow the facilitator; brackets by keyboard and button; merge; an alternative; compare since the zero draft; silence and a refusal in French', async () => {
    const [cofac, { page: canada }, { page: egypt }] = await Promise.all([join(e2e.room.tokens.cofac), join(e2e.room.tokens.canada, { height: 480 }), join(e2e.room.tokens.egypt, { locale: 'fr-FR' })]);
    const cp = cofac.page;
    // The table and the seven delegations on the roster: all over one socket.
    await expect.poll(() => cofac.sockets(), { timeout: 20_000 }).toEqual(['sample']);
    // The footnote's mark is numbered in the text and its body shown under it.
    const mark = op(canada, 'PP1').locator('sup.footnote-ref');
    expect(await mark.evaluate((el) => getComputedStyle(el, '::after').content)).toBe('counter(footnote)');
    await canada.locator('.footnotes-list li[value="1"]', { hasText: 'See A/RES/64/293, annex.' }).waitFor();
    await screenshot(canada, '17-footnote');
    await cp.getByRole('button', { name: 'Issue the zero draft' }).click();
    await cp.getByText('1 revision issued; latest: Zero draft').waitFor();

    // Canada follows the co-facilitator, who goes to OP3: Canada's view follows.
    await canada.getByRole('button', { name: 'Follow the facilitator' }).click();
    await place(cp, 'OP3', 0);
    await op(canada, 'OP3').and(canada.locator('.followed')).waitFor();
    await expect.poll(() => op(canada, 'OP3').evaluate((el) => el.getBoundingClientRect().bottom <= innerHeight && el.getBoundingClientRect().top >= 0)).toBe(true);
    await canada.locator('.presence li', { hasText: 'Co-facilitator · on OP3' }).waitFor();
    await screenshot(canada, '11-follow-the-facilitator', false);

    // Brackets: select "convene" in OP1, Ctrl+Shift+B; cursor inside, Ctrl+Shift+U; then the button.
    const op1 = 'Decides to convene a high-level meeting in 2021;';
    await place(cp, 'OP1', 11, 7);
    await cp.keyboard.press('Control+Shift+B');
    await expect.poll(() => textOf(canada, 'OP1')).toBe('Decides to [convene] a high-level meeting in 2021;');
    await cp.locator('.counts', { hasText: '1 bracket' }).waitFor();
    await place(cp, 'OP1', 14);
    await cp.keyboard.press('Control+Shift+U');
    await expect.poll(() => textOf(canada, 'OP1')).toBe(op1);
    await place(cp, 'OP1', 21, 18);
    await op(cp, 'OP1').getByRole('button', { name: '[ Bracket ]' }).click();
    await expect.poll(() => textOf(canada, 'OP1')).toBe('Decides to convene a [high-level meeting] in 2021;');

    // Two delegations propose on OP3; the co-facilitator merges both into its own wording.
    await op(canada, 'OP3').getByRole('button', { name: 'Propose a change' }).click();
    await op(canada, 'OP3').getByLabel('Words in the text').fill('report on progress');
    await op(canada, 'OP3').getByLabel('New words').fill('report annually on progress');
    await op(canada, 'OP3').getByRole('button', { name: 'Submit proposal' }).click();
    await op(egypt, 'OP3').getByRole('button', { name: 'Proposer une modification' }).click();
    await op(egypt, 'OP3').getByLabel('Mots du texte').fill('Secretary-General');
    await op(egypt, 'OP3').getByLabel('Nouveaux mots').fill('Secretary-General, within existing resources,');
    await op(egypt, 'OP3').getByRole('button', { name: 'Soumettre la proposition' }).click();
    await op(cp, 'OP3').getByRole('button', { name: '2 open proposals' }).click();
    for (const who of ['Canada', 'Egypt']) await op(cp, 'OP3').locator('.proposal', { hasText: who }).getByLabel('Include in merge').check();
    const merged = 'Requests the Secretary-General, within existing resources, to report annually on progress.';
    await op(cp, 'OP3').getByLabel("Co-facilitators' wording of OP3").fill(merged);
    await screenshot(cp, '12-merge');
    await op(cp, 'OP3').getByRole('button', { name: 'Merge', exact: true }).click();
    await expect.poll(() => textOf(canada, 'OP3')).toBe(merged);
    await op(egypt, 'OP3').getByRole('button', { name: 'Aucune proposition ouverte' }).waitFor();

    // An alternative to OP2, from the toolbar of the paragraph being worked on.
    await op(cp, 'OP2').locator('.editor').click();
    await op(cp, 'OP2').getByRole('button', { name: 'Add alternative' }).click();
    await op(cp, 'OP2').getByLabel('Wording of the alternative to OP2').fill('Urges Member States to protect and assist victims;');
    await op(cp, 'OP2').getByRole('button', { name: 'Add the alternative' }).click();
    await op(canada, 'OP2 Alt 1').waitFor();

    // What changed since the zero draft, with the proposals that caused it.
    await cp.getByRole('button', { name: 'Compare' }).click();
    const compare = cp.getByRole('region', { name: 'Comparison of two versions' });
    const changed = compare.locator('article[data-change="changed"]', { hasText: 'OP3' });
    await changed.locator('.cause', { hasText: 'Canada (replace)' }).waitFor();
    await changed.locator('.cause', { hasText: 'Egypt (replace)' }).waitFor();
    expect((await changed.locator('ins').allInnerTexts()).join('')).toMatch(/within existing resources.*annually/);
    expect(await changed.locator('del').allInnerTexts()).toEqual([]);
    await compare.locator('article[data-change="added"]', { hasText: 'OP2 Alt 1' }).waitFor();
    await screenshot(cp, '13-compare');
    await cp.setViewportSize({ width: 1920, height: 1080 });
    await cp.getByRole('button', { name: 'Presentation' }).click();
    await screenshot(cp, '16-compare-projected', false);
    await cp.getByRole('button', { name: 'Leave presentation' }).click();
    await cp.setViewportSize({ width: 1280, height: 900 });

    // Silence: Egypt, in French, is refused without paragraphs, then breaks silence; the co-facilitator sees it arrive.
    await cp.getByRole('button', { name: 'Text', exact: true }).click();
    await fillDateTime(cp, 'Open silence until', '28/04/2099', '18:00');
    await cp.getByRole('button', { name: 'Put under silence' }).click();
    // The text holds brackets and an alternative: the open items are listed, and confirmed to stay open.
    const confirm = cp.getByRole('alertdialog', { name: 'The text is not clean: these items are still open' });
    await confirm.getByText(/bracket/).first().waitFor();
    await confirm.getByRole('button', { name: 'Keep them open and put under silence' }).click();
    await cp.locator('.banner.silence').waitFor();
    const form = egypt.locator('.break-silence');
    await form.getByRole('button', { name: 'Rompre l’approbation tacite' }).click();
    const toast = egypt.locator('.toast');
    await toast.getByText('Cela ne peut pas être fait ainsi').waitFor();
    await toast.getByText('Name the paragraphs on which silence is broken.').waitFor();
    await screenshot(egypt, '14-french-refusal', false);
    await form.getByLabel('OP2', { exact: true }).check();
    await form.getByLabel('Motifs').fill('Le libellé sur les victimes doit être examiné par notre capitale.');
    await form.getByRole('button', { name: 'Rompre l’approbation tacite' }).click();
    await cp.locator('.objection', { hasText: 'Egypt' }).getByText('examiné par notre capitale').waitFor();
    await cp.getByText('1 objection', { exact: true }).waitFor();
    await screenshot(cp, '15-silence-objection');
    await cp.getByRole('button', { name: 'Close silence' }).click();
    await egypt.getByText('Approbation tacite rompue').waitFor();
  }, 120_000);
});
