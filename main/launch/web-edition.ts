import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import type { Logger } from 'pino';
import { documentName } from '../../shared/protocol/document-names';
import { editStoredTable, inviteDelegation, type InviteContext, openDataDir, startServer, type RunningServer } from '../../sync-server';
import { DEMO_NEGOTIATION_ID, demoNegotiation } from '../demo/demo-negotiation';

/** The per-user data directory of `penholder start`: $PENHOLDER_DATA, else ~/.penholder. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  return env.PENHOLDER_DATA || path.join(home, '.penholder');
}

/** The demo's invitations, kept in the data directory (the server keeps only token hashes). */
export interface DemoInvitations {
  negotiationId: string;
  cofacilitator: string;
  delegation: { name: string; token: string };
}

const DEMO_FILE = 'demo-invitations.json';
const DEMO_DELEGATION = 'Mexico';

/**
 * Puts the demo negotiation into a data directory the first time, with a co-facilitator and a
 * delegation invitation whose tokens are kept in DIR/demo-invitations.json (mode 0600) so that every
 * start prints working links. Later starts leave the stored negotiation (and what was typed into it) alone.
 */
export async function ensureDemo(dataDir: string): Promise<{ invitations: DemoInvitations; created: boolean }> {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DEMO_FILE);
  const data = openDataDir(dataDir);
  try {
    let created = false;
    if (!(await data.store.load(documentName(DEMO_NEGOTIATION_ID, { kind: 'table' })))) {
      const negotiation = demoNegotiation();
      for (const [docPath, doc] of negotiation.documents()) {
        const update = Y.encodeStateAsUpdate(doc);
        if (update.length > 2) await data.store.appendUpdate(`${negotiation.id}/${docPath}`, update);
      }
      created = true;
    }
    const kept = !created && fs.existsSync(file) ? readDemoInvitations(file) : null;
    if (kept) return { invitations: kept, created };
    const context: InviteContext = { invitations: data.invitations, serverUrl: null, editTable: (id, edit) => editStoredTable(data.store, id, edit) };
    const cofac = await inviteDelegation(context, { negotiationId: DEMO_NEGOTIATION_ID, delegationName: null, role: 'cofacilitator', expiresAt: null });
    const delegation = await inviteDelegation(context, { negotiationId: DEMO_NEGOTIATION_ID, delegationName: DEMO_DELEGATION, role: 'delegation', expiresAt: null });
    const invitations: DemoInvitations = { negotiationId: DEMO_NEGOTIATION_ID, cofacilitator: cofac.token, delegation: { name: DEMO_DELEGATION, token: delegation.token } };
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(invitations, null, 2) + '\n', { mode: 0o600 });
    fs.renameSync(temp, file);
    return { invitations, created };
  } finally {
    await data.close();
  }
}

function readDemoInvitations(file: string): DemoInvitations | null {
  try {
    const value = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<DemoInvitations>;
    if (typeof value.cofacilitator === 'string' && typeof value.delegation?.token === 'string' && value.negotiationId === DEMO_NEGOTIATION_ID) return value as DemoInvitations;
  } catch {
    // unreadable: new invitations are issued
  }
  return null;
}

/** The web edition's join link for a token on a running server. */
export function joinUrl(httpUrl: string, token: string): string {
  return `${httpUrl}/join?token=${encodeURIComponent(token)}`;
}

/** A running web edition: the server, and the demo's join links. */
export interface WebEdition {
  server: RunningServer;
  dataDir: string;
  created: boolean;
  links: { cofacilitator: string; delegation: { name: string; url: string } };
}

/** Seeds the demo when needed and serves the web edition from an embedded store. */
export async function startWebEdition(options: { dataDir: string; port: number; host: string; staticDir: string | null; logger?: Logger }): Promise<WebEdition> {
  const { invitations, created } = await ensureDemo(options.dataDir);
  const server = await startServer({ dataDir: options.dataDir, port: options.port, host: options.host, staticDir: options.staticDir, ...(options.logger ? { logger: options.logger } : {}) });
  return {
    server,
    dataDir: options.dataDir,
    created,
    links: {
      cofacilitator: joinUrl(server.url, invitations.cofacilitator),
      delegation: { name: invitations.delegation.name, url: joinUrl(server.url, invitations.delegation.token) },
    },
  };
}
