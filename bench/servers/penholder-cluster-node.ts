/**
 * A Penholder node as `penholder serve --postgres URL --redis URL` runs it: rights checks, PostgreSQL
 * update logs (durable before echo), Redis fan-out; on a free loopback port, printing `{"port": N}`.
 */
import pino from 'pino';
import { openClusterBackend, startServer } from '../../sync-server';

const [postgres, redis] = process.argv.slice(2);
if (!postgres || !redis) throw new Error('usage: penholder-cluster-node POSTGRES_URL REDIS_URL');
const logger = pino({ level: 'warn' }, pino.destination(2));
const backend = await openClusterBackend({ postgres, redis, logger });
const server = await startServer({ backend, port: 0, host: '127.0.0.1', logger });
console.log(JSON.stringify({ port: server.port }));
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
