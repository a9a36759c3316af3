import type { Session } from './session';

const KEY = 'penholder.session';

/** The session kept on this computer, so that the app opens offline where it was left. */
export function loadSession(storage: Pick<Storage, 'getItem'> = localStorage): Session | null {
  try {
    const raw = storage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null, storage: Pick<Storage, 'setItem' | 'removeItem'> = localStorage): void {
  if (session) storage.setItem(KEY, JSON.stringify(session));
  else storage.removeItem(KEY);
}
