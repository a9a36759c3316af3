import type os from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import * as Y from 'yjs';
import type { Logger } from 'pino';
import type { HostGuest, HostInterface, HostInvitation, HostStatus } from '../../shared/ipc/contract';
import { documentName, ID_PATTERN } from '../../shared/protocol/document-names';
import { Negotiation } from '../../shared/model/negotiation';
import type { Role } from '../../shared/model/actor';
import { editStoredTable, invitationLink, inviteDelegation, type InviteContext, openDataDir, type RunningServer, type StartServerOptions } from '../../sync-server';
import type { LocalStore } from '../store/local-store';
import { sessionCertificate } from './session-certificate';

/** What the session host needs from its surroundings, injected so that it runs under plain Node. */
export interface SessionHostDeps {
  /** Where hosted sessions keep their server data: one directory per negotiation, kept after stopping. */
  hostedDir: string;
  store: LocalStore;
  startServer: (options: StartServerOptions) => Promise<RunningServer>;
  networkInterfaces: () => ReturnType<typeof os.networkInterfaces>;
  /** The web edition served to browsers in the room (renderer/dist), or null. */
  staticDir: string | null;
  logger?: Logger;
  /** Told of every change of status (the renderer, the tray). */
  onStatus?: (status: HostStatus) => void;
}

const ANY = ['0.0.0.0', '::'];

/**
 * Hosts a negotiation's sync server inside the app, on an interface of the meeting room's network, so
 * that delegates in the room join without internet. Over TLS only: each session makes its own key and
 * certificate, and its join links and QR codes carry the certificate's fingerprint, which the app pins
 * (an invitation token never crosses the room's Wi-Fi in clear text). The same port serves the web edition
 * over https, so that a delegate without the app joins from a browser: the browser warns about the
 * certificate, and the delegate compares its SHA-256 with the one on the host's screen. The co-facilitator's local copy seeds the hosted
 * server; the hosted data directory is kept when the session stops (delegations' private drafts
 * stay there, never in the co-facilitator's store), and the table and delegation documents are
 * copied back into the local store, so that stopping loses nothing.
 */
export class SessionHost {
  private running: { server: RunningServer; negotiationId: string; address: string; fingerprint: string; certificateSha256: string; invitations: HostInvitation[] } | null = null;

  constructor(private readonly deps: SessionHostDeps) {}

  /** The interfaces a session can be hosted on: the room's network (non-internal) first. */
  interfaces(): HostInterface[] {
    const out: HostInterface[] = [];
    for (const [name, infos] of Object.entries(this.deps.networkInterfaces())) {
      for (const info of infos ?? []) {
        const family = info.family === 'IPv6' || (info.family as unknown) === 6 ? 'IPv6' : 'IPv4';
        if (family === 'IPv6' && info.address.startsWith('fe80:')) continue; // link-local needs a zone id
        out.push({ name, address: info.address, family, internal: info.internal });
      }
    }
    return out.sort((a, b) => Number(a.internal) - Number(b.internal) || (a.family === b.family ? 0 : a.family === 'IPv4' ? -1 : 1));
  }

  status(): HostStatus {
    if (!this.running) return { running: false };
    const { server, negotiationId, address, fingerprint, certificateSha256, invitations } = this.running;
    const shown = address.includes(':') ? `[${address}]` : address;
    return { running: true, negotiationId, address, port: server.port, httpUrl: `https://${shown}:${server.port}`, wsUrl: `wss://${shown}:${server.port}`, fingerprint, certificateSha256, invitations, connected: this.connected(server) };
  }

