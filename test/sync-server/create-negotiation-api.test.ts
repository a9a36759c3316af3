import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importText } from '../../shared/import/import-text';
import { Negotiation } from '../../shared/model/negotiation';
import { flatText } from '../../shared/text/rich-text';
import { readRichText } from '../../shared/text/y-rich-text';
import { connectClient, startTestServer } from './harness';

const FIXTURE = 'test/fixtures/import/en-draft-plain.txt';

describe('POST /api/negotiations lets a co-facilitator open a new negotiation', () => {
  let setup: Awaited<ReturnType<typeof startTestServer>>;
  let cofac: string;
  let delegation: string;
  beforeAll(async () => {
    setup = await startTestServer();
    cofac = await setup.invite('cofacilitator', null);
    delegation = await setup.invite('delegation', 'Mexico');
  });
  afterAll(async () => {
    await setup.server.close();
    await setup.data.close();
  });

  const post = (body: unknown, token: string | null) =>
    fetch(`${setup.server.url}/api/negotiations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const error = async (res: Response) => ((await res.json()) as { error: string }).error;

  it('creates a negotiation from an imported text, with two co-facilitator invitations, and its table loads', async () => {
    const imported = importText(fs.readFileSync(FIXTURE, 'utf8'), { source: FIXTURE, format: 'txt' });
    const res = await post({ title: 'Trafficking in persons', imported }, cofac);
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; title: string; invitations: { role: string; token: string; link: string }[] };
    expect(created.title).toBe('Trafficking in persons');
    expect(created.invitations).toHaveLength(2);
    for (const i of created.invitations) {
      expect(i.role).toBe('cofacilitator');
      expect(i.link).toContain(`token=${encodeURIComponent(i.token)}`);
    }
    const session = await fetch(`${setup.server.url}/api/session`, { headers: { authorization: `Bearer ${created.invitations[0]!.token}` } });
    expect(await session.json()).toMatchObject({ negotiationId: created.id, role: 'cofacilitator' });

    const client = connectClient(setup.server.wsUrl, `${created.id}/table`, created.invitations[1]!.token);
    try {
      await client.synced;
      const negotiation = new Negotiation(created.id, client.doc);
      const texts = negotiation.table.paragraphs().map((p) => flatText(readRichText(negotiation.table.textFragment(p.id))));
      expect(texts).toHaveLength(imported.preamble.length + imported.operative.length);
      expect(texts.join('\n')).toContain('Decides to convene a meeting;');
      expect(negotiation.table.meta().title).toBe('Trafficking in persons');
    } finally {
      client.destroy();
    }
  });

  it('creates an empty negotiation from a title alone', async () => {
    const res = await post({ title: '  Ocean declaration ' }, cofac);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ title: 'Ocean declaration', invitations: [{ role: 'cofacilitator' }, { role: 'cofacilitator' }] });
  });

  it('names the two co-facilitators as everyone will see them, when names are given', async () => {
    const res = await post({ title: 'Ocean declaration', cofacilitators: [' Ireland ', 'Namibia'] }, cofac);
    expect(res.status).toBe(201);
    const created = (await res.json()) as { invitations: { name: string | null; token: string }[] };
    expect(created.invitations.map((i) => i.name)).toEqual(['Ireland', 'Namibia']);
    const session = await fetch(`${setup.server.url}/api/session`, { headers: { authorization: `Bearer ${created.invitations[1]!.token}` } });
    expect(await session.json()).toMatchObject({ role: 'cofacilitator', name: 'Namibia' });
    const one = await post({ title: 'Ocean declaration', cofacilitators: [null, 'Namibia'] }, cofac);
    expect(((await one.json()) as { invitations: { name: string | null }[] }).invitations.map((i) => i.name)).toEqual([null, 'Namibia']);
    const three = await post({ title: 'X', cofacilitators: ['A', 'B', 'C'] }, cofac);
    expect(three.status).toBe(400);
    expect(await error(three)).toContain('at most two names');
    const notText = await post({ title: 'X', cofacilitators: [7] }, cofac);
    expect(await error(notText)).toBe('"cofacilitators"[0] must be a string or null.');
  });

  it('refuses a delegation, no token, an unknown token, and a bad body, saying what is wrong', async () => {
    const byDelegation = await post({ title: 'X' }, delegation);
    expect(byDelegation.status).toBe(403);
    expect(await error(byDelegation)).toContain('co-facilitators');
    const anonymous = await post({ title: 'X' }, null);
    expect(anonymous.status).toBe(401);
    expect(await error(anonymous)).toContain('Authorization: Bearer');
    expect((await post({ title: 'X' }, 'ph_nope')).status).toBe(401);

    const notJson = await post('{title', cofac);
    expect(notJson.status).toBe(400);
    expect(await error(notJson)).toContain('must be JSON');
    const noTitle = await post({}, cofac);
    expect(noTitle.status).toBe(400);
    expect(await error(noTitle)).toContain('"title"');
    const badShape = await post({ title: 'X', imported: { form: 'resolution', language: 'en', symbol: null, title: 'T', organ: null, closing: null, preamble: [{ lead: null, text: 7, items: [] }], operative: [], annexes: [], headings: [], footnotes: [] } }, cofac);
    expect(badShape.status).toBe(400);
    expect(await error(badShape)).toBe('imported.preamble[0].text must be a string.');
    const tooLarge = await post({ title: 'X', padding: 'x'.repeat(2 * 1024 * 1024) }, cofac);
    expect(tooLarge.status).toBe(413);
    expect((await fetch(`${setup.server.url}/api/negotiations`, { headers: { authorization: `Bearer ${cofac}` } })).status).toBe(405);
  });
});
