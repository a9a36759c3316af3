import { createContext, startTransition, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import type { Negotiation } from '../../shared/model/negotiation';
import type { ConnectionStatus, NegotiationConnection } from '../sync/negotiation-connection';

/** The negotiation this window works in; provided once at the root. */
export const ConnectionContext = createContext<NegotiationConnection | null>(null);

export function useConnection(): NegotiationConnection {
  const connection = useContext(ConnectionContext);
  if (!connection) throw new Error('useConnection outside a ConnectionContext');
  return connection;
}

/**
 * A value read from the negotiation, read again when any of its documents changes. React holds no
 * copy of the document: it holds the documents' version number and derives the rest. A component
 * re-renders only when the value read changed (by identity, or field by field and item by item one
 * level down), so that a keystroke does not re-render the views that read nothing it changed.
 */
export function useNegotiation<T>(read: (negotiation: Negotiation) => T, deps: readonly unknown[] = []): T {
  const connection = useConnection();
  const cache = useRef<{ connection: NegotiationConnection; version: number; deps: readonly unknown[]; value: T } | null>(null);
  const snapshot = (): T => {
    const version = connection.version();
    const c = cache.current;
    if (c && c.connection === connection && c.version === version && sameItems(c.deps, deps)) return c.value;
    const value = read(connection.negotiation);
    const kept = c && c.connection === connection && sameValue(c.value, value) ? c.value : value;
    cache.current = { connection, version, deps, value: kept };
    return kept;
  };
  return useSyncExternalStore(connection.subscribe, snapshot, snapshot);
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}

/** The same value: identical, or arrays of identical items, or plain objects whose fields are so. */
function sameValue(a: unknown, b: unknown, depth = 2): boolean {
  if (Object.is(a, b)) return true;
  if (depth === 0 || typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i], depth - 1));
  if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => k in b && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], depth - 1));
}

/**
 * As useNegotiation, for values that may follow a frame later (the proposal views, word counts and
 * labels of the whole text): a change is rendered as a transition, after the keystroke that made it
 * is painted and without re-rendering anything in the keystroke's frame (a store subscription would
 * render at once). The editors do not wait for it: ProseMirror renders the text from Yjs directly.
 * Until the table has loaded, nothing is deferred: the first render of the text is not put behind the
 * stream of updates that loading brings.
 */
export function useDeferredNegotiation<T>(read: (negotiation: Negotiation) => T, deps: readonly unknown[] = []): T {
  const connection = useConnection();
  const [seen, setSeen] = useState(() => ({ connection, version: connection.version() }));
  const loaded = useRef(false);
  const tableLoaded = connection.negotiation.table.metaMap.size > 0;
  useEffect(() => {
    if (tableLoaded) loaded.current = true;
  }, [tableLoaded]);
  useEffect(() => {
    const now = () => {
      const next = { connection, version: connection.version() };
      return (s: typeof next) => (s.connection === next.connection && s.version === next.version ? s : next);
    };
    // Changes between this render and the subscription are not missed.
    setSeen(now());
    return connection.subscribe(() => {
      const next = now();
      if (loaded.current) startTransition(() => setSeen(next));
      else flushSync(() => setSeen(next));
    });
  }, [connection]);
  const version = seen.connection === connection ? seen.version : connection.version();
  return useMemo(() => read(connection.negotiation), [connection, version, ...deps]);
}

/** The connection's network state, pending changes and refusals. */
export function useConnectionStatus(): ConnectionStatus {
  const connection = useConnection();
  return useSyncExternalStore(connection.subscribeStatus, connection.getStatus, connection.getStatus);
}
