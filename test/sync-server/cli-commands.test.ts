import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../sync-server';
import { connectClient, waitFor } from './harness';

const penholder = (...args: string[]) => execFileSync(process.execPath, ['bin/penholder.mjs', ...args], { encoding: 'utf8' });

describe('penholder negotiation create, invite, revoke (--json) and the admin API', () => {
  it('creates, invites, revokes, and the server honours it all', { timeout: 60_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-cli-'));
    const created = JSON.parse(penholder('negotiation', 'create', '--data', dir, '--title', 'Declaration on AMR', '--json'));
    expect(created.id).toMatch(/^[a-z0-9]+$/);
    expect(created.invitations).toHaveLength(2);
    for (const i of created.invitations) {
      expect(i.role).toBe('cofacilitator');
      expect(i.token).toMatch(/^ph_[A-Za-z0-9_-]{43}$/);
      expect(i.link).toBe(`penholder://join?server=&token=${i.token}`);
      expect(i.webLink).toBeNull();
    }
    expect(created.note).toMatch(/shown only now.*no server address given/);
    const invited = JSON.parse(penholder('invite', '--data', dir, '--negotiation', created.id, '--delegation', 'Côte d\'Ivoire', '--server', 'ws://10.0.0.5:1234', '--json'));
    expect(invited).toMatchObject({
      role: 'delegation',
      delegation: { id: 'cote-d-ivoire', name: 'Côte d\'Ivoire' },
      documents: { table: `${created.id}/table`, delegation: `${created.id}/delegation/cote-d-ivoire`, private: `${created.id}/private/cote-d-ivoire` },
    });
    expect(invited.link).toBe(`penholder://join?server=ws%3A%2F%2F10.0.0.5%3A1234&token=${invited.token}`);
    expect(invited.webLink).toBe(`http://10.0.0.5:1234/join?token=${invited.token}`);

    const bad = spawnSync(process.execPath, ['bin/penholder.mjs', 'invite', '--data', dir, '--negotiation', created.id, '--delegation', 'Peru', '--expires', 'tomorrow'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/expiry must be an ISO date/);

    const server = await startServer({ dataDir: dir, port: 0, logger: pino({ level: 'silent' }) });
    try {
      const table = connectClient(server.wsUrl, `${created.id}/table`, invited.token);
      await table.synced;
      expect(table.doc.getMap('meta').get('title')).toBe('Declaration on AMR');
      expect(table.doc.getMap('roster').get('cote-d-ivoire')).toMatchObject({ name: 'Côte d\'Ivoire' });

      // The admin API: a delegation's token is refused; a co-facilitator's invites, and connected clients see the roster change.
      const api = `${server.url}/api/negotiations/${created.id}/invitations`;
      const asDelegation = await fetch(api, { headers: { authorization: `Bearer ${invited.token}` } });
      expect(asDelegation.status).toBe(403);
      const auth = { authorization: `Bearer ${created.invitations[0].token}` };
      const posted = await fetch(api, { method: 'POST', headers: auth, body: JSON.stringify({ delegation: 'Mexico', role: 'observer' }) });
      expect(posted.status).toBe(201);
      const mexico = await posted.json();
      expect(mexico).toMatchObject({ role: 'observer', delegation: { id: 'mexico', name: 'Mexico' } });
      await waitFor(() => table.doc.getMap('roster').has('mexico'), 'the roster change to reach a connected client');
      const listed = await (await fetch(api, { headers: auth })).json();
      expect(listed.invitations.map((i: { id: string }) => i.id)).toContain(mexico.id);
      expect(JSON.stringify(listed)).not.toContain('ph_');
      const badBody = await fetch(api, { method: 'POST', headers: auth, body: '[' });
      expect(badBody.status).toBe(400);
      // Co-facilitators revoke neither each other nor themselves: refused with the reason, both still valid.
      for (const [target, whose] of [[created.invitations[1], /the other co-facilitator's invitation/], [created.invitations[0], /their own invitation/]] as const) {
        const refused = await fetch(`${api}/${target.id}`, { method: 'DELETE', headers: auth });
        expect(refused.status).toBe(403);
        expect((await refused.json()).error).toMatch(whose);
      }
      const stillValid = await (await fetch(api, { headers: auth })).json();
      expect(stillValid.invitations.filter((i: { role: string; revokedAt: string | null }) => i.role === 'cofacilitator' && !i.revokedAt)).toHaveLength(2);

      // penholder revoke --json closes the live connection within the revalidation period.
      const revoked = JSON.parse(penholder('revoke', '--data', dir, '--token', invited.token, '--json'));
      expect(revoked).toMatchObject({ id: invited.id, revoked: true, negotiationId: created.id });
      await waitFor(() => table.closes.some((c) => c.code === 4403), 'the revoked connection to close', 15_000);
      table.destroy();

      const deleted = await fetch(`${api}/${mexico.id}`, { method: 'DELETE', headers: auth });
      expect((await deleted.json()).revokedAt).toEqual(expect.any(String));
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      const metrics = await (await fetch(`${server.url}/metrics`)).text();
      expect(metrics).toMatch(/penholder_store_write_seconds_count [1-9]/);
      expect(await (await fetch(`${server.url}/join?token=abc`)).text()).toMatch(/web edition is not built/);

      // Told the server's address, an invitation prints the web edition's join page on it.
      const printed = penholder('invite', '--data', dir, '--negotiation', created.id, '--delegation', 'Kenya', '--server', server.wsUrl);
      const web = /in a browser: (\S+)/.exec(printed)?.[1] ?? '';
      expect(web.startsWith(`${server.url}/join?token=ph_`), printed).toBe(true);
      expect(await (await fetch(web)).text()).toMatch(/web edition is not built/);

      // --json carries what the text says: each co-facilitator's browser link on the server named.
      const another = JSON.parse(penholder('negotiation', 'create', '--data', dir, '--title', 'Second text', '--server', server.wsUrl, '--json'));
      for (const i of another.invitations) {
        expect(i.link).toBe(`penholder://join?server=${encodeURIComponent(server.wsUrl)}&token=${i.token}`);
        expect(i.webLink).toBe(`${server.url}/join?token=${i.token}`);
        expect(await (await fetch(i.webLink)).text()).toMatch(/web edition is not built/);
      }
      expect(another.note).not.toMatch(/no server address/);
      const text = penholder('negotiation', 'create', '--data', dir, '--title', 'Third text', '--server', server.wsUrl);
      expect(text.match(/in a browser: \S+\/join\?token=ph_/g), text).toHaveLength(2);
    } finally {
      await server.close();
    }
  });

  it('serves a built web edition at / and /join', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-web-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<title>Penholder web</title>');
    fs.writeFileSync(path.join(dir, 'app.js'), 'console.log(1)');
    const server = await startServer({ dataDir: path.join(dir, 'data'), port: 0, staticDir: dir, logger: pino({ level: 'silent' }) });
    try {
      expect(await (await fetch(`${server.url}/`)).text()).toContain('Penholder web');
      expect(await (await fetch(`${server.url}/join?token=x`)).text()).toContain('Penholder web');
      const js = await fetch(`${server.url}/app.js`);
      expect(js.headers.get('content-type')).toMatch(/javascript/);
      expect((await fetch(`${server.url}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
