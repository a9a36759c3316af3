import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { setStatus } from '../../shared/model/facilitator-commands';
import { cofac } from '../model/fixture';
import { browserAvailable, e2eRoom, op, screenshot } from './e2e-setup';

const run = browserAvailable();

// Moments in this computer's time zone, which the browser shares: day and month both under 13, so that
// mm/dd would read as another date rather than as nonsense.
const DEADLINE = new Date(2027, 1, 8, 18, 30).toISOString();
const DECIDED = new Date(2026, 2, 5, 9, 7).toISOString();
const EXPIRES = new Date(2027, 0, 9, 14, 5).toISOString();

/** Every date and time shown in a part of the page: the words of its <time> elements. */
const times = (page: Page, selector: string): Promise<Record<string, string>> =>
  page.locator(`${selector} time`).evaluateAll((all) => Object.fromEntries(all.map((t) => [t.getAttribute('datetime')!, t.textContent!])));

// Every date and time the interface shows is in the interface language's United Nations form (day month
// year, 24-hour clock), whatever the browser's region: an English interface in a US browser, a French one
// in a Canadian browser (which writes 2027-02-08 18 h 30 of its own accord). In Chromium against the real server.
describe.runIf(run)('dates and times as the interface language writes them, whatever the browser\'s region', () => {
  const e2e = e2eRoom((n, ids) => setStatus(n, cofac, ids[3]!, { state: 'adref', pending: ['mexico'], deadline: DEADLINE }, DECIDED));

  it('in English in an en-US browser: the status badge, the record, the Room list, an expiry typed', async () => {
    await e2e.room.data.invitations.create({ negotiationId: 'sample', role: 'delegation', delegation: { id: 'canada', name: 'Canada' }, expiresAt: EXPIRES });
    const { page } = await e2e.join(e2e.room.tokens.cofac, { locale: 'en-US' });
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    await op(page, 'OP2').locator('.status', { hasText: 'Ad ref, pending Mexico until 08/02/2027, 18:30' }).waitFor();

    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Record' }).click();
    await page.getByRole('region', { name: 'The record of decisions' }).waitFor();
    expect((await times(page, '.decision-log'))[DECIDED]).toBe('05/03/2026, 09:07');
    await page.getByText('until 08/02/2027, 18:30').first().waitFor();
    await screenshot(page, '73-dates-record-en-US');

    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Room' }).click();
    const invitations = page.getByRole('table', { name: 'Invitations issued' });
    await invitations.locator(`time[datetime="${EXPIRES}"]`).waitFor();
    const shown = await times(page, '.invitations');
    expect(shown[EXPIRES]).toBe('09/01/2027, 14:05');
    // Each invitation's issue date as well: dd/mm/yyyy, hh:mm on the 24-hour clock, the day first.
    const issued = Object.entries(shown).filter(([iso]) => iso !== EXPIRES);
    expect(issued.length).toBeGreaterThan(0);
    for (const [iso, words] of issued) expect(words).toBe(expected(iso, ', '));
    const expiry = page.getByRole('group', { name: 'Link valid until (optional)' });
    await expiry.getByRole('textbox', { name: 'Date (dd/mm/yyyy)' }).fill('08/02/2027');
    await expiry.getByRole('textbox', { name: 'Time (hh:mm, 24-hour clock)' }).fill('18:30');
    await expiry.getByText('That is Monday, 8 February 2027 at 18:30.').waitFor();
    expect(await page.locator('main').innerText()).not.toMatch(/\b[AP]M\b/);
    await screenshot(page, '74-dates-room-en-US');
  }, 120_000);

  it('in French in a fr-CA browser: the same, jj/mm/aaaa and 24 h', async () => {
    const { page } = await e2e.join(e2e.room.tokens.cofac, { locale: 'fr-CA' });
    // The interface follows the browser's language, not its region's way of writing dates.
    await page.getByLabel('Langue de l’interface').waitFor();
    await op(page, 'OP2').locator('.status', { hasText: 'Ad ref, en attente de Mexico jusqu’au 08/02/2027 18:30' }).waitFor();

    await page.getByRole('navigation', { name: 'Vues' }).getByRole('button', { name: 'Registre' }).click();
    await page.getByRole('region', { name: 'Le registre des décisions' }).waitFor();
    expect((await times(page, '.decision-log'))[DECIDED]).toBe('05/03/2026 09:07');
    await screenshot(page, '75-dates-record-fr-CA');

    await page.getByRole('navigation', { name: 'Vues' }).getByRole('button', { name: 'Salle' }).click();
    await page.getByRole('table', { name: 'Invitations émises' }).locator(`time[datetime="${EXPIRES}"]`).waitFor();
    const shown = await times(page, '.invitations');
    expect(shown[EXPIRES]).toBe('09/01/2027 14:05');
    for (const [iso, words] of Object.entries(shown)) if (iso !== EXPIRES) expect(words).toBe(expected(iso, ' '));
    const expiry = page.getByRole('group', { name: 'Lien valable jusqu’au (facultatif)' });
    await expiry.getByRole('textbox', { name: 'Date (jj/mm/aaaa)' }).fill('08/02/2027');
    await expiry.getByRole('textbox', { name: 'Heure (hh:mm, sur 24 h)' }).fill('18:30');
    await expiry.getByText('Soit le lundi 8 février 2027 à 18:30.').waitFor();
    expect(await page.locator('main').innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}|\d h \d/);
    await screenshot(page, '76-dates-room-fr-CA');
  }, 120_000);
});

/** An ISO moment written by hand as dd/mm/yyyy, hh:mm in this computer's time zone, independently of Intl. */
function expected(iso: string, between: string): string {
  const at = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(at.getDate())}/${two(at.getMonth() + 1)}/${at.getFullYear()}${between}${two(at.getHours())}:${two(at.getMinutes())}`;
}
