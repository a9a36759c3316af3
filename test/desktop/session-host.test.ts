import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionHost } from '../../main/session/session-host';
import { storedNegotiation } from '../../main/store/stored-negotiation';
import { replaceParagraphText } from '../../shared/model/facilitator-commands';
import { Negotiation } from '../../shared/model/negotiation';
import { draftProposal, propose } from '../../shared/model/proposal-commands';
import { plainParagraph } from '../../shared/text/rich-text';
import { startServer } from '../../sync-server';
import https from 'node:https';
import WebSocket from 'ws';
import { pinnedAgent, WrongCertificate } from '../../main/session/certificate-pins';
import { connect, quiet, settle, storeWithDemo } from './fixtures';
import { readQr } from './read-qr';

/** GET over https, only from the server with the pinned certificate. */
function pinnedGet(url: string, fingerprint: string): Promise<number> {
  return new Promise((resolve, reject) => https.get(url, { agent: pinnedAgent(fingerprint) }, (r) => (r.resume(), resolve(r.statusCode ?? 0))).on('error', reject));
}
/** What a socket meets at a URL: opened, or the error that stopped it. */
function attempt(url: string, options: WebSocket.ClientOptions = {}): Promise<string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, options);
    ws.on('open', () => (ws.close(), resolve('open')));
    ws.on('error', (e) => resolve(e.message));
  });
}

const hosts: SessionHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.stop();
});

function makeHost(store: ReturnType<typeof storeWithDemo>['store'], dir: string, statuses: unknown[] = []) {
  const host = new SessionHost({ hostedDir: path.join(dir, 'hosted'), store, startServer, networkInterfaces: os.networkInterfaces, staticDir: null, logger: quiet, onStatus: (s) => statuses.push(s) });
  hosts.push(host);
  return host;
}

