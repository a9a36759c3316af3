import { useEffect } from 'react';

/** What the export dialog opens on: the clean text, the compilation text, or a redline. */
export type ExportKind = 'clean' | 'compilation' | 'redline';

type Listener = (kind: ExportKind) => void;
const listeners = new Set<Listener>();

/**
 * Opens the export dialog of the negotiation on screen with `kind` chosen: what the desktop menu's
 * "Export Clean Text…" / "Export Compilation Text…" items call. Returns false when no negotiation is
 * open (nothing to export), so the caller can say so.
 */
export function openExportDialog(kind: ExportKind): boolean {
  for (const listener of listeners) listener(kind);
  return listeners.size > 0;
}

/** Subscribes the open negotiation's view to export requests while it is mounted. */
export function useExportRequests(listener: Listener): void {
  useEffect(() => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, [listener]);
}
