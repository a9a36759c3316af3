import { SessionRefused } from '../session/fetch-session';

/** A call of the sync server's HTTP API (sync-server/README.md, "HTTP"). */
export interface ServerCall {
  method: 'GET' | 'POST' | 'DELETE';
  /** `/api/…` */
  path: string;
  body?: Record<string, unknown>;
}

/**
 * Calls the sync server's HTTP API with an invitation token as Bearer and returns its JSON answer.
 * Throws SessionRefused with the server's words when it refuses (4xx/5xx), TypeError when it cannot be
 * reached.
 */
export async function callServer(httpUrl: string, token: string, call: ServerCall): Promise<Record<string, unknown>> {
  const response = await fetch(`${httpUrl}${call.path}`, {
    method: call.method,
    headers: { authorization: `Bearer ${token}`, ...(call.body ? { 'content-type': 'application/json' } : {}) },
    ...(call.body ? { body: JSON.stringify(call.body) } : {}),
    cache: 'no-store',
  });
  const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) throw new SessionRefused(typeof answer.error === 'string' ? answer.error : `HTTP ${response.status}`, response.status);
  return answer;
}
