import * as Y from 'yjs';
import { CliError } from './cli-error';
import { documentName, ID_PATTERN } from '../shared/protocol/document-names';
import { Negotiation } from '../shared/model/negotiation';
import { openDataDir, openPostgres } from '../sync-server';

/** Where a served negotiation is kept: a server's data directory, or a cluster's PostgreSQL database. */
export interface ServedNegotiation {
  dataDir?: string;
  postgres?: string;
  negotiationId: string;
}

/**
 * Reads a negotiation a server holds, straight from its store (a running server may keep serving it:
 * SQLite's WAL lets this reader in beside it): the table document and every delegation document on the
 * roster, never the private ones. Refuses, naming what to do, when there is no such negotiation.
 */
export async function loadServedNegotiation(where: ServedNegotiation): Promise<Negotiation> {
  if (!ID_PATTERN.test(where.negotiationId)) throw new CliError(`--negotiation takes a negotiation id (lowercase letters, digits and dashes), not "${where.negotiationId}"`, 2);
  const place = where.postgres ? 'this PostgreSQL database' : `the data directory ${where.dataDir}`;
  const data = where.postgres ? await openPostgres(where.postgres) : openDataDir(where.dataDir!);
  try {
    const table = await data.store.load(documentName(where.negotiationId, { kind: 'table' }));
    if (!table) throw new CliError(`there is no negotiation "${where.negotiationId}" in ${place}; check the id (penholder negotiation create prints it) and --data`);
    const negotiation = new Negotiation(where.negotiationId);
    const apply = (doc: Y.Doc, update: Uint8Array, what: string): void => {
      try {
        Y.applyUpdate(doc, update);
      } catch (error) {
        throw new CliError(`the ${what} of negotiation "${where.negotiationId}" in ${place} is damaged (${(error as Error).message}); restore the data directory from a backup`);
      }
    };
    apply(negotiation.table.doc, table, 'table document');
    for (const d of negotiation.table.roster()) {
      const stored = await data.store.load(documentName(where.negotiationId, { kind: 'delegation', delegationId: d.id }));
      if (stored) apply(negotiation.delegation(d.id).doc, stored, `document of ${d.name}`);
    }
    return negotiation;
  } finally {
    await data.close();
  }
}
