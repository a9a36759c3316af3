import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, e2eRoom, op, screenshot, tableText, textOf } from './e2e-setup';

const run = browserAvailable();

describe.runIf(run)('the negotiating table in Chromium, against the real sync server', () => {
  const e2e = e2eRoom();
  const join = (token: string, locale = 'en-GB') => e2e.join(token, { locale });
  const shot = (page: Page, name: string) => screenshot(page, name);

  it('a delegation proposes, another supports, a third opposes, the co-facilitator accepts, sets ad ref; the clean text has the new wording', async () => {
    const [cofac, mexico, canada, egypt] = await Promise.all([join(e2e.room.tokens.cofac), join(e2e.room.tokens.mexico), join(e2e.room.tokens.canada), join(e2e.room.tokens.egypt)]);
    await expect(cofac.page.locator('.who').innerText()).resolves.toBe('Co-facilitator');
    await expect(mexico.page.locator('.who').innerText()).resolves.toBe('Delegation of Mexico');
    // The other co-facilitator, invited by name, sees it on their own screen too.
    const ireland = await join(e2e.room.tokens.ireland);
    await expect(ireland.page.locator('.who').innerText()).resolves.toBe('Co-facilitator — Ireland');
    await ireland.page.context().close();
    await cofac.page.locator('.presence li', { hasText: 'Mexico' }).waitFor();

    // Mexico proposes to replace words in OP2.
    const p = mexico.page;
    await op(p, 'OP2').getByRole('button', { name: 'Propose a change' }).click();
    await op(p, 'OP2').getByLabel('Words in the text').fill('victims and survivors');
    await op(p, 'OP2').getByLabel('New words').fill('all victims');
    await op(p, 'OP2').getByLabel(/Agreed-language source/).fill('A/RES/78/228, OP3');
    await shot(p, '01-delegation-proposes');
    await op(p, 'OP2').getByRole('button', { name: 'Submit proposal' }).click();

    // Canada supports, Egypt opposes, each in one click.
    for (const [d, stance] of [[canada, 'Support'], [egypt, 'Oppose']] as const) {
      const count = op(d.page, 'OP2').getByRole('button', { name: '1 open proposal' });
      await count.click();
      await op(d.page, 'OP2').locator('.proposal').getByRole('button', { name: stance, exact: true }).click();
    }
    const cp = cofac.page;
    await op(cp, 'OP2').getByRole('button', { name: '1 open proposal' }).click();
    await op(cp, 'OP2').getByText('Supported by Canada').waitFor();
    await op(cp, 'OP2').getByText('Opposed by Egypt').waitFor();
    await shot(cp, '02-cofacilitator-sees-positions');

    // The co-facilitator accepts: the text changes everywhere.
    // From the keyboard: the focus stays on the proposal, now accepted, for Tab to go on from there.
    await op(cp, 'OP2').getByRole('button', { name: 'Accept' }).focus();
    await cp.keyboard.press('Enter');
    await expect.poll(() => textOf(canada.page, 'OP2')).toBe('Urges Member States to protect all victims;');
    await expect.poll(() => cp.evaluate(() => document.activeElement?.matches('li.proposal.state-accepted') ?? false)).toBe(true);
    await expect.poll(() => textOf(cp, 'OP2')).toBe('Urges Member States to protect all victims;');

    // … and marks the paragraph agreed ad ref, pending Mexico; Mexico confirms for its capital.
    await op(cp, 'OP2').getByLabel('Status of OP2').selectOption('adref');
    await op(cp, 'OP2').getByLabel('Pending delegations (ad ref)').selectOption(['mexico']);
    await op(cp, 'OP2').getByRole('button', { name: 'Set status' }).focus();
    await cp.keyboard.press('Enter');
    await op(p, 'OP2').locator('.status-adref', { hasText: 'Ad ref, pending Mexico' }).waitFor();
    // The control is made anew for the new status: the focus is on the paragraph, not lost.
    await expect.poll(() => cp.evaluate(() => document.activeElement?.getAttribute('data-label'))).toBe('OP2');
    const notices = p.getByRole('region', { name: 'Notifications' });
    await notices.getByText('OP2 is agreed ad ref and awaits your capital\'s confirmation').waitFor();
    await op(p, 'OP2').getByRole('button', { name: 'Confirm for my capital' }).focus();
    await p.keyboard.press('Enter');
    await op(cp, 'OP2').getByText('Confirmed by Mexico').waitFor();
    // The button goes with the confirmation: the focus stays on the paragraph.
    await expect.poll(() => p.evaluate(() => document.activeElement?.getAttribute('data-label'))).toBe('OP2');
    // … and the notice asking for the confirmation goes.
    await expect.poll(() => notices.innerText()).not.toContain('awaits your capital');
    await shot(cp, '03-adref-confirmed');

    // The clean text, live.
    await cp.getByRole('button', { name: 'Clean text' }).click();
    const clean = cp.getByRole('region', { name: 'Clean text' });
    await expect.poll(() => clean.innerText()).toContain('Urges Member States to protect all victims;');
    await shot(cp, '04-clean-text');
    await cp.getByRole('button', { name: 'Compilation' }).click();
    await cp.getByRole('region', { name: 'Compilation text' }).getByText('Supported by Canada').waitFor();
    await shot(cp, '05-compilation');
    await cp.getByRole('button', { name: 'Text', exact: true }).click();
    await cp.getByRole('button', { name: 'Presentation' }).click();
    await shot(cp, '06-presentation');
  }, 90_000);

  it('a delegation cannot change the text, even by typing into the editor or altering the page', async () => {
    const { page } = await join(e2e.room.tokens.canada);
    const cofac = await join(e2e.room.tokens.cofac);
    const before = await textOf(page, 'OP3');
    const editor = op(page, 'OP3').locator('.ProseMirror');
    await editor.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' XYZ');
    // Typing became the delegation's own suggestion, drawn in place, not an edit.
    await op(page, 'OP3').locator('ins.sugg.mine', { hasText: 'XYZ' }).waitFor();
    await shot(page, '07-suggest-mode');
    // Backspace takes the typed suggestion back: no proposal remains.
    await op(cofac.page, 'OP3').locator('ins.sugg', { hasText: 'XYZ' }).waitFor();
    for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
    await expect.poll(() => op(cofac.page, 'OP3').locator('.sugg').count()).toBe(0);
    await op(cofac.page, 'OP3').getByRole('button', { name: 'No open proposals' }).waitFor();
    await editor.evaluate((el) => {
      el.querySelector('p')!.append(' HACKED');
    });
    await page.waitForTimeout(300);
    expect(await tableText(cofac.page, 'OP3')).toBe(before);
    expect(await tableText(page, 'OP3')).toBe(before);
    // Altering the page is typing too: at most a suggestion of the delegation's own, which it withdraws.
    const hacked = op(page, 'OP3').locator('ins.sugg.mine', { hasText: 'HACKED' });
    await hacked.click();
    await op(page, 'OP3').getByRole('group', { name: 'Suggestion in OP3' }).getByRole('button', { name: 'Withdraw' }).click();
    await op(cofac.page, 'OP3').getByRole('button', { name: 'No open proposals' }).waitFor();
    await page.reload();
    await op(page, 'OP3').waitFor();
    expect(await tableText(page, 'OP3')).toBe(before);
  }, 60_000);

  it('offline: a delegation drafts and submits, reloads while offline, reconnects, and everyone converges', async () => {
    const mexico = await join(e2e.room.tokens.mexico);
    const cofac = await join(e2e.room.tokens.cofac);
    const p = mexico.page;
    await p.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await mexico.context.setOffline(true);
    await p.locator('.net-offline').waitFor();
    await op(p, 'OP3').getByRole('button', { name: 'Propose a change' }).click();
    await op(p, 'OP3').getByLabel('Words in the text').fill('report on progress');
    await op(p, 'OP3').getByLabel('New words').fill('report annually on progress');
    await op(p, 'OP3').getByRole('button', { name: 'Save as private draft' }).click();
    await p.locator('.drafts').getByRole('button', { name: 'Submit' }).click();
    await op(p, 'OP3').getByRole('button', { name: '1 open proposal' }).waitFor();
    const pending = Number(await p.locator('[data-pending]').getAttribute('data-pending'));
    expect(pending).toBeGreaterThan(0);
    await shot(p, '08-offline-pending');

    await p.reload();
    await op(p, 'OP3').getByRole('button', { name: '1 open proposal' }).waitFor();
    await p.locator('.net-offline').waitFor();
    expect(Number(await p.locator('[data-pending]').getAttribute('data-pending'))).toBeGreaterThan(0);
    await shot(p, '09-offline-after-reload');
    expect(await op(cofac.page, 'OP3').getByRole('button', { name: /^\d+ open proposal/ }).count()).toBe(0);

    await mexico.context.setOffline(false);
    await p.locator('.net-connected').waitFor({ timeout: 20_000 });
    await op(cofac.page, 'OP3').getByRole('button', { name: '1 open proposal' }).waitFor({ timeout: 20_000 });
    await expect.poll(() => p.locator('[data-pending]').getAttribute('data-pending')).toBe('0');
  }, 90_000);

  it('speaks French', async () => {
    const { page } = await join(e2e.room.tokens.egypt, 'fr-FR');
    await expect(page.locator('.who').innerText()).resolves.toBe('Délégation : Egypt');
    await op(page, 'OP1').getByRole('button', { name: 'Proposer une modification' }).waitFor();
    await page.locator('.net-connected', { hasText: 'Connecté' }).waitFor();
    await shot(page, '10-french');
  }, 60_000);
});
