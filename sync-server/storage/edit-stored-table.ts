import * as Y from 'yjs';
import { Negotiation } from '../../shared/model/negotiation';
import { documentName } from '../../shared/protocol/document-names';
import type { DocumentStore } from './document-store';
import { Refusal } from '../core/refusal';
import { mergeUpdates } from '../../shared/protocol/merge-updates';

/**
 * Changes a negotiation's table document directly in the store, for the command line while no server
 * holds it: loads it, runs `edit` on the negotiation, and appends what changed as one durable update.
 */
export async function editStoredTable<T>(store: DocumentStore, negotiationId: string, edit: (negotiation: Negotiation) => T): Promise<T> {
  const name = documentName(negotiationId, { kind: 'table' });
  const stored = await store.load(name);
  if (!stored) throw new Refusal(`There is no negotiation "${negotiationId}" in this data directory.`, 404);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, stored);
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const result = edit(new Negotiation(negotiationId, doc));
  if (updates.length > 0) await store.appendUpdate(name, mergeUpdates(updates));
  doc.destroy();
  return result;
}
