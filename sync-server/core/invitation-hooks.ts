import { CloseCode } from '../../shared/protocol/close-codes';
import type { Invitation, Invitations, TokenRefusal } from '../storage/invitation-store';
import { AuthRefusal, type Identity, type ServerHooks } from './server-hooks';

/** Whether an invitation was issued by its own delegation (a device link). */
export const isDeviceLink = (i: Invitation): boolean => i.delegation !== null && i.issuedBy === i.delegation.id;

/**
 * Whether an invitation opens its delegation's private document: a device link does; an invitation the
 * co-facilitators minted does only until the delegation has issued a device link (then it claimed its
 * private document, and nobody else's invitation opens it).
 */
export async function privateAccessOf(invitations: Invitations, invitation: Invitation): Promise<boolean> {
  if (invitation.role !== 'delegation' || !invitation.delegation) return false;
  if (isDeviceLink(invitation)) return true;
  const all = await invitations.list(invitation.negotiationId);
  return !all.some((i) => isDeviceLink(i) && i.delegation!.id === invitation.delegation!.id && !i.revokedAt);
}

/** The identity an invitation confers. */
export function identityOf(invitation: Invitation, privateAccess = false): Identity {
  return {
    actor: { role: invitation.role, delegationId: invitation.delegation?.id ?? null, privateAccess },
    negotiationId: invitation.negotiationId,
    invitationId: invitation.id,
    label: invitation.delegation?.name ?? (invitation.name ? `co-facilitator (${invitation.name})` : 'co-facilitator'),
    delegationName: invitation.delegation?.name ?? null,
    name: invitation.name,
  };
}

/** Authentication by invitation token: unknown → 4401, revoked or expired → 4403, checked again periodically. */
export function invitationHooks(invitations: Invitations): ServerHooks {
  return {
    async onAuthenticate({ token }) {
      if (!token) throw new AuthRefusal(CloseCode.unauthenticated, 'an invitation token is required (?token=… or Authorization: Bearer …)');
      const result = await invitations.verify(token);
      if (result === 'unknown') throw new AuthRefusal(CloseCode.unauthenticated, 'this invitation token is not known to the server');
      if (result === 'revoked') throw new AuthRefusal(CloseCode.forbidden, 'this invitation was revoked');
      if (result === 'expired') throw new AuthRefusal(CloseCode.forbidden, 'this invitation has expired');
      return identityOf(result, await privateAccessOf(invitations, result));
    },
    onRevalidate(identity) {
      const reasonOf = (result: Invitation | TokenRefusal) => (typeof result === 'string' ? `this invitation is ${result === 'unknown' ? 'no longer known' : result}` : null);
      const result = invitations.recheck(identity.invitationId);
      return result instanceof Promise ? result.then(reasonOf) : reasonOf(result);
    },
  };
}
