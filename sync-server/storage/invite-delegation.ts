import { addDelegation } from '../../shared/model/create-negotiation';
import { documentName } from '../../shared/protocol/document-names';
import type { Role } from '../../shared/model/actor';
import type { Negotiation } from '../../shared/model/negotiation';
import type { DelegationKind } from '../../shared/model/roster';
import { invitationLink } from '../core/invitation-link';
import type { Invitations } from './invitation-store';
import { Refusal } from '../core/refusal';

/** What an invitation gives its holder, as `penholder invite --json` and the admin API print it. */
export interface IssuedInvitation {
  id: string;
  token: string;
  link: string;
  role: Role;
  delegation: { id: string; name: string } | null;
  /** How the invitee is shown to others (a co-facilitator's name, or the delegation's). */
  name: string | null;
  expiresAt: string | null;
  documents: { table: string; delegation?: string; private?: string };
}

/** What `inviteDelegation` needs: the invitations, and a way to change the table document. */
export interface InviteContext {
  invitations: Invitations;
  editTable: <T>(negotiationId: string, edit: (negotiation: Negotiation) => T) => Promise<T>;
  /** The ws:// address invitees will reach, or null when unknown. */
  serverUrl: string | null;
}

const ROLES: readonly Role[] = ['cofacilitator', 'delegation', 'observer'];

/** Parses a role given on the command line or to the admin API. */
export function parseRole(value: unknown): Role {
  if (typeof value === 'string' && (ROLES as readonly string[]).includes(value)) return value as Role;
  throw new Refusal(`The role must be one of ${ROLES.join(', ')}; got ${JSON.stringify(value)}.`);
}

/** Parses an expiry (an ISO date in the future); undefined and null mean no expiry. */
export function parseExpiry(value: unknown, now = new Date()): string | null {
  if (value === undefined || value === null) return null;
  const time = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) throw new Refusal(`The expiry must be an ISO date such as 2026-05-04T18:00:00Z; got ${JSON.stringify(value)}.`);
  if (time <= now.getTime()) throw new Refusal(`The expiry ${value} is already past.`);
  return new Date(time).toISOString();
}

/**
 * Invites a delegation (or a co-facilitator) to a negotiation: puts the delegation on the roster of the
 * table document when it is missing, and creates an invitation for it. A co-facilitator's name (often the
 * country they come from: "Ireland") only tells the two co-facilitators apart; it puts nobody on the roster
 * and gives no delegation's rights.
 */
export async function inviteDelegation(
  context: InviteContext,
  input: { negotiationId: string; delegationName: string | null; role: Role; expiresAt: string | null },
): Promise<IssuedInvitation> {
  const name = input.delegationName?.trim() || null;
  if (!name && input.role !== 'cofacilitator') throw new Refusal('A delegation or observer invitation needs the delegation\'s name.');
  const kind: DelegationKind = input.role === 'observer' ? 'observer' : 'member-state';
  const delegation = name && input.role !== 'cofacilitator'
    ? await context.editTable(input.negotiationId, (negotiation) => {
        const d = addDelegation(negotiation, { role: 'cofacilitator', delegationId: null }, { name, kind });
        return { id: d.id, name: d.name };
      })
    : null;
  if (!delegation) await context.editTable(input.negotiationId, () => undefined); // the negotiation must exist
  const { invitation, token } = await context.invitations.create({ negotiationId: input.negotiationId, role: input.role, delegation, name: delegation ? null : name, expiresAt: input.expiresAt });
  const documents: IssuedInvitation['documents'] = { table: documentName(input.negotiationId, { kind: 'table' }) };
  if (delegation) {
    documents.delegation = documentName(input.negotiationId, { kind: 'delegation', delegationId: delegation.id });
    documents.private = documentName(input.negotiationId, { kind: 'private', delegationId: delegation.id });
  }
  return { id: invitation.id, token, link: invitationLink(context.serverUrl, token), role: invitation.role, delegation, name: invitation.name, expiresAt: invitation.expiresAt, documents };
}
