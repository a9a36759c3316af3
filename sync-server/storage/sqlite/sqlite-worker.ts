/**
 * A storage thread (see SqliteWorkerStore): one SQLite connection, requests answered in order. Every
 * synchronous cost of storage happens here rather than on the server's event loop: the writer's commits
 * and their fsync, the reader's loads and the snapshots compaction is made of.
 *
 * PENHOLDER_STORAGE_FAULT injects a crash for the durability tests: `kill-in-commit:N` kills the whole
 * process with SIGKILL inside the Nth group commit (rows inserted, not committed); `exit-in-commit:N`
 * ends only this thread there.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lowerThreadPriority } from '../../core/background-thread';
import { openDatabase } from './open-database';
import { SqliteDocumentStore } from './sqlite-document-store';
import { transferableBuffer, type WorkerError, type WorkerHello, type WorkerOptions, type WorkerReply, type WorkerRequest } from './worker-protocol';
import type { Compaction } from './sqlite-document-store';

const options = workerData as WorkerOptions;
const port = parentPort!;

const asError = (error: unknown): WorkerError => ({ message: error instanceof Error ? error.message : String(error), ...(typeof (error as { code?: unknown }).code === 'string' ? { code: (error as { code: string }).code } : {}) });

const fault = /^(kill|exit)-in-commit:(\d+)$/.exec(process.env.PENHOLDER_STORAGE_FAULT ?? '');
let groups = 0;

function open(): { db: ReturnType<typeof openDatabase>; store: SqliteDocumentStore } | null {
  try {
    const db = openDatabase(options.dataDir, { synchronous: options.synchronous });
    return { db, store: new SqliteDocumentStore(db) };
  } catch (error) {
    port.postMessage({ ready: false, error: asError(error) } satisfies WorkerHello);
    return null;
  }
}

/** The buffers of a load's rows or a snapshot, handed to the server's thread rather than copied. */
function transferable(value: unknown): ArrayBuffer[] {
  if (Array.isArray(value)) return value.filter((v): v is Uint8Array => v instanceof Uint8Array).flatMap(transferableBuffer);
  const snapshot = (value as Partial<Compaction> | null)?.snapshot;
  return snapshot instanceof Uint8Array ? transferableBuffer(snapshot) : [];
}

// The reader's loads and snapshots yield the cores to the serving thread and to the writer, which every echo waits for.
if (options.role === 'reader') lowerThreadPriority();
const opened = open();
if (opened) {
  const { db, store } = opened;
  const probe = db.prepare("INSERT INTO health (id, checked_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at");
  const append = (request: Extract<WorkerRequest, { op: 'append' }>): void => {
    groups++;
    if (!fault || groups !== Number(fault[2])) return store.appendAll(request.batch);
    db.transaction(() => {
      store.appendAll(request.batch);
      if (fault[1] === 'kill') process.kill(process.pid, 'SIGKILL');
      else process.exit(70);
    })();
  };
  const handle = (request: WorkerRequest): unknown => {
    switch (request.op) {
      case 'append':
        return append(request);
      case 'replace':
        return store.replace(request.name, request.compaction);
      case 'probe':
        return probe.run(new Date().toISOString()).changes;
      case 'load':
        // Copied into buffers of their own, so that they can be handed over (transferred), not copied again.
        return store.loadUpdates(request.name).map((row) => new Uint8Array(row));
      case 'snapshot':
        return store.snapshot(request.name);
      case 'sizes':
        return request.names.map((n) => store.storedBytesOf(n));
      case 'to-compact':
        return store.documentsToCompact(request.minRows);
      case 'close':
        db.close();
        port.close();
        return null;
    }
  };
  port.on('message', (request: WorkerRequest) => {
    let reply: WorkerReply;
    try {
      reply = { id: request.id, ok: true, value: handle(request) };
    } catch (error) {
      reply = { id: request.id, ok: false, error: asError(error) };
    }
    if (request.op === 'close') return;
    port.postMessage(reply, reply.ok ? transferable(reply.value) : []);
  });
  port.postMessage({ ready: true } satisfies WorkerHello);
}
