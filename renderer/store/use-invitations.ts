import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Role } from '../../shared/model/actor';
import { serverCaller } from '../platform/server-api';

/** An invitation as the admin API lists it (never its token). */
export interface ListedInvitation {
  id: string;
  role: Role;
  delegation: { id: string; name: string } | null;
  /** The name others see a co-facilitator by ("Ireland"); null for a delegation's, or when none was given. */
  name?: string | null;
  /** The delegation that issued it as a device link; null when the co-facilitators issued it. */
  issuedBy: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** A new invitation, as the admin API answers it: this is the only time its token is seen. */
export interface IssuedInvitation {
  id: string;
  token: string;
  role: Role;
  delegation: { id: string; name: string } | null;
}

/** Whether an invitation still opens the negotiation. */
export const isActive = (i: ListedInvitation, now = Date.now()): boolean => !i.revokedAt && (!i.expiresAt || Date.parse(i.expiresAt) > now);

export interface InvitationsState {
  /** Null until the first answer. */
  list: ListedInvitation[] | null;
  /** Why the last call failed (the server's words), or null. */
  problem: { error: unknown } | null;
  reload(): Promise<void>;
  /** Invites a delegation or observer by name (put on the roster when missing): its token and link. */
  invite(input: { name: string; role: Role; expires: string | null }): Promise<IssuedInvitation>;
  /** Revokes an invitation: the server closes every connection opened with it. */
  revoke(id: string): Promise<void>;
}

/**
 * The invitations of a negotiation, through the server's admin API (a co-facilitator's token), read
 * again after each change. The server holds them: nothing is kept here but its last answer.
 */
export function useInvitations(server: { httpUrl: string; token: string; negotiationId: string }): InvitationsState {
  const { httpUrl, token, negotiationId } = server;
  const [list, setList] = useState<ListedInvitation[] | null>(null);
  const [problem, setProblem] = useState<{ error: unknown } | null>(null);
  const base = `/api/negotiations/${encodeURIComponent(negotiationId)}/invitations`;
  const callServer = useMemo(() => serverCaller(httpUrl, token), [httpUrl, token]);

  const reload = useCallback(async () => {
    try {
      const answer = await callServer({ method: 'GET', path: base });
      setList(Array.isArray(answer.invitations) ? (answer.invitations as ListedInvitation[]) : []);
      setProblem(null);
    } catch (error) {
      setProblem({ error });
    }
  }, [callServer, base]);

  useEffect(() => void reload(), [reload]);

  const invite = useCallback(
    async (input: { name: string; role: Role; expires: string | null }) => {
      const answer = await callServer({ method: 'POST', path: base, body: { delegation: input.name, role: input.role, ...(input.expires ? { expires: input.expires } : {}) } });
      void reload();
      return answer as unknown as IssuedInvitation;
    },
    [callServer, base, reload],
  );

  const revoke = useCallback(
    async (id: string) => {
      await callServer({ method: 'DELETE', path: `${base}/${encodeURIComponent(id)}` });
      await reload();
    },
    [callServer, base, reload],
  );

  return { list, problem, reload, invite, revoke };
}
