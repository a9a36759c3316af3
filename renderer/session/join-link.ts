import { httpUrlOf } from './session';

/** An invitation as pasted or opened: the server to ask and the token. */
export interface JoinLink {
  /** http(s)://HOST:PORT, or null: the server that served this page. */
  httpUrl: string | null;
  token: string;
}

/**
 * Reads an invitation link: `http://HOST:PORT/join?token=…` (the web edition's link),
 * `penholder://join?server=ws://HOST:PORT&token=…` (the app's link), or a bare token.
 * Null when it is none of these.
 */
export function parseJoinLink(input: string): JoinLink | null {
  const text = input.trim();
  if (/^ph_[A-Za-z0-9_-]+$/.test(text)) return { httpUrl: null, token: text };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const token = url.searchParams.get('token');
  if (!token) return null;
  if (url.protocol === 'penholder:') {
    const server = url.searchParams.get('server');
    return { httpUrl: server ? httpUrlOf(server) : null, token };
  }
  if ((url.protocol === 'http:' || url.protocol === 'https:') && url.pathname.replace(/\/+$/, '') === '/join') return { httpUrl: url.origin, token };
  return null;
}
