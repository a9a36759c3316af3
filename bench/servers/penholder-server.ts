/**
 * Penholder as the bench runs it: `startServer` with its rights checks and its SQLite store, on a free
 * loopback port, printing `{"port": N}`. With --no-durability the store commits without fsync (same
 * code path otherwise), to measure what durability costs (scenario 5). BENCH_MAX_CONNECTIONS_PER_ADDRESS and
 * BENCH_MAX_CONNECTIONS_PER_TOKEN raise the per-address and per-token limits: the generator opens every client's
 * sockets from one loopback address, its readers under one observer token, which a room's laptops would not.
 */
import pino from 'pino';
import { startServer } from '../../sync-server';

const [dataDir, ...flags] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: penholder-server DATA_DIR [--no-durability]');

const raised = (name: string): number | undefined => (Number(process.env[name]) > 0 ? Number(process.env[name]) : undefined);
const perAddress = raised('BENCH_MAX_CONNECTIONS_PER_ADDRESS');
const perToken = raised('BENCH_MAX_CONNECTIONS_PER_TOKEN');
const limits = { ...(perAddress && { maxConnectionsPerAddress: perAddress }), ...(perToken && { maxConnectionsPerToken: perToken }) };
const server = await startServer({ dataDir, limits, durable: !flags.includes('--no-durability'), port: 0, host: '127.0.0.1', staticDir: process.env.BENCH_STATIC_DIR ?? null, logger: pino({ level: 'warn' }, pino.destination(2)) });
console.log(JSON.stringify({ port: server.port }));
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
