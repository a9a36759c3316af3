/**
 * Penholder as the bench runs it: `startServer` with its rights checks and its SQLite store, on a free
 * loopback port, printing `{"port": N}`. With --no-durability the store's writes stay in memory (same
 * code path otherwise), to measure what durability costs (scenario 5).
 */
import pino from 'pino';
import * as Y from 'yjs';
import { SqliteDocumentStore, startServer } from '../../sync-server';

const [dataDir, ...flags] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: penholder-server DATA_DIR [--no-durability]');

if (flags.includes('--no-durability')) {
  const memory = new Map<string, Uint8Array[]>();
  const load = SqliteDocumentStore.prototype.load;
  SqliteDocumentStore.prototype.appendUpdate = async function (name: string, update: Uint8Array) {
    const rows = memory.get(name);
    if (rows) rows.push(update);
    else memory.set(name, [update]);
  };
  SqliteDocumentStore.prototype.load = async function (this: SqliteDocumentStore, name: string) {
    const stored = await load.call(this, name);
    const rows = [...(stored ? [stored] : []), ...(memory.get(name) ?? [])];
    return rows.length === 0 ? null : rows.length === 1 ? rows[0]! : Y.mergeUpdates(rows);
  };
  SqliteDocumentStore.prototype.compact = async function (name: string) {
    const rows = memory.get(name);
    if (rows && rows.length > 1) memory.set(name, [Y.mergeUpdates(rows)]);
  };
}

const server = await startServer({ dataDir, port: 0, host: '127.0.0.1', staticDir: process.env.BENCH_STATIC_DIR ?? null, logger: pino({ level: 'warn' }, pino.destination(2)) });
console.log(JSON.stringify({ port: server.port }));
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
