import type { IncomingMessage, ServerResponse } from 'node:http';
import { ID_PATTERN } from '../../shared/protocol/document-names';
import type { Invitation, Invitations } from '../storage/invitation-store';
import { inviteDelegation, parseExpiry, parseRole, type InviteContext } from '../storage/invite-delegation';
import { Refusal } from '../core/refusal';
import { decodePath } from './decode-path';

/** What the admin API works on. */
export interface AdminContext extends InviteContext {
  invitations: Invitations;
  /** Closes the connections opened with a revoked invitation. */
  disconnect(invitationId: string): void;
}

const MAX_BODY = 64 * 1024;

/**
 * The admin API, for a co-facilitator's token (`Authorization: Bearer …`) on their own negotiation:
 * - `GET    /api/negotiations/:id/invitations`: the invitations (never the tokens);
 * - `POST   /api/negotiations/:id/invitations` `{"delegation": "Mexico", "role": "delegation", "expires": ISO}`:
 *   a new invitation, shaped as `penholder invite --json` prints it;
 * - `DELETE /api/negotiations/:id/invitations/:invitationId`: revokes it and closes its connections; a
 *   co-facilitator's invitation is refused (403): co-facilitators revoke neither each other nor themselves.
 */
export async function handleAdmin(context: AdminContext, req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
  try {
    const match = /^\/api\/negotiations\/([^/]+)\/invitations(?:\/([^/]+))?\/?$/.exec(pathname);
    if (!match || !ID_PATTERN.test(match[1]!)) throw new Refusal('No such API route.', 404);
    const negotiationId = match[1]!;
    const invitationId = match[2] ? decodePath(match[2]) : null;
    if (match[2] && invitationId === null) throw new Refusal('Malformed percent-escape in the invitation id.', 400);
    const caller = await authorize(context.invitations, req, negotiationId);
    if (req.method === 'GET' && !invitationId) return json(res, 200, { invitations: (await context.invitations.list(negotiationId)).map(publicInvitation) });
    if (req.method === 'POST' && !invitationId) {
      const body = await readJson(req);
      const issued = await inviteDelegation(context, {
        negotiationId,
        delegationName: typeof body.delegation === 'string' ? body.delegation : null,
        role: parseRole(body.role ?? 'delegation'),
        expiresAt: parseExpiry(body.expires ?? null),
      });
      return json(res, 201, issued);
    }
    if (req.method === 'DELETE' && invitationId) {
      const existing = await context.invitations.get(invitationId);
      if (!existing || existing.negotiationId !== negotiationId) throw new Refusal(`No invitation "${invitationId}" in this negotiation.`, 404);
      // Co-facilitators share the chair: neither can shut the other (or itself) out of the negotiation.
      if (existing.role === 'cofacilitator') {
        const whose = existing.id === caller.id ? 'their own invitation' : 'the other co-facilitator\'s invitation';
        throw new Refusal(`A co-facilitator cannot revoke ${whose}; whoever runs the server can, with: penholder revoke --id ${existing.id}`, 403);
      }
      const revoked = (await context.invitations.revoke({ id: invitationId }))!;
      context.disconnect(invitationId);
      return json(res, 200, publicInvitation(revoked));
    }
    throw new Refusal(`${req.method} is not supported on ${pathname}.`, 404);
  } catch (error) {
    if (error instanceof Refusal) return json(res, error.status, { error: error.message });
    json(res, 500, { error: 'internal error' });
    throw error;
  }
}

/** The co-facilitator's invitation the request is made with; refuses any other. */
async function authorize(invitations: Invitations, req: IncomingMessage, negotiationId: string): Promise<Invitation> {
  const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (!token) throw new Refusal('The admin API needs a co-facilitator\'s token: Authorization: Bearer <token>.', 401);
  const invitation = await invitations.verify(token);
  if (typeof invitation === 'string') throw new Refusal(`This token is ${invitation === 'unknown' ? 'not known' : invitation}.`, 401);
  if (invitation.role !== 'cofacilitator' || invitation.negotiationId !== negotiationId) throw new Refusal('Only this negotiation\'s co-facilitators may manage its invitations.', 403);
  return invitation;
}

/** An invitation as the APIs show it: never its token; `issuedBy` a delegation for a device link, null for the co-facilitators. */
export const publicInvitation = (i: Invitation) => ({ id: i.id, role: i.role, delegation: i.delegation, name: i.role === 'cofacilitator' ? (i.name ?? null) : null, issuedBy: i.issuedBy, createdAt: i.createdAt, expiresAt: i.expiresAt, revokedAt: i.revokedAt });

/** The request's JSON object body (at most 64 KiB). */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Refusal('The request body is too large.');
    chunks.push(chunk);
  }
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error();
    return value as Record<string, unknown>;
  } catch {
    throw new Refusal('The request body must be a JSON object.');
  }
}

/** Answers with a JSON body. */
export function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
