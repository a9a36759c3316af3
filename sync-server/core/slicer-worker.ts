/**
 * The slicing thread (see UpdateSlicer): reads a client's large update, which checks that it is well
 * formed, and cuts it into slices; encodes a document's whole state for newcomers; so that none of it
 * costs the thread that serves the sockets, nor (at a lower priority) competes with it for a core.
 */
import { parentPort } from 'node:worker_threads';
import { lowerThreadPriority } from './background-thread';
import { answer, type SliceReply, type SliceRequest } from './update-slicer';

lowerThreadPriority();
const port = parentPort!;
port.on('message', (request: SliceRequest) => {
  try {
    const parts = answer(request);
    port.postMessage({ id: request.id, ok: true, parts } satisfies SliceReply, parts.map((s) => s.buffer as ArrayBuffer));
  } catch (error) {
    port.postMessage({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies SliceReply);
  }
});
