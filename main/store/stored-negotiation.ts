import * as Y from 'yjs';
import { parseDocumentName } from '../../shared/protocol/document-names';
import { Negotiation } from '../../shared/model/negotiation';
import type { LocalStore } from './local-store';

/** A negotiation as kept on this computer (table, delegation and private documents), or null. */
export function storedNegotiation(store: LocalStore, negotiationId: string): Negotiation | null {
  const table = store.load(`${negotiationId}/table`);
  if (!table) return null;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, table);
  const negotiation = new Negotiation(negotiationId, doc);
  for (const name of store.documents(negotiationId)) {
    const parsed = parseDocumentName(name);
    if (!parsed || parsed.ref.kind === 'table') continue;
    const update = store.load(name);
    if (update) Y.applyUpdate(negotiation.document(parsed.ref), update);
  }
  return negotiation;
}
