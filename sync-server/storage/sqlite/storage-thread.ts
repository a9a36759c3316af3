import type { Worker } from 'node:worker_threads';
import { spawnWorker } from '../../core/spawn-worker';
import type { WorkerError, WorkerHello, WorkerOptions, WorkerReply, WorkerRequest } from './worker-protocol';

type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** An error a storage thread reported, with its code kept (SQLITE_FULL, ENOSPC…). */
export class StorageThreadError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'StorageThreadError';
  }
}

const fromWorker = (e: WorkerError) => new StorageThreadError(e.message, e.code);

/** The worker entry: sqlite-worker.js beside this module when bundled, else its TypeScript source. */
function spawn(options: WorkerOptions): Worker {
  return spawnWorker('sqlite-worker', import.meta.url, options);
}

/**
 * One storage thread seen from the server's thread: requests answered in order, as promises. When the
 * thread dies (a crash, a fault injected by the tests), every request it had not answered fails, and
 * the next request starts a fresh thread on the same database.
 */
export class StorageThread {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private closed = false;

  constructor(private readonly options: WorkerOptions) {}

  /** Starts the thread and resolves once its database is open; rejects with the reason it is not. */
  start(): Promise<void> {
    if (this.ready) return this.ready;
    const worker = spawn(this.options);
    this.worker = worker;
    const ready = new Promise<void>((resolve, reject) => {
      worker.once('message', (hello: WorkerHello) => {
        if (!hello.ready) return reject(fromWorker(hello.error));
        worker.on('message', (reply: WorkerReply) => this.answer(reply));
        resolve();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => {
        reject(new StorageThreadError(`the storage thread stopped before opening the database (exit code ${code})`));
        this.died(worker, code);
      });
    });
    // A thread that never opened is forgotten: the next request tries again.
    this.ready = ready.catch((error: unknown) => {
      if (this.worker === worker) this.ready = null;
      throw error;
    });
    worker.on('error', () => undefined);
    return this.ready;
  }

  /** Sends a request (starting the thread if needed) and resolves with its answer; the buffers of `transfer` are handed over, no longer usable here. */
  async request<T>(request: Request, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.closed) throw new StorageThreadError('the store is closed');
    await this.start();
    const worker = this.worker!;
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...request, id } as WorkerRequest, transfer);
    });
  }

  /** Stops the thread once it has answered everything sent before. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const worker = this.worker;
    if (!worker || !this.ready) return;
    try {
      await this.ready;
    } catch {
      return;
    }
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ id: 0, op: 'close' } satisfies WorkerRequest);
    await exited;
  }

  private answer(reply: WorkerReply): void {
    const waiter = this.waiting.get(reply.id);
    if (!waiter) return;
    this.waiting.delete(reply.id);
    if (reply.ok) waiter.resolve(reply.value);
    else waiter.reject(fromWorker(reply.error));
  }

  private died(worker: Worker, code: number): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.ready = null;
    const error = new StorageThreadError(`the storage thread stopped (exit code ${code}); what it had not confirmed was not stored`);
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}
