import { createContext, useContext, useDeferredValue, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
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
 * A value read from the negotiation, recomputed when any of its documents changes. React holds no
 * copy of the document: it holds the documents' version number and derives the rest.
 */
export function useNegotiation<T>(read: (negotiation: Negotiation) => T, deps: readonly unknown[] = []): T {
  const connection = useConnection();
  const version = useSyncExternalStore(connection.subscribe, () => connection.version(), () => connection.version());
  return useMemo(() => read(connection.negotiation), [connection, version, ...deps]);
}

/**
 * As useNegotiation, for values that may follow a frame later (the proposal views, word counts and
 * labels of the whole text): React first renders with the previous version, which costs nothing, and
 * recomputes in a background render after the keystroke is painted. The editors do not wait for it:
 * ProseMirror renders the text from Yjs directly. Until the table has loaded, nothing is deferred: the
 * first render of the text is not put behind the stream of updates that loading brings.
 */
export function useDeferredNegotiation<T>(read: (negotiation: Negotiation) => T, deps: readonly unknown[] = []): T {
  const connection = useConnection();
  const version = useSyncExternalStore(connection.subscribe, () => connection.version(), () => connection.version());
  const deferred = useDeferredValue(version);
  const loaded = useRef(false);
  const tableLoaded = connection.negotiation.table.metaMap.size > 0;
  useEffect(() => {
    if (tableLoaded) loaded.current = true;
  }, [tableLoaded]);
  const used = loaded.current ? deferred : version;
  return useMemo(() => read(connection.negotiation), [connection, used, ...deps]);
}

/** The connection's network state, pending changes and refusals. */
export function useConnectionStatus(): ConnectionStatus {
  const connection = useConnection();
  return useSyncExternalStore(connection.subscribeStatus, connection.getStatus, connection.getStatus);
}