  /** Starts hosting a negotiation kept on this computer; invites a co-facilitator and each named delegation. */
  async start(options: { negotiationId: string; address: string; port: number; delegations: string[] }): Promise<HostStatus> {
    if (this.running) throw new Error(`A session is already hosted (${this.running.negotiationId}); stop it first.`);
    if (!ID_PATTERN.test(options.negotiationId)) throw new Error(`"${options.negotiationId}" is not a negotiation id.`);
    const interfaces = this.interfaces();
    if (!ANY.includes(options.address) && !interfaces.some((i) => i.address === options.address)) {
      throw new Error(`${options.address} is not an address of this computer (${interfaces.map((i) => i.address).join(', ')}).`);
    }
    const table = this.deps.store.load(documentName(options.negotiationId, { kind: 'table' }));
    if (!table) throw new Error(`The negotiation "${options.negotiationId}" is not kept on this computer.`);

    const dataDir = path.join(this.deps.hostedDir, options.negotiationId);
    const issued: { label: string; role: Role; token: string }[] = [];
    const data = openDataDir(dataDir);
    try {
      for (const name of this.shareable(options.negotiationId)) {
        const local = this.deps.store.load(name);
        if (!local) continue;
        const stored = await data.store.load(name);
        const missing = stored ? Y.diffUpdate(local, Y.encodeStateVectorFromUpdate(stored)) : local;
        if (stored ? !isEmptyUpdate(missing) : missing.length > 2) await data.store.appendUpdate(name, missing);
      }
      const context: InviteContext = { invitations: data.invitations, serverUrl: null, editTable: (id, edit) => editStoredTable(data.store, id, edit) };
      const cofac = await inviteDelegation(context, { negotiationId: options.negotiationId, delegationName: null, role: 'cofacilitator', expiresAt: null });
      issued.push({ label: 'Co-facilitator', role: 'cofacilitator', token: cofac.token });
      for (const name of options.delegations) {
        const d = await inviteDelegation(context, { negotiationId: options.negotiationId, delegationName: name, role: 'delegation', expiresAt: null });
        issued.push({ label: d.delegation?.name ?? name, role: 'delegation', token: d.token });
      }
    } finally {
      await data.close();
    }

    const linkAddress = ANY.includes(options.address) ? (interfaces.find((i) => !i.internal && i.family === 'IPv4')?.address ?? '127.0.0.1') : options.address;
    const certificate = await sessionCertificate(ANY.includes(options.address) ? interfaces.map((i) => i.address) : [options.address]);
    const server = await this.deps.startServer({
      dataDir,
      host: options.address,
      port: options.port,
      staticDir: this.deps.staticDir,
      tls: { key: certificate.key, cert: certificate.cert },
      ...(this.deps.logger ? { logger: this.deps.logger } : {}),
    });
    const shown = linkAddress.includes(':') ? `[${linkAddress}]` : linkAddress;
    const https = `https://${shown}:${server.port}`;
    const wss = `wss://${shown}:${server.port}`;
    const fp = certificate.fingerprint;
    const invitations = await Promise.all(
      issued.map(async (i) => {
        const appLink = `${invitationLink(wss, i.token)}&fp=${fp}`;
        return { label: i.label, role: i.role, webLink: `${https}/join?token=${encodeURIComponent(i.token)}&fp=${fp}`, appLink, qr: await QRCode.toDataURL(appLink, { errorCorrectionLevel: 'M', margin: 2, scale: 6 }) };
      }),
    );
    this.running = { server, negotiationId: options.negotiationId, address: linkAddress, fingerprint: fp, certificateSha256: certificate.sha256, invitations };
    const status = this.status();
    this.deps.onStatus?.(status);
    return status;
  }

  /** Stops the hosted server; what delegations wrote comes back into the local store. */
  async stop(): Promise<HostStatus> {
    const running = this.running;
    if (!running) return { running: false };
    this.running = null;
    await running.server.close();
    const data = openDataDir(path.join(this.deps.hostedDir, running.negotiationId));
    try {
      for (const name of await this.hostedShareable(data, running.negotiationId)) {
        const hosted = await data.store.load(name);
        if (!hosted) continue;
        const local = this.deps.store.load(name);
        const missing = local ? Y.diffUpdate(hosted, Y.encodeStateVectorFromUpdate(local)) : hosted;
        if (!isEmptyUpdate(missing)) this.deps.store.append(name, missing, 'remote');
      }
    } finally {
      await data.close();
    }
    const status: HostStatus = { running: false };
    this.deps.onStatus?.(status);
    return status;
  }

  /** Who is connected, one entry per invitation, with how many documents each has open. */
  private connected(server: RunningServer): HostGuest[] {
    const guests = new Map<string, HostGuest>();
    for (const connection of server.core.connections) {
      const identity = connection.identity;
      if (!identity) continue;
      const guest = guests.get(identity.invitationId) ?? { label: identity.label, role: identity.actor.role, connections: 0 };
      guest.connections++;
      guests.set(identity.invitationId, guest);
    }
    return [...guests.values()].sort((a, b) => a.label.localeCompare(b.label));
  }

  /** The table and delegation documents kept locally for a negotiation (never private documents). */
  private shareable(negotiationId: string): string[] {
    return this.deps.store.documents(negotiationId).filter((n) => !n.includes('/private/'));
  }

  private async hostedShareable(data: ReturnType<typeof openDataDir>, negotiationId: string): Promise<string[]> {
    const table = await data.store.load(documentName(negotiationId, { kind: 'table' }));
    if (!table) return [];
    const doc = new Y.Doc();
    Y.applyUpdate(doc, table);
    const roster = new Negotiation(negotiationId, doc).table.roster();
    doc.destroy();
    return [documentName(negotiationId, { kind: 'table' }), ...roster.map((d) => documentName(negotiationId, { kind: 'delegation', delegationId: d.id }))];
  }
}

/** Whether an update adds nothing (no structs, no deletions). */
export function isEmptyUpdate(update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  return structs.length === 0 && ds.clients.size === 0;
}
