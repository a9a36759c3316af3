import type { PenholderEvents } from '../../shared/ipc/contract';
import { ID_PATTERN } from '../../shared/protocol/document-names';

/**
 * Reads a penholder:// link into what the renderer should open:
 *
 *   penholder://join?server=ws://HOST:PORT&token=…   join with an invitation
 *   penholder://join?server=wss://HOST:PORT&token=…&fp=…   a hosted session: its certificate's fingerprint (pinned)
 *   penholder://open?negotiation=<id>                  show a negotiation kept on this computer
 *
 * Null for anything else (links come from outside the app: nothing unexpected is passed on).
 */
export function parseDeepLink(link: string): PenholderEvents['open'] | null {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  if (url.protocol !== 'penholder:') return null;
  const action = (url.hostname || url.pathname.replace(/^\/+/, '')).replace(/\/+$/, '');
  if (action === 'join') {
    const token = url.searchParams.get('token') ?? '';
    const server = url.searchParams.get('server') ?? '';
    if (!/^[A-Za-z0-9_-]{8,200}$/.test(token)) return null;
    if (server && !/^wss?:\/\/[^\s/?#]+\/?$/.test(server)) return null;
    const fingerprint = url.searchParams.get('fp');
    if (fingerprint === null) return { negotiationId: null, join: { serverUrl: server.replace(/\/+$/, ''), token } };
    // A pinned certificate only makes sense over TLS: never a plain fallback.
    if (!/^[A-Za-z0-9_-]{43}$/.test(fingerprint) || !server.startsWith('wss://')) return null;
    return { negotiationId: null, join: { serverUrl: server.replace(/\/+$/, ''), token, fingerprint } };
  }
  if (action === 'open') {
    const id = url.searchParams.get('negotiation') ?? '';
    return ID_PATTERN.test(id) ? { negotiationId: id, join: null } : null;
  }
  return null;
}

/** What a launch's command line asks for: a penholder:// link or a .penholder file (the OS passes either). */
export function launchRequest(argv: string[]): { link: string } | { file: string } | null {
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('penholder://')) return { link: arg };
    if (arg.toLowerCase().endsWith('.penholder') && !arg.startsWith('-')) return { file: arg };
  }
  return null;
}
