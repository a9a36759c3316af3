/**
 * Penholder as the bench runs it: `startServer` with its rights checks and its SQLite store, on a free
 * loopback port, printing `{"port": N}`. With --no-durability the store commits without fsync (same
 * code path otherwise), to measure what durability costs (scenario 5). BENCH_MAX_CONNECTIONS_PER_ADDRESS raises
 * the per-address limit: the generator opens every client's sockets from one loopback address, which a room's
 * laptops would not.
 */
import pino from 'pino';
import { startServer } from '../../sync-server';

const [dataDir, ...flags] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: penholder-server DATA_DIR [--no-durability]');

const perAddress = Number(process.env.BENCH_MAX_CONNECTIONS_PER_ADDRESS);
const limits = perAddress > 0 ? { maxConnectionsPerAddress: perAddress } : {};
const server = await startServer({ dataDir, limits, durable: !flags.includes('--no-durability'), port: 0, host: '127.0.0.1', staticDir: process.env.BENCH_STATIC_DIR ?? null, logger: pino({ level: 'warn' }, pino.destination(2)) });
console.log(JSON.stringify({ port: server.port }));
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
