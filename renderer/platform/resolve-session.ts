import { fetchSession, SessionRefused } from '../session/fetch-session';
import { wsUrlOf, type Session } from '../session/session';
import { desktopApi } from './desktop-api';

/**
 * Who an invitation token belongs to. The web edition asks its server itself; the desktop app asks
 * through the main process, which checks a hosted session's pinned certificate before the token leaves
 * this computer (and is not subject to the page's CORS). Throws SessionRefused when the server refuses
 * the token, another error when it cannot be reached or is not the server the link named.
 */
export async function resolveSession(httpUrl: string, token: string): Promise<Session> {
  const api = desktopApi();
  if (!api) return fetchSession(httpUrl, token);
  const wsUrl = wsUrlOf(httpUrl);
  const answer = await api.session.resolve(wsUrl, token);
  if (answer.refused !== null) throw new SessionRefused(answer.refused, answer.status);
  return { httpUrl, wsUrl, token, negotiationId: answer.negotiationId, role: answer.role, delegation: answer.delegation, ...(answer.label ? { label: answer.label } : {}), ...(answer.name ? { name: answer.name } : {}) };
}
