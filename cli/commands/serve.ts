import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { startServer, type ServerBackend, openClusterBackend, DEFAULT_LIMITS, type ServerLimits } from '../../sync-server';
import { CliError } from '../cli-error';
import { builtWebEdition } from '../web-edition-build';
import type { Command } from '../command';

const LIMIT_ENV: Record<keyof ServerLimits, string> = {
  maxFrameBytes: 'PENHOLDER_MAX_FRAME_BYTES',
  messagesPerSecond: 'PENHOLDER_MESSAGES_PER_SECOND',
  messageBurst: 'PENHOLDER_MESSAGE_BURST',
  maxBufferedBytes: 'PENHOLDER_MAX_BUFFERED_BYTES',
  idleUnloadMs: 'PENHOLDER_IDLE_UNLOAD_MS',
  compactAfterUpdates: 'PENHOLDER_COMPACT_AFTER_UPDATES',
  revalidateMs: 'PENHOLDER_REVALIDATE_MS',
  documentQuotaBytes: 'PENHOLDER_DOCUMENT_QUOTA_BYTES',
  delegationQuotaBytes: 'PENHOLDER_DELEGATION_QUOTA_BYTES',
  memoryBudgetBytes: 'PENHOLDER_MEMORY_BUDGET_BYTES',
  maxAwarenessIdsPerConnection: 'PENHOLDER_MAX_AWARENESS_IDS_PER_CONNECTION',
  maxAwarenessStateBytes: 'PENHOLDER_MAX_AWARENESS_STATE_BYTES',
  maxConnectionsPerToken: 'PENHOLDER_MAX_CONNECTIONS_PER_TOKEN',
  maxConnectionsPerAddress: 'PENHOLDER_MAX_CONNECTIONS_PER_ADDRESS',
  offThreadAboveBytes: 'PENHOLDER_OFF_THREAD_ABOVE_BYTES',
};

/** The limits with flags of their own (flags win over the environment). */
const LIMIT_FLAGS = {
  'memory-budget-mb': { key: 'memoryBudgetBytes', scale: 2 ** 20 },
  'max-connections-per-token': { key: 'maxConnectionsPerToken', scale: 1 },
  'max-connections-per-address': { key: 'maxConnectionsPerAddress', scale: 1 },
} as const satisfies Record<string, { key: keyof ServerLimits; scale: number }>;

function limitsFromFlags(values: Partial<Record<keyof typeof LIMIT_FLAGS, string>>): Partial<ServerLimits> {
  const limits: Partial<ServerLimits> = {};
  for (const [flag, { key, scale }] of Object.entries(LIMIT_FLAGS) as [keyof typeof LIMIT_FLAGS, (typeof LIMIT_FLAGS)[keyof typeof LIMIT_FLAGS]][]) {
    const raw = values[flag];
    if (raw === undefined) continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0) throw new CliError(`--${flag} must be a positive integer; got "${raw}".`);
    limits[key] = value * scale;
  }
  return limits;
}

function limitsFromEnv(env: NodeJS.ProcessEnv): Partial<ServerLimits> {
  const limits: Partial<ServerLimits> = {};
  for (const [key, name] of Object.entries(LIMIT_ENV) as [keyof ServerLimits, string][]) {
    const raw = env[name];
    if (raw === undefined) continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0) throw new CliError(`${name} must be a positive integer; got "${raw}".`);
    limits[key] = value;
  }
  return limits;
}

function parsePort(raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be 0–65535; got "${raw}".`);
  return port;
}

/** `penholder serve`: runs the sync server until SIGTERM or SIGINT. */
export const serve: Command = {
  summary: 'Run the sync server for negotiations in a data directory',
  usage: [
    'penholder serve --data DIR [--port P] [--host 127.0.0.1] [--static DIR] [--public-url ws://…]',
    'penholder serve --postgres URL --redis URL [--port P] …   (one node of several)',
    '',
    '  --data DIR        data directory (env PENHOLDER_DATA)',
    '  --postgres URL    instead of --data: PostgreSQL shared by every node (env PENHOLDER_POSTGRES)',
    '  --redis URL       Redis carrying updates and presence between nodes (env PENHOLDER_REDIS)',
    '  --port P          port, 0 for any free one (env PENHOLDER_PORT; default 1234)',
    '  --host H          address to listen on (env PENHOLDER_HOST; default 127.0.0.1, 0.0.0.0 for the room\'s network)',
    '  --static DIR      the web edition to serve at / (default renderer/dist)',
    '  --public-url URL  the ws:// address put in invitation links made through the admin API',
    `  --memory-budget-mb N            memory for send buffers and loaded documents (default ${DEFAULT_LIMITS.memoryBudgetBytes / 2 ** 20});`,
    '                                  over it the slowest readers are closed (4508) before more is queued',
    `  --max-connections-per-token N   open connections per invitation (default ${DEFAULT_LIMITS.maxConnectionsPerToken}; more close with 4429)`,
    `  --max-connections-per-address N open connections per network address (default ${DEFAULT_LIMITS.maxConnectionsPerAddress}; more close with 4429)`,
    '',
    `Limits from the environment: ${Object.values(LIMIT_ENV).join(', ')}`,
    `(defaults: ${Object.entries(DEFAULT_LIMITS).map(([k, v]) => `${k}=${v}`).join(', ')}).`,
    'Prints "listening on http://HOST:PORT"; logs (pino JSON) go to stderr.',
  ].join('\n'),
  async run(args) {
    const { values } = parseArgs({ args, options: { data: { type: 'string' }, postgres: { type: 'string' }, redis: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, static: { type: 'string' }, 'public-url': { type: 'string' }, 'memory-budget-mb': { type: 'string' }, 'max-connections-per-token': { type: 'string' }, 'max-connections-per-address': { type: 'string' } } });
    const limits = { ...limitsFromEnv(process.env), ...limitsFromFlags(values) };
    const postgres = values.postgres ?? process.env.PENHOLDER_POSTGRES;
    const redis = values.redis ?? process.env.PENHOLDER_REDIS;
    const dataDir = values.data ?? process.env.PENHOLDER_DATA;
    if (!dataDir && !postgres) throw new CliError('--data DIR is required (or set PENHOLDER_DATA), or --postgres URL for a node sharing PostgreSQL.');
    if (redis && !postgres) throw new CliError('--redis URL needs --postgres URL: nodes share their documents through PostgreSQL.');
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
    const logger = pino({ level: process.env.PENHOLDER_LOG_LEVEL ?? 'info' }, pino.destination(2));
    let backend: ServerBackend | undefined;
    if (postgres) {
      try {
        backend = await openClusterBackend({ postgres, redis: redis ?? null, logger });
      } catch (error) {
        throw new CliError(`could not open PostgreSQL: ${(error as Error).message}`);
      }
    }
    const server = await startServer({
      ...(backend ? { backend } : { dataDir: dataDir! }),
      port: parsePort(values.port ?? process.env.PENHOLDER_PORT ?? '1234'),
      host: values.host ?? process.env.PENHOLDER_HOST ?? '127.0.0.1',
      staticDir: values.static ?? builtWebEdition(root) ?? path.join(root, 'renderer', 'dist'),
      ...(values['public-url'] ? { publicUrl: values['public-url'] } : {}),
      limits,
      logger,
    });
    console.log(`listening on ${server.url}`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGTERM', stop);
        process.off('SIGINT', stop);
        void server.close().then(resolve);
      };
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
    });
    return 0;
  },
};
