import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { propose } from '../../shared/model/proposal-commands';
import { browserAvailable, e2eRoom, screenshot } from './e2e-setup';

const run = browserAvailable();
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** What axe-core (WCAG 2 A and AA rules) finds serious or critical on the page as it stands. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol: the page's Content-Security-Policy rightly refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } })).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(', ')}`);
}

describe.runIf(run)('every screen reads for a screen reader and a keyboard user (axe-core, WCAG 2 AA), in English and French', () => {
  const e2e = e2eRoom((negotiation, ids) => {
    propose(negotiation, { role: 'delegation', delegationId: 'mexico' }, { kind: 'insert', paragraphId: ids[3]!, from: 52, to: 52, text: ' and their families' });
  });

  for (const [language, locale] of [['English', 'en-GB'], ['French', 'fr-FR']] as const) {
    it(`the co-facilitator's and a delegation's screens, in ${language}`, { timeout: 240_000 }, async () => {
      const [cofac, mexico] = await Promise.all([e2e.join(e2e.room.tokens.cofac, { locale }), e2e.join(e2e.room.tokens.mexico, { locale })]);
      const found: string[] = [];
      for (const { page, who } of [
        { page: cofac.page, who: 'co-facilitator' },
        { page: mexico.page, who: 'delegation' },
      ]) {
        const views = page.locator('header nav button[aria-current], header nav button:not([aria-pressed])');
        const names = await views.allInnerTexts();
        for (const [i, name] of names.entries()) {
          await views.nth(i).click();
          await expect.poll(() => views.nth(i).getAttribute('aria-current')).toBe('page');
          for (const v of await seriousViolations(page)) found.push(`${who} › ${name}: ${v}`);
        }
        // The dialogs, opened from the keyboard-reachable buttons of the top bar, each closed with Escape.
        for (const opener of ['.export-open', '.shortcuts-open', '.new-negotiation-open']) {
          if ((await page.locator(opener).count()) === 0) continue;
          await page.locator(opener).click();
          await page.locator('dialog[open]').waitFor();
          for (const v of await seriousViolations(page)) found.push(`${who} › ${opener}: ${v}`);
          await page.keyboard.press('Escape');
          await page.locator('dialog[open]').waitFor({ state: 'detached' });
        }
        await screenshot(page, `60-accessibility-${who}-${locale}`);
      }
      expect(found).toEqual([]);
    });
  }

  it('Escape in the text leaves it for its paragraph, whose controls Tab then reaches', { timeout: 120_000 }, async () => {
    const { page } = await e2e.join(e2e.room.tokens.mexico);
    const paragraph = page.locator('article.paragraph').first();
    await paragraph.locator('.ProseMirror').click();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('ProseMirror'))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => paragraph.evaluate((el) => document.activeElement === el)).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('article.paragraph') !== null && document.activeElement?.tagName)).toBe('BUTTON');
  });

  it('a second skip link reaches the room and its tools (revisions, silence) without Tabbing through every paragraph', { timeout: 120_000 }, async () => {
    for (const [token, first] of [[e2e.room.tokens.cofac, 'Note for the revision'], [e2e.room.tokens.mexico, null]] as const) {
      const { page } = await e2e.join(token);
      await page.locator('article.paragraph').first().waitFor();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the room and its tools');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('side');
      // A delegation's side holds the room (and, under silence, the form to break it); a co-facilitator's, the tools.
      if (first) {
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => !!document.activeElement?.closest('#side'))).toBe(true);
        for (let i = 0; i < 10 && (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? null)) !== first; i++) await page.keyboard.press('Tab');
        expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? null)).toBe(first);
      }
    }
  });
});
