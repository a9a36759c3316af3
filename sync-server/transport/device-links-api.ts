import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Invitation, Invitations } from '../storage/invitation-store';
import { invitationLink } from '../core/invitation-link';
import { Refusal } from '../core/refusal';
import { json, publicInvitation, readJson } from './admin-api';
import { parseExpiry } from '../storage/invite-delegation';

/** What the device-link API needs. */
export interface DeviceLinkContext {
  invitations: Invitations;
  /** The ws:// address invitees reach, or null when unknown. */
  serverUrl: string | null;
  /**
   * A delegation issued its first device link: its private document now opens only to device links, so
   * the connections open on it (all under invitations the co-facilitators minted) are closed (4403).
   */
  claimed?(negotiationId: string, delegation: { id: string; name: string }): void;
}

/**
 * A delegation's own invitations, with its delegation's token (`Authorization: Bearer …`):
 * - `POST /api/device-links` `{"expires": ISO}` (optional): a device link, an invitation the delegation
 *   issues for a colleague's device; only device links open the delegation's private document. The first
 *   one may be made with the invitation the co-facilitators issued; after that, only with a device link,
 *   so that an invitation someone else holds in the delegation's name cannot claim one unseen. The first
 *   one closes the connections open on the private document (see `claimed`).
 *   Answers `201 {"id", "token", "link", "issuedBy", "createdAt", "expiresAt"}`.
 * - `GET /api/invitations/mine`: every invitation in the delegation's name, who issued it (`issuedBy`: the
 *   delegation's id for a device link, null for the co-facilitators) and when, revoked or not.
 */
export async function handleDeviceLinks(context: DeviceLinkContext, req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
  try {
    const caller = await delegationCaller(context.invitations, req);
    const delegation = caller.delegation!;
    const mine = (await context.invitations.list(caller.negotiationId)).filter((i) => i.delegation?.id === delegation.id);
    if (pathname === '/api/invitations/mine') {
      if (req.method !== 'GET') throw new Refusal(`${req.method} is not supported on ${pathname}; use GET.`, 404);
      return json(res, 200, { delegation, invitations: mine.map(publicInvitation) });
    }
    if (req.method !== 'POST') throw new Refusal(`${req.method} is not supported on ${pathname}; use POST.`, 404);
    const body = await readJson(req);
    const isDeviceLink = (i: Invitation): boolean => i.issuedBy === delegation.id && !i.revokedAt;
    const existing = mine.filter(isDeviceLink);
    if (!isDeviceLink(caller) && existing.length > 0) {
      throw new Refusal(`${delegation.name} already has a device link (issued ${existing[0]!.createdAt}); make new ones from a device that holds one. If your delegation did not issue it, ask the co-facilitators to revoke it.`, 409);
    }
    const { invitation, token } = await context.invitations.create({
      negotiationId: caller.negotiationId,
      role: 'delegation',
      delegation,
      expiresAt: parseExpiry(body.expires ?? null),
      issuedBy: delegation.id,
    });
    if (existing.length === 0) context.claimed?.(caller.negotiationId, delegation);
    return json(res, 201, { ...publicInvitation(invitation), token, link: invitationLink(context.serverUrl, token) });
  } catch (error) {
    if (error instanceof Refusal) return json(res, error.status, { error: error.message });
    json(res, 500, { error: 'internal error' });
    throw error;
  }
}

async function delegationCaller(invitations: Invitations, req: IncomingMessage): Promise<Invitation> {
  const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (!token) throw new Refusal("A delegation's token is needed: Authorization: Bearer <token>.", 401);
  const invitation = await invitations.verify(token);
  if (typeof invitation === 'string') throw new Refusal(`This token is ${invitation === 'unknown' ? 'not known' : invitation}.`, 401);
  if (invitation.role !== 'delegation' || !invitation.delegation) throw new Refusal('Only a delegation issues device links and lists the invitations in its name.', 403);
  return invitation;
}
