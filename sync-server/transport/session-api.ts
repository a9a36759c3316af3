import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Invitations } from '../storage/invitation-store';
import { identityOf, privateAccessOf } from '../core/invitation-hooks';

/**
 * `GET /api/session` with `Authorization: Bearer <token>`: who the token's holder is, so that the web
 * edition knows its delegation and role before it opens any document. Answers
 * `200 {"negotiationId", "role", "delegation": {"id", "name"} | null, "privateAccess", "label", "name"}`, or `401 {"error"}`
 * with the reason. `privateAccess`: the token opens the delegation's private document (see privateAccessOf).
 * `label`: how the server names the holder, the name a co-facilitator's decisions are logged under.
 * `name`: the name others see a co-facilitator by ("Ireland"), or null.
 */
export async function handleSession(invitations: Invitations, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const reply = (status: number, body: unknown): void => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  if (req.method !== 'GET') return reply(405, { error: `${req.method} is not supported on /api/session; use GET.` });
  const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (!token) return reply(401, { error: 'No invitation token: send Authorization: Bearer <token>.' });
  const invitation = await invitations.verify(token);
  if (invitation === 'unknown') return reply(401, { error: 'This invitation is not known here. Check the link, or ask the co-facilitators for a new one.' });
  if (invitation === 'revoked') return reply(401, { error: 'This invitation was revoked. Ask the co-facilitators for a new one.' });
  if (invitation === 'expired') return reply(401, { error: 'This invitation has expired. Ask the co-facilitators for a new one.' });
  reply(200, { negotiationId: invitation.negotiationId, role: invitation.role, delegation: invitation.delegation, privateAccess: await privateAccessOf(invitations, invitation), label: identityOf(invitation).label, name: invitation.role === 'cofacilitator' ? (invitation.name ?? null) : null });
}
