import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { richText } from '../../shared/text/rich-text';
import { writeRichText } from '../../shared/text/y-rich-text';
import { browserAvailable, e2eRoom, op, textOf } from './e2e-setup';

const run = browserAvailable();

/*
 * The proposal form's insertion, in Chromium against the real sync server: the new words go after the
 * quoted ones, spaced by the model (never by the form), and the accepted text reads as the proposal showed.
 */
describe.runIf(run)('inserting words after others through the proposal form', () => {
  const e2e = e2eRoom((n, ids) =>
    writeRichText(n.table.textFragment(ids[2]!), richText({ text: 'Encourages cooperation with civil society, the private sector and academia;', lead: 'Encourages' })),
  );
  const join = async (token: string) => (await e2e.join(token)).page;

  const proposeInsert = async (page: Page, after: string, words: string) => {
    await op(page, 'OP1').getByRole('button', { name: 'Propose a change' }).click();
    await op(page, 'OP1').getByLabel('Kind of change').selectOption('insert');
    await op(page, 'OP1').getByLabel('Insert after these words (empty: at the start)').fill(after);
    await op(page, 'OP1').getByLabel('New words').fill(words);
    await op(page, 'OP1').getByRole('button', { name: 'Submit proposal' }).click();
  };

  /** The co-facilitator accepts the one open proposal on OP1 (its list opened if it is not open already). */
  const accept = async (page: Page) => {
    const count = op(page, 'OP1').getByRole('button', { name: '1 open proposal' });
    await count.waitFor();
    if ((await count.getAttribute('aria-expanded')) !== 'true') await count.click();
    await op(page, 'OP1').getByRole('button', { name: 'Accept' }).click();
  };

  it('"academia," after "civil society" is drawn and lands after it, in the list, and ", as appropriate" clings to "academia"', async () => {
    const [cp, mexico] = await Promise.all([join(e2e.room.tokens.cofac), join(e2e.room.tokens.mexico)]);
    await expect.poll(() => textOf(mexico, 'OP1'), { timeout: 20_000 }).toContain('civil society, the private sector');
    await proposeInsert(mexico, 'civil society', 'faith-based organizations,');
    // Before it is accepted, everyone reads the proposal where it goes: after the quoted words, spaced.
    const proposed = 'Encourages cooperation with civil society, faith-based organizations, the private sector and academia;';
    await expect.poll(() => textOf(cp, 'OP1'), { timeout: 20_000 }).toBe(proposed);
    await expect.poll(() => textOf(mexico, 'OP1')).toBe(proposed);
    await accept(cp);
    await expect.poll(() => textOf(mexico, 'OP1')).toBe('Encourages cooperation with civil society, faith-based organizations, the private sector and academia;');
    await proposeInsert(mexico, 'and academia', ', as appropriate');
    await accept(cp);
    const expected = 'Encourages cooperation with civil society, faith-based organizations, the private sector and academia, as appropriate;';
    await expect.poll(() => textOf(cp, 'OP1')).toBe(expected);
    await expect.poll(() => textOf(mexico, 'OP1')).toBe(expected);
  }, 120_000);
});
