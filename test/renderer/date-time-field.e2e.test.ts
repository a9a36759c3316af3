import { describe, expect, it } from 'vitest';
import { browserAvailable, e2eRoom, op, screenshot } from './e2e-setup';

const run = browserAvailable();

// Dates typed in the interface's language, not the browser's: in a US-English browser, the French
// interface reads jj/mm/aaaa on the 24-hour clock and the English one day/month/year, 24-hour too;
// an impossible date says what is wrong and is not submitted. In Chromium against the real server.
describe.runIf(run)('dates and times typed as the interface language writes them', () => {
  const e2e = e2eRoom();

  it('in French: an ad ref deadline typed from the keyboard, refused while impossible, read back in French', async () => {
    const { page } = await e2e.join(e2e.room.tokens.cofac, { locale: 'en-US' });
    await page.getByLabel('Interface language').selectOption('fr');
    const paragraph = op(page, 'OP2');
    // The paragraph worked on shows the co-facilitators' tools.
    await paragraph.locator('.editor').click();
    await paragraph.getByRole('toolbar').waitFor();
    await paragraph.getByLabel('Statut de l’OP2').selectOption('adref');
    await paragraph.getByLabel('Délégations en attente (ad ref)').selectOption(['mexico']);
    const deadline = paragraph.getByRole('group', { name: 'Échéance' });
    const date = deadline.getByRole('textbox', { name: 'Date (jj/mm/aaaa)' });
    const time = deadline.getByRole('textbox', { name: 'Heure (hh:mm, sur 24 h)' });
    await date.focus();
    await page.keyboard.type('31/02/2027');
    await page.keyboard.press('Tab');
    await page.keyboard.type('18 h 30');
    expect(await time.inputValue()).toBe('18 h 30');
    await page.keyboard.press('Tab');
    const problem = deadline.getByRole('alert');
    await expect.poll(() => problem.textContent()).toBe('Le 31 février 2027 n’existe pas : février 2027 compte 28 jours.');
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, '70-date-impossible-fr', false);
    // Submitting is refused while the date is impossible: the status stays as it was.
    await paragraph.getByRole('button', { name: 'Fixer le statut' }).click();
    expect(await paragraph.locator('.status-adref').count()).toBe(0);

    await date.fill('28/02/2027');
    await deadline.getByText('Soit le dimanche 28 février 2027 à 18:30.').waitFor();
    await paragraph.getByRole('button', { name: 'Fixer le statut' }).click();
    await paragraph.locator('.status-adref', { hasText: 'Ad ref, en attente de Mexico jusqu’au 28/02/2027 18:30' }).waitFor();
    await screenshot(page, '71-date-fr', false);
    await page.context().close();
  }, 90_000);

  it('in English: an invitation\'s expiry, day first, refused as month/day, read back in words', async () => {
    const { page } = await e2e.join(e2e.room.tokens.cofac, { locale: 'en-US' });
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Room' }).click();
    await page.getByLabel('Delegation (as it appears on the roster)').fill('Brazil');
    const expiry = page.getByRole('group', { name: 'Link valid until (optional)' });
    const date = expiry.getByRole('textbox', { name: 'Date (dd/mm/yyyy)' });
    await date.focus();
    await page.keyboard.type('12/31/2027');
    await page.keyboard.press('Tab');
    await page.keyboard.type('17:00');
    await page.keyboard.press('Enter');
    // Enter submits the form: refused, the problem said, the focus on the field at fault.
    await expect.poll(() => expiry.getByRole('alert').textContent()).toBe('There is no month 31: write the day first, then the month (dd/mm/yyyy).');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    expect(await page.getByRole('textbox', { name: 'Join link for Brazil' }).count()).toBe(0);

    await date.fill('31/12/2027');
    await expiry.getByText('That is Friday, 31 December 2027 at 17:00.').waitFor();
    await screenshot(page, '72-date-en', false);
    await page.getByRole('button', { name: 'Invite and show the link' }).click();
    await page.getByRole('textbox', { name: 'Join link for Brazil' }).waitFor();
    const row = page.getByRole('table', { name: 'Invitations issued' }).getByRole('row', { name: /Brazil/ });
    const expires = await row.locator('time').nth(1).getAttribute('datetime');
    expect(expires).toBe(await page.evaluate(() => new Date(2027, 11, 31, 17, 0).toISOString()));
    // The form is empty again for the next invitation.
    await expect.poll(() => date.inputValue()).toBe('');
    await page.context().close();
  }, 90_000);
});
