/**
 * The slicing thread (see UpdateSlicer): reads a client's large update, which checks that it is well
 * formed, and cuts it into slices, so that neither costs the thread that serves the sockets.
 */
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';
import { sliceUpdate } from './slice-update';
import type { SliceReply, SliceRequest } from './update-slicer';

const port = parentPort!;
port.on('message', ({ id, update, maxStructs }: SliceRequest) => {
  try {
    const slices = sliceUpdate(Y.decodeUpdate(update), maxStructs);
    port.postMessage({ id, ok: true, slices } satisfies SliceReply, slices.map((s) => s.buffer as ArrayBuffer));
  } catch (error) {
    port.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies SliceReply);
  }
});
