import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { documentChannel, fanoutMessage, Kind } from './redis-fanout';

/**
 * Tells running nodes about updates the command line made durable in PostgreSQL (a roster change by
 * `penholder invite --postgres … --redis …`), so that their connected clients see them at once.
 * Throws when Redis cannot be reached; the updates are stored anyway and nodes read them on next load.
 */
export async function publishUpdates(url: string, updates: readonly { name: string; update: Uint8Array }[]): Promise<void> {
  if (updates.length === 0) return;
  const redis = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 3_000 });
  redis.on('error', () => undefined);
  const nodeId = randomBytes(8);
  try {
    await redis.connect();
    for (const { name, update } of updates) await redis.publish(documentChannel(name), fanoutMessage(nodeId, Kind.update, update));
  } finally {
    redis.disconnect();
  }
}
