import type { Role } from '../model/actor';

/** The key under which the server writes who an awareness state belongs to; clients cannot set it. */
export const STAMP_KEY = 'penholder';

/** The identity the server writes into every awareness state, under `STAMP_KEY`. */
export interface AwarenessStamp {
  role: Role;
  delegationId: string | null;
  delegationName: string | null;
  /** How the participant is shown: the delegation's name, or a co-facilitator's ("Ireland"), so that two co-facilitators are told apart. */
  name: string | null;
}

const ROLES: readonly string[] = ['cofacilitator', 'delegation', 'observer'] satisfies Role[];
const isRole = (value: unknown): value is Role => typeof value === 'string' && ROLES.includes(value);
const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The server's stamp in an awareness state, or null when the state has none (our own, or not from this server). */
export function readStamp(state: unknown): AwarenessStamp | null {
  if (typeof state !== 'object' || state === null) return null;
  const stamp: unknown = (state as Record<string, unknown>)[STAMP_KEY];
  if (typeof stamp !== 'object' || stamp === null) return null;
  const fields = stamp as Record<string, unknown>;
  if (!isRole(fields.role)) return null;
  return { role: fields.role, delegationId: stringOrNull(fields.delegationId), delegationName: stringOrNull(fields.delegationName), name: stringOrNull(fields.name) };
}
