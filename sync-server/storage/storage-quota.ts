import { parseDocumentName } from '../../shared/protocol/document-names';
import type { ServerHooks } from '../core/server-hooks';
import type { ServerLimits } from '../core/server-limits';
import type { DocumentStore } from './document-store';

const MB = 1024 * 1024;
const megabytes = (bytes: number) => `${Math.round((bytes / MB) * 10) / 10} MB`;

/** The documents whose storage counts against one delegation: what it publishes and its private drafts. */
const delegationDocuments = (negotiationId: string, delegationId: string) => [`${negotiationId}/delegation/${delegationId}`, `${negotiationId}/private/${delegationId}`];

/**
 * Storage quotas, enforced before a write is applied: a document may hold at most
 * `documentQuotaBytes`, and a delegation's documents together at most `delegationQuotaBytes`. A write
 * beyond either is refused with permission-denied and a message saying which quota and what to do;
 * nothing of it is applied, stored or broadcast.
 *
 * Sizes are what the store holds (snapshot and log, asked when a document is loaded and after each
 * compaction), plus what was accepted since. A store that cannot say (no `storedBytes`) counts from
 * zero at load.
 */
export function storageQuotaHooks(store: DocumentStore, limits: Pick<ServerLimits, 'documentQuotaBytes' | 'delegationQuotaBytes'>): ServerHooks {
  /** Bytes per document name, for the loaded documents and their delegation's other documents. */
  const bytes = new Map<string, number>();
  /** Bytes accepted per document since the server started, so that an answer from the store adds what was accepted meanwhile. */
  const accepted = new Map<string, number>();
  const loaded = new Set<string>();
  const refresh = (names: string[]) => {
    if (!store.storedBytes) return;
    const before = names.map((n) => accepted.get(n) ?? 0);
    void store.storedBytes(names).then(
      // What was accepted while the store answered may or may not be in its answer: counted, to err on the safe side.
      (sizes) => names.forEach((n, i) => bytes.set(n, (sizes[i] ?? 0) + (accepted.get(n) ?? 0) - before[i]!)),
      () => undefined, // the store's own failure is reported where it writes
    );
  };
  const related = (name: string): string[] => {
    const parsed = parseDocumentName(name);
    return parsed && parsed.ref.kind !== 'table' ? delegationDocuments(parsed.negotiationId, parsed.ref.delegationId) : [name];
  };
  return {
    onLoadDocument({ documentName }) {
      loaded.add(documentName);
      refresh(related(documentName));
    },
    onUnloadDocument({ documentName }) {
      loaded.delete(documentName);
      if (!related(documentName).some((n) => loaded.has(n))) for (const n of related(documentName)) bytes.delete(n);
    },
    onCompactDocument({ documentName }) {
      refresh([documentName]);
    },
    validateUpdate({ documentName, update, identity }) {
      const own = (bytes.get(documentName) ?? 0) + update.length;
      if (own > limits.documentQuotaBytes)
        return `${documentName} would hold ${megabytes(own)}, beyond its storage quota of ${megabytes(limits.documentQuotaBytes)}: this change was not stored. Remove content it no longer needs, or ask the server's operator to raise the quota.`;
      const parsed = parseDocumentName(documentName);
      if (parsed && parsed.ref.kind !== 'table') {
        const total = related(documentName).reduce((sum, n) => sum + (n === documentName ? own : (bytes.get(n) ?? 0)), 0);
        if (total > limits.delegationQuotaBytes)
          return `${identity.delegationName ?? parsed.ref.delegationId}'s documents would hold ${megabytes(total)}, beyond the delegation's storage quota of ${megabytes(limits.delegationQuotaBytes)}: this change was not stored. Delete drafts no longer needed, or ask the server's operator to raise the quota.`;
      }
      bytes.set(documentName, own);
      accepted.set(documentName, (accepted.get(documentName) ?? 0) + update.length);
      return null;
    },
  };
}