describe('hosting a session on the room\'s network', () => {
  it('serves the co-facilitator\'s copy to delegates joining over the LAN address; stopping loses nothing', async () => {
    const { store, dir, negotiationId } = storeWithDemo();
    const statuses: unknown[] = [];
    const host = makeHost(store, dir, statuses);
    expect(host.interfaces().some((i) => i.address === '127.0.0.1' && i.internal)).toBe(true);

    const status = await host.start({ negotiationId, address: '127.0.0.1', port: 0, delegations: ['Mexico', 'Canada'] });
    if (!status.running) throw new Error('not running');
    expect(status.httpUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(status.wsUrl).toBe(`wss://127.0.0.1:${status.port}`);
    expect(status.fingerprint).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(status.invitations.map((i) => [i.label, i.role])).toEqual([['Co-facilitator', 'cofacilitator'], ['Mexico', 'delegation'], ['Canada', 'delegation']]);
    const mexico = status.invitations[1]!;
    expect(mexico.webLink).toMatch(new RegExp(`^${status.httpUrl}/join\\?token=ph_[\\w-]+&fp=${status.fingerprint}$`));
    expect(mexico.appLink).toMatch(new RegExp(`^penholder://join\\?server=${encodeURIComponent(status.wsUrl)}&token=ph_[\\w-]+&fp=${status.fingerprint}$`));
    // The QR code on the host's screen carries the app link, fingerprint included.
    expect(readQr(mexico.qr)).toBe(mexico.appLink);
    expect(statuses.at(-1)).toEqual(status);
    expect(await pinnedGet(`${status.httpUrl}/healthz`, status.fingerprint)).toBe(200);

    // TLS only, and only to the certificate the link names: no plain fallback, no other certificate.
    expect(await attempt(`ws://127.0.0.1:${status.port}/${negotiationId}/table`)).not.toBe('open');
    expect(await attempt(`${status.wsUrl}/${negotiationId}/table`)).toMatch(/self[- ]signed/i);
    const wrong = 'A'.repeat(43);
    await expect(pinnedGet(`${status.httpUrl}/healthz`, wrong)).rejects.toBeInstanceOf(WrongCertificate);
    expect(await attempt(`${status.wsUrl}/${negotiationId}/table`, { agent: pinnedAgent(wrong) })).toMatch(/did not present the certificate/);

    // Mexico joins with the stock client, reads the table and proposes; it also keeps a private draft.
    const token = new URL(mexico.appLink).searchParams.get('token')!;
    const fp = status.fingerprint;
    const table = await connect(status.wsUrl, `${negotiationId}/table`, token, fp);
    const own = await connect(status.wsUrl, `${negotiationId}/delegation/mexico`, token, fp);
    const mine = await connect(status.wsUrl, `${negotiationId}/private/mexico`, token, fp);
    // The host's screen shows who is connected.
    const now = host.status();
    expect(now.running && now.connected).toEqual([{ label: 'Mexico', role: 'delegation', connections: 3 }]);
    const seen = new Negotiation(negotiationId, table.doc);
    seen.attach({ kind: 'delegation', delegationId: 'mexico' }, own.doc);
    seen.attach({ kind: 'private', delegationId: 'mexico' }, mine.doc);
    expect(seen.table.paragraph('p-plan')?.status.state).toBe('adref');
    const proposal = propose(seen, { role: 'delegation', delegationId: 'mexico' }, { kind: 'new-paragraph', paragraphId: 'p-plan', paragraph: 'We commit to sharing data on trafficking flows.' });
    draftProposal(seen, { role: 'delegation', delegationId: 'mexico' }, { kind: 'delete-paragraph', paragraphId: 'p-report' });

    // The other co-facilitator changes the text.
    const cofacToken = new URL(status.invitations[0]!.appLink).searchParams.get('token')!;
    const cofac = await connect(status.wsUrl, `${negotiationId}/table`, cofacToken, fp);
    replaceParagraphText(new Negotiation(negotiationId, cofac.doc), { role: 'cofacilitator', delegationId: null }, 'p-report', 'We request a report at the eighty-first session.');
    await settle();
    for (const c of [table, own, mine, cofac]) c.close();

    expect(await host.stop()).toEqual({ running: false });
    const local = storedNegotiation(store, negotiationId)!;
    expect(local.delegation('mexico').proposals().map((p) => p.id)).toContain(proposal.id);
    expect(plainParagraph(local.table.paragraph('p-report')!.text).text).toBe('We request a report at the eighty-first session.');
    // A delegation's private drafts never come into the co-facilitator's store.
    expect(store.documents(negotiationId).some((d) => d.includes('/private/'))).toBe(false);

    // Hosting again: the hosted data (private drafts included) is still there; Mexico's old token still works.
    const again = await host.start({ negotiationId, address: '127.0.0.1', port: 0, delegations: [] });
    if (!again.running) throw new Error('not running');
    // A new session, a new certificate: the old fingerprint no longer opens it.
    expect(again.fingerprint).not.toBe(fp);
    const back = await connect(again.wsUrl, `${negotiationId}/private/mexico`, token, again.fingerprint);
    const kept = new Negotiation(negotiationId);
    kept.attach({ kind: 'private', delegationId: 'mexico' }, back.doc);
    expect(kept.private('mexico').drafts().map((d) => d.kind)).toEqual(['delete-paragraph']);
    back.close();
  });

  it('refuses an address that is not this computer\'s, a second session, and an unknown negotiation', async () => {
    const { store, dir, negotiationId } = storeWithDemo();
    const host = makeHost(store, dir);
    await expect(host.start({ negotiationId, address: '203.0.113.9', port: 0, delegations: [] })).rejects.toThrow(/not an address of this computer/);
    await expect(host.start({ negotiationId: 'nothing-here', address: '127.0.0.1', port: 0, delegations: [] })).rejects.toThrow(/not kept on this computer/);
    await host.start({ negotiationId, address: '127.0.0.1', port: 0, delegations: [] });
    await expect(host.start({ negotiationId, address: '127.0.0.1', port: 0, delegations: [] })).rejects.toThrow(/already hosted/);
  });

  it('binds every interface when asked, and puts the room\'s address (not loopback) in the links', async () => {
    const { store, dir, negotiationId } = storeWithDemo();
    const lan = { address: '10.20.30.40', netmask: '255.255.255.0', family: 'IPv4' as const, mac: '00:00:00:00:00:01', internal: false, cidr: '10.20.30.40/24' };
    const loopback = { address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4' as const, mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' };
    const fakeInterfaces = () => ({ lo: [loopback], wlan0: [lan] });
    const host = new SessionHost({ hostedDir: path.join(dir, 'hosted'), store, startServer, networkInterfaces: fakeInterfaces, staticDir: null, logger: quiet });
    hosts.push(host);
    expect(host.interfaces()[0]).toEqual({ name: 'wlan0', address: '10.20.30.40', family: 'IPv4', internal: false });
    const status = await host.start({ negotiationId, address: '0.0.0.0', port: 0, delegations: ['Egypt'] });
    if (!status.running) throw new Error('not running');
    expect(status.httpUrl).toBe(`https://10.20.30.40:${status.port}`);
    expect(status.invitations[1]!.webLink.startsWith(`https://10.20.30.40:${status.port}/join?token=`)).toBe(true);
    // Bound to every interface: reachable on loopback too.
    const token = new URL(status.invitations[1]!.webLink).searchParams.get('token')!;
    const table = await connect(`wss://127.0.0.1:${status.port}`, `${negotiationId}/table`, token, status.fingerprint);
    expect(new Negotiation(negotiationId, table.doc).table.roster().map((d) => d.id)).toContain('egypt');
    table.close();
  });
});
