import { describe, expect, it } from 'vitest';
import { browserAvailable, e2eRoom, screenshot } from './e2e-setup';

const run = browserAvailable();

describe.runIf(run)('a new negotiation from an imported text, in Chromium', () => {
  const e2e = e2eRoom();

  it('a co-facilitator imports a .txt, sees the preview, creates, and lands in the new negotiation', async () => {
    const { context, page } = await e2e.join(e2e.room.tokens.cofac);
    try {
      await page.getByRole('button', { name: 'New negotiation' }).click();
      const dialog = page.getByRole('dialog', { name: 'Start a new negotiation' });
      await dialog.getByLabel('Text to import (optional)').setInputFiles('test/fixtures/import/en-draft-plain.txt');
      const preview = dialog.getByRole('region', { name: 'What the importer found' });
      await preview.getByText('2 operative paragraphs').waitFor();
      await preview.getByRole('list', { name: 'Paragraphs' }).getByText('Decides to convene a meeting;').waitFor();
      await dialog.getByLabel('Title').fill('Trafficking in persons');
      await dialog.getByLabel('Your name (a country: “Ireland”)').fill('Ireland');
      await dialog.getByLabel("The other co-facilitator's name").fill('Namibia');
      await screenshot(page, '20-new-negotiation-preview', false);
      await dialog.getByRole('button', { name: 'Create' }).click();

      // Both co-facilitators' links, each with its QR code, before the new negotiation opens.
      const created = page.getByRole('dialog', { name: 'Negotiation "Trafficking in persons" created' });
      const mine = await created.getByRole('textbox', { name: 'Join link for you, Co-facilitator — Ireland' }).inputValue();
      const other = await created.getByRole('textbox', { name: 'Join link for Co-facilitator — Namibia' }).inputValue();
      expect(mine).toMatch(/\/join\?token=/);
      expect(other).toMatch(/\/join\?token=/);
      expect(other).not.toBe(mine);
      await created.getByRole('img', { name: 'QR code of the join link for Co-facilitator — Namibia' }).waitFor();
      await screenshot(page, '21-new-negotiation-links', false);
      await created.getByRole('button', { name: 'Open the new negotiation' }).click();

      await page.locator('article[data-label="OP2"]', { hasText: 'Requests a report.' }).waitFor();
      await expect.poll(() => page.locator('article[data-label]').count()).toBe(4);
      await expect(page.locator('.who').innerText()).resolves.toBe('Co-facilitator — Ireland');
      expect(await page.getByRole('dialog').count()).toBe(0);
      expect(await page.evaluate(() => (JSON.parse(localStorage.getItem('penholder.session') ?? '{}') as { negotiationId?: string }).negotiationId)).not.toBe(e2e.room.negotiationId);
    } finally {
      await context.close();
    }
  });
});
