import { describe, expect, it } from 'vitest';
import { readQr } from '../desktop/read-qr';
import { browserAvailable, e2eRoom, screenshot } from './e2e-setup';

const run = browserAvailable();

// The co-facilitators' room screen against the real server: the roster with who is present, inviting a
// delegation (its link and QR code open the negotiation), revoking an invitation (its holder is cut off).
describe.runIf(run)('managing the room, in Chromium against the real server', () => {
  const e2e = e2eRoom();

  it('lists who is present, invites a delegation by link and QR code, and revokes an invitation after confirmation', async () => {
    const cofac = await e2e.join(e2e.room.tokens.cofac);
    const mexico = await e2e.join(e2e.room.tokens.mexico);
    try {
      const page = cofac.page;
      await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Room' }).click();
      const roster = page.getByRole('table', { name: 'Delegations on the roster' });
      await roster.getByRole('row', { name: /Mexico/ }).getByText('Present (1 window)').waitFor({ timeout: 20_000 });
      await roster.getByRole('row', { name: /Canada/ }).getByText('Not connected').waitFor();
      await roster.getByRole('row', { name: /Mexico/ }).getByText('1 valid invitation').waitFor();
      // Codes as the roster gives them; none is made up for a delegation the roster gives none.
      const codeOf = (name: RegExp) => roster.getByRole('row', { name }).locator('td.code .code-value').innerText();
      expect(await codeOf(/Mexico/)).toBe('MEX');
      expect(await codeOf(/Group of 77/)).toBe('G77');
      expect(await codeOf(/Holy See/)).toBe('none on the roster');
      // The co-facilitator gives the Holy See its code in place: Escape keeps it as it was, Enter saves.
      const change = roster.getByRole('button', { name: 'Change the code of Holy See' });
      await change.click();
      await roster.getByRole('textbox', { name: 'Code of Holy See' }).fill('VA');
      await page.keyboard.press('Escape');
      expect(await codeOf(/Holy See/)).toBe('none on the roster');
      await change.click();
      await roster.getByRole('textbox', { name: 'Code of Holy See' }).fill('vat');
      await page.keyboard.press('Enter');
      await expect.poll(() => codeOf(/Holy See/)).toBe('VAT');
      expect(await change.evaluate((el) => el === document.activeElement)).toBe(true);

      // Invite Brazil: the link and its QR code say the same, and the link opens the negotiation as Brazil.
      await page.getByLabel('Delegation (as it appears on the roster)').fill('Brazil');
      await page.getByRole('button', { name: 'Invite and show the link' }).press('Enter');
      const link = await page.getByRole('textbox', { name: 'Join link for Brazil' }).inputValue();
      expect(link).toMatch(new RegExp(`^${e2e.room.server.url}/join\\?token=`));
      const qr = page.getByRole('img', { name: 'QR code of the join link for Brazil' });
      await qr.waitFor();
      expect(readQr((await qr.getAttribute('src'))!)).toBe(link);
      await screenshot(page, '50-room-invited');
      const brazil = await e2e.browser.newContext({ locale: 'en-GB' });
      const brazilPage = await brazil.newPage();
      await brazilPage.goto(link);
      await brazilPage.getByText('Delegation of Brazil').waitFor({ timeout: 30_000 });
      await roster.getByRole('row', { name: /Brazil/ }).getByText('Present (1 window)').waitFor({ timeout: 20_000 });
      await brazil.close();

      // Revoke Mexico's invitation: asked first (Escape keeps it), then Mexico is disconnected.
      const invitations = page.getByRole('table', { name: 'Invitations issued' });
      const revoke = invitations.getByRole('button', { name: 'Revoke the invitation for Mexico' });
      await revoke.focus();
      await page.keyboard.press('Enter');
      const confirm = invitations.getByRole('alertdialog', { name: /Revoke this invitation for Mexico/ });
      await confirm.waitFor();
      await page.keyboard.press('Escape');
      await confirm.waitFor({ state: 'detached' });
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Revoke the invitation for Mexico');
      expect(await mexico.page.getByText(/Your invitation is no longer valid/).count()).toBe(0);
      await page.keyboard.press('Enter');
      await screenshot(page, '51-room-revoke-confirm');
      await page.keyboard.press('Enter');
      await mexico.page.getByText(/Your invitation is no longer valid/).waitFor({ timeout: 20_000 });
      await invitations.getByRole('row', { name: /Mexico/ }).getByText(/^Revoked on \d\d\/\d\d\/\d{4}/).waitFor();
      await roster.getByRole('row', { name: /Mexico/ }).getByText('0 valid invitations').waitFor();
      await screenshot(page, '52-room-revoked');

      // A co-facilitator's invitation offers no Revoke, and the server refuses it from anyone's hand.
      const cofacRow = invitations.getByRole('row', { name: /^Co-facilitator(?! —)/ });
      await cofacRow.getByText('Only whoever runs the server can revoke it').waitFor();
      expect(await cofacRow.getByRole('button').count()).toBe(0);
      // A co-facilitator invited by name is listed by it.
      await invitations.getByRole('row', { name: /^Co-facilitator — Ireland/ }).getByText('Only whoever runs the server can revoke it').waitFor();
      const refused = await page.evaluate(async (token) => {
        const api = `/api/negotiations/sample/invitations`;
        const auth = { authorization: `Bearer ${token}` };
        const { invitations: all } = (await (await fetch(api, { headers: auth })).json()) as { invitations: { id: string; role: string }[] };
        const own = all.find((i) => i.role === 'cofacilitator')!;
        const answer = await fetch(`${api}/${own.id}`, { method: 'DELETE', headers: auth });
        return { status: answer.status, error: ((await answer.json()) as { error: string }).error };
      }, e2e.room.tokens.cofac);
      expect(refused).toEqual({ status: 403, error: expect.stringMatching(/^A co-facilitator cannot revoke their own invitation/) });
      await page.locator('.net-connected').waitFor();
    } finally {
      await cofac.context.close();
      await mexico.context.close();
    }
  }, 120_000);

  it('reads in French, with dates as dd/mm/yyyy', async () => {
    const { context, page } = await e2e.join(e2e.room.tokens.cofac, { locale: 'fr-FR' });
    try {
      await page.getByRole('navigation').getByRole('button', { name: 'Salle' }).click();
      const invitations = page.getByRole('table', { name: 'Invitations émises' });
      await invitations.waitFor();
      const today = new Date().toLocaleDateString('fr-FR');
      await invitations.getByRole('row', { name: /Canada/ }).getByText(today).first().waitFor();
      expect(today).toMatch(/^\d\d\/\d\d\/\d{4}$/);
      await screenshot(page, '53-room-fr');
    } finally {
      await context.close();
    }
  }, 60_000);
});
