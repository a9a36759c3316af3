import type { Actor, DocumentRights } from './actor';
import type { DocumentRef } from '../protocol/document-names';

/**
 * What an actor may do with one of a negotiation's documents. The sync server checks this when a
 * connection opens; the model's commands check the same before they write.
 *
 * Co-facilitators write the table; a delegation writes only its own delegation and private documents;
 * everyone invited reads the table and every delegation document; a private document is read by its
 * delegation alone; observers read only.
 */
export function documentRights(actor: Actor, ref: DocumentRef): DocumentRights {
  const own = actor.delegationId !== null && 'delegationId' in ref && ref.delegationId === actor.delegationId;
  switch (ref.kind) {
    case 'table':
      return { read: true, write: actor.role === 'cofacilitator' };
    case 'delegation':
      return { read: true, write: own && actor.role === 'delegation' };
    case 'private':
      return { read: own && actor.role !== 'observer', write: own && actor.role === 'delegation' };
  }
}
