import { SessionRefused } from '../session/fetch-session';
import { fetchCaller, type CallServer } from '../session/server-call';
import { wsUrlOf } from '../session/session';
import { desktopApi } from './desktop-api';

/**
 * How this window calls a sync server's HTTP API with an invitation token. The web edition fetches from
 * the page (its server is the page's origin); the desktop app asks its main process, which is not
 * subject to the page's CORS and checks a hosted session's pinned certificate before the token leaves.
 */
export function serverCaller(httpUrl: string, token: string): CallServer {
  const api = desktopApi();
  if (!api) return fetchCaller(httpUrl, token);
  return async (call) => {
    const answer = await api.server.request(wsUrlOf(httpUrl), token, call);
    if (answer.status >= 400) throw new SessionRefused(typeof answer.body.error === 'string' ? answer.body.error : `HTTP ${answer.status}`, answer.status);
    return answer.body;
  };
}
