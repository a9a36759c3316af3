import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { richText } from '../../shared/text/rich-text';
import { writeRichText } from '../../shared/text/y-rich-text';
import { browserAvailable, joinRoom, launch, openRoom, type Room } from './e2e-setup';

const run = browserAvailable();

/*
 * The proposal form's insertion, in Chromium against the real sync server: the new words go after the
 * quoted ones, spaced by the model (never by the form), and the accepted text reads as the proposal showed.
 */
describe.runIf(run)('inserting words after others through the proposal form', () => {
  let browser: Browser;
  let room: Room;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const prepare: Parameters<typeof openRoom>[0] = (n, ids) =>
      writeRichText(n.table.textFragment(ids[2]!), richText({ text: 'Encourages cooperation with civil society, the private sector and academia;', lead: 'Encourages' }));
    [browser, room] = await Promise.all([launch(), openRoom(prepare)]);
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await room?.close();
  });

  const join = async (token: string) => {
    const joined = await joinRoom(browser, room, token);
    contexts.push(joined.context);
    return joined.page;
  };
  const op = (page: Page, label: string) => page.locator(`article[data-label="${label}"]`);
  const textOf = (page: Page, label: string) => op(page, label).locator('.ProseMirror').innerText();

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

  it('"academia," after "civil society" lands after it, in the list, and ", as appropriate" clings to "academia"', async () => {
    const [cp, mexico] = await Promise.all([join(room.tokens.cofac), join(room.tokens.mexico)]);
    await expect.poll(() => textOf(mexico, 'OP1'), { timeout: 20_000 }).toContain('civil society, the private sector');
    await proposeInsert(mexico, 'civil society', 'faith-based organizations,');
    await accept(cp);
    await expect.poll(() => textOf(mexico, 'OP1')).toBe('Encourages cooperation with civil society, faith-based organizations, the private sector and academia;');
    await proposeInsert(mexico, 'and academia', ', as appropriate');
    await accept(cp);
    const expected = 'Encourages cooperation with civil society, faith-based organizations, the private sector and academia, as appropriate;';
    await expect.poll(() => textOf(cp, 'OP1')).toBe(expected);
    await expect.poll(() => textOf(mexico, 'OP1')).toBe(expected);
  }, 120_000);
});
