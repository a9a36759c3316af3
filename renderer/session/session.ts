import type { Role } from '../../shared/model/actor';

/** Who this app is in a negotiation, as the server established it from the invitation token. */
export interface Session {
  /** http(s)://HOST:PORT of the sync server. */
  httpUrl: string;
  /** ws(s)://HOST:PORT, what the websocket providers connect to. */
  wsUrl: string;
  token: string;
  negotiationId: string;
  role: Role;
  delegation: { id: string; name: string } | null;
  /** The token opens the delegation's private document (a device link, or no device link issued yet); unknown: assumed, the server decides. */
  privateAccess?: boolean;
  /** How the server names this participant: the author of a co-facilitator's decisions in the log. */
  label?: string;
  /** The name others see a co-facilitator by ("Ireland"); absent when none was given. */
  name?: string;
}

/** The ws:// address of an http:// server address (and the reverse). */
export function wsUrlOf(httpUrl: string): string {
  return httpUrl.replace(/^http/, 'ws').replace(/\/+$/, '');
}
export function httpUrlOf(wsUrl: string): string {
  return wsUrl.replace(/^ws/, 'http').replace(/\/+$/, '');
}
