/**
 * The sync server's public entry: what `main/`, `cli/`, `bench/` and `test/` may use. Everything else under
 * sync-server/ is internal (lint refuses deep imports from outside).
 */
export { startServer, type RunningServer, type StartServerOptions, type ServerBackend } from './transport/start-server';
export { DEFAULT_LIMITS, type ServerLimits } from './core/server-limits';
export { Refusal } from './core/refusal';
export type { Identity, ServerHooks } from './core/server-hooks';
export { RevocationWatch, REVOCATION_POLL_MS } from './core/revocation-watch';
export { tableRulesHooks } from './core/table-rules';
export { sliceUpdate } from './core/slice-update';
export { DocumentHolder } from './core/document-holder';
export { FullState } from './core/full-state';
export { UpdateSlicer } from './core/update-slicer';
export { invitationLink } from './core/invitation-link';
export type { DocumentStore } from './storage/document-store';
export { editStoredTable } from './storage/edit-stored-table';
export { inviteDelegation, parseExpiry, parseRole, type InviteContext } from './storage/invite-delegation';
export { openDataDir, type DataDir } from './storage/sqlite/open-data-dir';
export { SqliteDocumentStore, snapshotOf } from './storage/sqlite/sqlite-document-store';
export { SqliteWorkerStore } from './storage/sqlite/sqlite-worker-store';
export { DataDirError } from './storage/sqlite/data-dir-error';
export { openPostgres, type PostgresData } from './storage/postgres/open-postgres';
export { migrate } from './storage/postgres/migrations';
export { openClusterBackend } from './cluster/open-cluster-backend';
export { publishUpdates } from './cluster/redis/publish-updates';
export { documentChannel, fanoutMessage, Kind } from './cluster/redis/redis-fanout';
export { chromiumPrinter, NoChromiumError, DEFAULT_CHROMIUM } from './export/chromium-printer';
