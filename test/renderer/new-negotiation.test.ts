import fs from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nContext, translator, type UiLanguage } from '../../renderer/i18n/translate';
import { createNegotiationOnServer } from '../../renderer/session/create-negotiation';
import { SessionRefused } from '../../renderer/session/fetch-session';
import { fetchCaller } from '../../renderer/session/server-call';
import { importFile, ImportPreview } from '../../renderer/ui/NewNegotiation';

const FIXTURE = 'test/fixtures/import/en-draft-plain.txt';
const file = (name: string, text: string) => new File([text], name);

const preview = async (language: UiLanguage = 'en') => {
  const result = await importFile(file('draft.txt', fs.readFileSync(FIXTURE, 'utf8')));
  if (!('imported' in result)) throw new Error(result.error);
  const i18n = { language, t: translator(language), setLanguage: () => undefined };
  return renderToStaticMarkup(createElement(I18nContext.Provider, { value: i18n }, createElement(ImportPreview, { imported: result.imported })));
};

describe('a new negotiation from an imported text', () => {
  it('previews what the importer found: symbol, title, counts and the first words of each paragraph', async () => {
    const html = await preview();
    expect(html).toContain('A/C.3/76/L.12');
    expect(html).toContain('2 preambular paragraphs');
    expect(html).toContain('2 operative paragraphs');
    expect(html).toContain('2 footnotes');
    expect(html).not.toContain('annex paragraph');
    expect(html).toMatch(/<b>PP1<\/b> Recalling its resolution 55\/25 of 15 November 2000, by which it adopted…<\/li>/);
    expect(html).toContain("<dt>Title found</dt><dd>(none)</dd>");
    expect(html).toContain('<b>OP1</b> Decides to convene a meeting;');
    expect(html).toContain('aria-label="Paragraphs"');
    expect(await preview('fr')).toContain('2 alinéas du préambule');
  });

  it('says in words why a file cannot be imported', async () => {
    expect(await importFile(file('draft.pdf', 'x'))).toEqual({ error: expect.stringContaining('unknown file type ".pdf"') });
    expect(await importFile(file('draft.docx', 'not a zip'))).toEqual({ error: expect.stringContaining('not a readable .docx') });
  });

  it('posts the title and imported text with the token, and reports a refusal', async () => {
    const calls: [string, RequestInit][] = [];
    const answer = (status: number, body: unknown) => (async (url: string, init: RequestInit) => (calls.push([url, init]), new Response(JSON.stringify(body), { status }))) as unknown as typeof fetch;
    const created = await createNegotiationOnServer(fetchCaller('http://h:1', 'ph_t', answer(201, { id: 'n1', title: 'T', invitations: [{ role: 'cofacilitator', token: 'ph_new', link: 'l' }] })), { title: 'T' });
    expect(created.id).toBe('n1');
    expect(calls[0]![0]).toBe('http://h:1/api/negotiations');
    expect(calls[0]![1]).toMatchObject({ method: 'POST', headers: { authorization: 'Bearer ph_t' }, body: '{"title":"T"}' });
    await expect(createNegotiationOnServer(fetchCaller('http://h:1', 'ph_t', answer(403, { error: 'Only co-facilitators' })), { title: 'T' })).rejects.toEqual(new SessionRefused('Only co-facilitators', 403));
  });
});
