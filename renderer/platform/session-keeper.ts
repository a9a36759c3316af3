import type { PenholderApi } from '../../shared/ipc/contract';
import { httpUrlOf, type Session } from '../session/session';
import { loadSession, saveSession } from '../session/stored-session';
import { desktopApi } from './desktop-api';

/** Where the session (who this app is, in which negotiation) is kept between launches. */
export interface SessionKeeper {
  /** The session kept last (the one the app opens with at start), or null. */
  current(): Session | null;
  /** Keeps the session (null: the user left the negotiation). */
  save(session: Session | null): void;
}

/**
 * On the desktop the session is kept by the main process (recent negotiations, the token encrypted with
 * the system's keychain), so that it survives the window's storage; in the web edition, in localStorage.
 */
export async function startSessionKeeper(onError: (error: unknown) => void = (error) => console.error('the desktop store could not keep the session', error)): Promise<SessionKeeper> {
  const api = desktopApi();
  if (!api) return { current: () => loadSession(), save: (session) => saveSession(session) };
  let current = await desktopSession(api).catch((error: unknown) => (onError(error), null));
  return {
    current: () => current,
    save: (session) => {
      const left = current;
      current = session;
      const kept = session ? rememberSession(api, session) : left ? api.negotiations.forget(left.negotiationId) : Promise.resolve();
      kept.catch(onError);
    },
  };
}

/** The newest negotiation this computer joined with an invitation it still holds. */
async function desktopSession(api: PenholderApi): Promise<Session | null> {
  const joined = (await api.negotiations.recent()).find((n) => n.serverUrl && n.hasToken && n.role);
  if (!joined?.serverUrl || !joined.role) return null;
  const token = await api.negotiations.token(joined.negotiationId);
  if (!token) return null;
  return { httpUrl: httpUrlOf(joined.serverUrl), wsUrl: joined.serverUrl, token, negotiationId: joined.negotiationId, role: joined.role, delegation: joined.delegation };
}

async function rememberSession(api: PenholderApi, s: Session): Promise<void> {
  const known = (await api.negotiations.recent()).find((n) => n.negotiationId === s.negotiationId);
  await api.negotiations.remember({ negotiationId: s.negotiationId, title: known?.title ?? s.negotiationId, serverUrl: s.wsUrl, role: s.role, delegation: s.delegation, token: s.token });
}
