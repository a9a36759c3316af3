import type { Actor, Role } from '../../shared/model/actor';
import { documentName } from '../../shared/protocol/document-names';
import { Negotiation } from '../../shared/model/negotiation';
import { CliError } from '../cli-error';
import { DocumentLink } from './document-link';

/** Where an invitation link points: the server's http(s) address and the token. */
export interface Invitation {
  httpUrl: string;
  token: string;
}

/**
 * Reads an invitation link: `http(s)://HOST:PORT/join?token=…` (the web edition's) or
 * `penholder://join?server=ws://HOST:PORT&token=…` (the app's).
 */
export function parseInvitationLink(link: string): Invitation {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    throw new CliError(`"${link}" is not an invitation link; give http://HOST:PORT/join?token=… or penholder://join?server=…&token=…`, 2);
  }
  const token = url.searchParams.get('token');
  if (!token) throw new CliError('the invitation link has no token (…?token=…)', 2);
  if (url.protocol === 'penholder:') {
    const server = url.searchParams.get('server');
    if (!server) throw new CliError('this penholder:// link names no server (…&server=ws://HOST:PORT)', 2);
    return { httpUrl: server.replace(/^ws/, 'http').replace(/\/+$/, ''), token };
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return { httpUrl: url.origin, token };
  throw new CliError(`"${url.protocol}" links are not invitation links; give http://HOST:PORT/join?token=…`, 2);
}

/** Who the token's holder is, as the server says (GET /api/session). */
interface SessionInfo {
  negotiationId: string;
  role: Role;
  delegation: { id: string; name: string } | null;
  /** How the server names the holder (the author of its decisions in the log); older servers do not say. */
  label?: string;
}

async function fetchSession(invitation: Invitation): Promise<SessionInfo> {
  let response: Response;
  try {
    response = await fetch(`${invitation.httpUrl}/api/session`, { headers: { authorization: `Bearer ${invitation.token}` } });
  } catch (error) {
    throw new CliError(`cannot reach the server at ${invitation.httpUrl} (${(error as Error).cause ?? (error as Error).message}); check the link and that the server runs`, 1);
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.status === 401 || response.status === 403) throw new CliError(`the server refused this invitation: ${String(body.error ?? response.status)}`, 3);
  if (!response.ok || typeof body.negotiationId !== 'string' || typeof body.role !== 'string') throw new CliError(`the server at ${invitation.httpUrl} did not say who this invitation is for (HTTP ${response.status})`, 1);
  return body as unknown as SessionInfo;
}

/**
 * A negotiation as one participant sees it on a server: the table and every delegation document,
 * each kept in sync, with the participant's identity. Commands run on `negotiation` as in the app;
 * `settle()` waits until the server has durably stored what they wrote.
 */
export class RemoteNegotiation {
  private constructor(
    readonly negotiation: Negotiation,
    readonly actor: Actor,
    readonly session: SessionInfo,
    private readonly links: DocumentLink[],
  ) {}

  static async open(link: string): Promise<RemoteNegotiation> {
    const invitation = parseInvitationLink(link);
    const session = await fetchSession(invitation);
    const wsUrl = invitation.httpUrl.replace(/^http/, 'ws');
    const open = (name: string): Promise<DocumentLink> =>
      DocumentLink.open(wsUrl, name, invitation.token).catch((error: Error) => {
        throw new CliError(`${name}: ${error.message}`, 'code' in error ? 3 : 1);
      });
    const table = await open(documentName(session.negotiationId, { kind: 'table' }));
    const negotiation = new Negotiation(session.negotiationId, table.doc);
    const delegations = await Promise.all(
      negotiation.table.roster().map(async (d) => {
        const docLink = await open(documentName(session.negotiationId, { kind: 'delegation', delegationId: d.id }));
        negotiation.attach({ kind: 'delegation', delegationId: d.id }, docLink.doc);
        return docLink;
      }),
    );
    const actor: Actor = { role: session.role, delegationId: session.delegation?.id ?? null, ...(typeof session.label === 'string' ? { name: session.label } : {}) };
    return new RemoteNegotiation(negotiation, actor, session, [table, ...delegations]);
  }

  /** Resolves once the server has stored every change made here; throws what it refused. */
  async settle(timeoutMs = 30_000): Promise<void> {
    await Promise.all(this.links.map((l) => l.settle(timeoutMs)));
  }

  close(): void {
    for (const l of this.links) l.close();
  }
}
