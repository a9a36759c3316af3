import type { InvitationAnswer } from '../../shared/ipc/contract';
import type { Role } from '../../shared/model/actor';
import type { CertificatePins } from './certificate-pins';
import { requestServer } from './server-request';

const ROLES: readonly Role[] = ['cofacilitator', 'delegation', 'observer'];

/**
 * Asks a sync server who an invitation token belongs to (GET /api/session with the token as Bearer), from
 * the main process: no CORS in the way, and a hosted session's certificate is checked against the
 * fingerprint pinned from its join link before the token is sent. Throws (saying what to do) when the
 * server cannot be reached or is not the pinned one; a refusal by the server is an answer.
 */
export async function resolveInvitation(serverUrl: string, token: string, pins: CertificatePins, timeoutMs = 15_000): Promise<InvitationAnswer> {
  const { status, body } = await requestServer(serverUrl, token, { method: 'GET', path: '/api/session' }, pins, timeoutMs);
  if (status !== 200) return { refused: typeof body.error === 'string' ? body.error : `the server answered HTTP ${status}`, status };
  const role = body.role as Role;
  const d = body.delegation as { id?: unknown; name?: unknown } | null | undefined;
  if (typeof body.negotiationId !== 'string' || !ROLES.includes(role)) return { refused: 'the server gave an answer this version does not understand', status: 502 };
  return { refused: null, negotiationId: body.negotiationId, role, delegation: d && typeof d.id === 'string' ? { id: d.id, name: typeof d.name === 'string' ? d.name : d.id } : null, ...(typeof body.label === 'string' ? { label: body.label } : {}), ...(typeof body.name === 'string' ? { name: body.name } : {}) };
}
