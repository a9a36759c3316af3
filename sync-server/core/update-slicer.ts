import type { Worker } from 'node:worker_threads';
import * as Y from 'yjs';
import type { Logger } from 'pino';
import { syncStep2Frame, updateFrame } from '../../shared/protocol/messages';
import { snapshotOf } from '../storage/sqlite/snapshot-of';
import type { StateEncoder } from './full-state';
import { packUpdates } from './pack-updates';
import { sliceUpdate } from './slice-update';
import { spawnWorker } from './spawn-worker';
import { mergeUpdates } from '../../shared/protocol/merge-updates';

/** A request to the slicing thread: slice a client's update, or make one frame of a document's updates (a snapshot as a sync step 2, or merged as they are as an update). */
export type SliceRequest = { id: number; op: 'slice'; update: Uint8Array; maxStructs: number } | { id: number; op: 'snapshot' | 'merge'; updates: Uint8Array[] };
/** Its answer: the slices (the frame alone), or why the update could not be read. */
export type SliceReply = { id: number; ok: true; parts: Uint8Array[] } | { id: number; ok: false; message: string };

/** What a request asks, done on whichever thread runs it. */
export function answer(request: SliceRequest): Uint8Array[] {
  switch (request.op) {
    case 'slice':
      return sliceUpdate(Y.decodeUpdate(request.update), request.maxStructs);
    case 'snapshot':
      return [syncStep2Frame(snapshotOf(request.updates))];
    case 'merge':
      return [updateFrame(mergeUpdates(request.updates))];
  }
}

/**
 * Reads and slices clients' large updates, and encodes the whole state of documents for newcomers (and
 * merges the updates made since), on a thread of their own (slicer-worker.ts), started at the first; a malformed update rejects with what
 * is wrong. Where the thread cannot run, the work is done here, on the calling thread, as before.
 */
export class UpdateSlicer implements StateEncoder {
  private worker: Worker | null = null;
  private failed = false;
  private nextId = 1;
  private readonly waiting = new Map<number, { request: SliceRequest; resolve: (slices: Uint8Array[]) => void; reject: (error: Error) => void }>();

  constructor(private readonly logger: Logger) {}

  /** Reads `update` (throwing if malformed) and cuts it into slices of at most `maxStructs` structs. */
  slice(update: Uint8Array, maxStructs: number): Promise<Uint8Array[]> {
    return this.request({ id: this.nextId++, op: 'slice', update, maxStructs });
  }

  async snapshotFrame(updates: Uint8Array[]): Promise<Uint8Array> {
    const [frame] = await this.request({ id: this.nextId++, op: 'snapshot', updates });
    return frame!;
  }

  async mergedFrame(updates: Uint8Array[]): Promise<Uint8Array> {
    const [frame] = await this.request({ id: this.nextId++, op: 'merge', updates });
    return frame!;
  }

  private request(request: SliceRequest): Promise<Uint8Array[]> {
    const worker = this.start();
    if (!worker) return Promise.resolve().then(() => answer(request));
    // The thread gets a copy in one buffer, handed over (a clone of a 5 MB whole held this thread 4–9 ms);
    // the request is kept as it was, to be answered here should the thread stop.
    const { views, transfer } = packUpdates(request.op === 'slice' ? [request.update] : request.updates);
    const packed: SliceRequest = request.op === 'slice' ? { ...request, update: views[0]! } : { ...request, updates: views };
    return new Promise((resolve, reject) => {
      this.waiting.set(request.id, { request, resolve, reject });
      worker.postMessage(packed, transfer);
    });
  }

  /** Stops the thread. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.failed = true;
    await worker?.terminate();
  }

  private start(): Worker | null {
    if (this.worker || this.failed) return this.worker;
    try {
      const worker = spawnWorker('slicer-worker', import.meta.url, null);
      worker.unref();
      worker.on('message', (reply: SliceReply) => {
        const waiter = this.waiting.get(reply.id);
        this.waiting.delete(reply.id);
        if (reply.ok) waiter?.resolve(reply.parts);
        else waiter?.reject(new Error(reply.message));
      });
      worker.on('error', (error) => this.stopped(worker, error));
      worker.on('exit', (code) => this.stopped(worker, new Error(`the slicing thread stopped (exit code ${code})`)));
      this.worker = worker;
    } catch (error) {
      this.stopped(null, error);
    }
    return this.worker;
  }

  /** The thread is gone: what it had not answered, and every large update from now on, is sliced here. */
  private stopped(worker: Worker | null, error: unknown): void {
    if (worker && this.worker !== worker) return;
    if (!this.failed) this.logger.warn({ err: error }, 'the slicing thread stopped; large updates are read, and full states encoded, on the serving thread');
    this.worker = null;
    this.failed = true;
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const { request, resolve, reject } of waiting) {
      try {
        resolve(answer(request));
      } catch (sliceError) {
        reject(sliceError as Error);
      }
    }
  }
}
