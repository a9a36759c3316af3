import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { readStamp } from '../../shared/protocol/awareness-stamp';

/** One person present, as the server stamped their awareness state. */
export interface Presence {
  clientId: number;
  self: boolean;
  role: string;
  /** The delegation's name, or null for a co-facilitator. */
  name: string | null;
  /** The delegation's id on the roster, or null for a co-facilitator (and for ourselves). */
  delegationId: string | null;
  /** A co-facilitator's name ("Ireland"), which tells the two apart; null for others or when none was given. */
  cofacilitatorName: string | null;
  /** The paragraph they are on. */
  focus: string | null;
}

function read(awareness: Awareness): Presence[] {
  const people: Presence[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    const stamp = readStamp(state);
    const self = clientId === awareness.clientID;
    const local = state as { role?: string; name?: string | null; focus?: string | null };
    // Others are known only by what the server stamped; ourselves by what we know of our session.
    if (!stamp && !self) continue;
    people.push({ clientId, self, role: stamp?.role ?? local.role ?? 'delegation', name: stamp?.delegationName ?? local.name ?? null, delegationId: stamp?.delegationId ?? null, cofacilitatorName: stamp?.role === 'cofacilitator' ? stamp.name : null, focus: local.focus ?? null });
  }
  return people.sort((a, b) => Number(b.self) - Number(a.self) || (a.name ?? '').localeCompare(b.name ?? ''));
}

/** Who is present on the table document, kept up to date from the awareness protocol. */
export function usePresence(awareness: Awareness): Presence[] {
  const cache = useRef<{ key: string; value: Presence[] }>({ key: '', value: [] });
  const subscribe = useCallback(
    (listener: () => void) => {
      awareness.on('change', listener);
      return () => awareness.off('change', listener);
    },
    [awareness],
  );
  const snapshot = useCallback(() => {
    const value = read(awareness);
    const key = JSON.stringify(value);
    if (key !== cache.current.key) cache.current = { key, value };
    return cache.current.value;
  }, [awareness]);
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
