import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { startServer, type RunningServer, openDataDir } from '../../sync-server';
import { CertificatePins } from '../../main/session/certificate-pins';
import { resolveInvitation } from '../../main/session/resolve-invitation';
import { parseSession } from '../../renderer/session/fetch-session';

describe('GET /api/session tells the web edition who a token belongs to', () => {
  let server: RunningServer;
  let token: string;
  let revoked: string;
  let ireland: string;
  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'penholder-session-'));
    const data = openDataDir(dataDir);
    token = (await data.invitations.create({ negotiationId: 'demo', role: 'delegation', delegation: { id: 'mexico', name: 'Mexico' } })).token;
    const other = await data.invitations.create({ negotiationId: 'demo', role: 'delegation', delegation: { id: 'peru', name: 'Peru' } });
    await data.invitations.revoke({ id: other.invitation.id });
    revoked = other.token;
    ireland = (await data.invitations.create({ negotiationId: 'demo', role: 'cofacilitator', delegation: null, name: 'Ireland' })).token;
    await data.close();
    server = await startServer({ dataDir, port: 0, staticDir: null, logger: pino({ level: 'silent' }) });
  });
  afterAll(() => server.close());

  const ask = (headers: Record<string, string>, method = 'GET') => fetch(`${server.url}/api/session`, { headers, method });

  it('answers the role, delegation and negotiation of a valid token', async () => {
    const res = await ask({ authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ negotiationId: 'demo', role: 'delegation', delegation: { id: 'mexico', name: 'Mexico' }, privateAccess: true, label: 'Mexico', name: null });
  });

  it('the desktop app asks the same from its main process and gets the holder\'s label too', async () => {
    expect(await resolveInvitation(server.wsUrl, token, new CertificatePins())).toEqual({ refused: null, negotiationId: 'demo', role: 'delegation', delegation: { id: 'mexico', name: 'Mexico' }, label: 'Mexico' });
  });

  it('names a co-facilitator as others see them, on the web and on the desktop', async () => {
    const res = await ask({ authorization: `Bearer ${ireland}` });
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ role: 'cofacilitator', delegation: null, label: 'co-facilitator (Ireland)', name: 'Ireland' });
    expect(parseSession(server.url, ireland, body).name).toBe('Ireland');
    expect(await resolveInvitation(server.wsUrl, ireland, new CertificatePins())).toMatchObject({ refused: null, role: 'cofacilitator', name: 'Ireland' });
  });

  it('refuses a missing, unknown or revoked token and says what to do', async () => {
    expect((await ask({})).status).toBe(401);
    const unknown = await ask({ authorization: 'Bearer ph_nope' });
    expect(unknown.status).toBe(401);
    expect((await unknown.json()) as { error: string }).toEqual({ error: expect.stringContaining('not known here') });
    expect(((await (await ask({ authorization: `Bearer ${revoked}` })).json()) as { error: string }).error).toContain('revoked');
    expect((await ask({ authorization: `Bearer ${token}` }, 'POST')).status).toBe(405);
  });
});
