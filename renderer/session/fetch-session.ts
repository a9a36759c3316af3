import type { Role } from '../../shared/model/actor';
import { wsUrlOf, type Session } from './session';

/** Why the server would not say who a token belongs to. */
export class SessionRefused extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'SessionRefused';
  }
}

/**
 * Asks the sync server who an invitation token belongs to. This is the one place that knows the
 * endpoint, so that it can follow the server:
 *
 *   GET /api/session   Authorization: Bearer <token>
 *   200 {"negotiationId": "…", "role": "delegation", "delegation": {"id": "mexico", "name": "Mexico"} | null, "privateAccess": true, "label": "Mexico", "name": null}
 *   401/403 {"error": "…"}
 *
 * Throws SessionRefused when the server refuses the token, TypeError when it cannot be reached.
 */
export async function fetchSession(httpUrl: string, token: string, fetchImpl: typeof fetch = fetch): Promise<Session> {
  const response = await fetchImpl(`${httpUrl}/api/session`, { headers: { authorization: `Bearer ${token}` }, cache: 'no-store' });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) throw new SessionRefused(typeof body.error === 'string' ? body.error : `HTTP ${response.status}`, response.status);
  return parseSession(httpUrl, token, body);
}

const ROLES: readonly Role[] = ['cofacilitator', 'delegation', 'observer'];

/** Checks the server's answer. */
export function parseSession(httpUrl: string, token: string, body: Record<string, unknown>): Session {
  const role = body.role as Role;
  const negotiationId = body.negotiationId;
  if (typeof negotiationId !== 'string' || !ROLES.includes(role)) throw new SessionRefused('the server gave an answer this version does not understand', 502);
  const d = body.delegation as { id?: unknown; name?: unknown } | null | undefined;
  const delegation = d && typeof d.id === 'string' ? { id: d.id, name: typeof d.name === 'string' ? d.name : d.id } : null;
  return { httpUrl, wsUrl: wsUrlOf(httpUrl), token, negotiationId, role, delegation, privateAccess: body.privateAccess === true, ...(typeof body.label === 'string' ? { label: body.label } : {}), ...(typeof body.name === 'string' ? { name: body.name } : {}) };
}
