import { SessionRefused } from './fetch-session';

/** A call of the sync server's HTTP API (sync-server/README.md, "HTTP"). */
export interface ServerCall {
  method: 'GET' | 'POST' | 'DELETE';
  /** `/api/…` */
  path: string;
  body?: Record<string, unknown>;
}

/**
 * Calls one sync server's HTTP API with one invitation token: resolves to its JSON answer; rejects with
 * SessionRefused (the server's words) when it refuses, with another error when it cannot be reached.
 */
export type CallServer = (call: ServerCall) => Promise<Record<string, unknown>>;

/** The page's own fetch with the token as Bearer (the web edition: the server is the page's origin). */
export function fetchCaller(httpUrl: string, token: string, fetchImpl: typeof fetch = fetch): CallServer {
  return async (call) => {
    const response = await fetchImpl(`${httpUrl}${call.path}`, {
      method: call.method,
      headers: { authorization: `Bearer ${token}`, ...(call.body ? { 'content-type': 'application/json' } : {}) },
      ...(call.body ? { body: JSON.stringify(call.body) } : {}),
      cache: 'no-store',
    });
    const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) throw new SessionRefused(typeof answer.error === 'string' ? answer.error : `HTTP ${response.status}`, response.status);
    return answer;
  };
}
