/**
 * The thread that holds one large document (see DocumentThread): its Y structures live in this
 * thread's heap, are applied and collected here, and only what the serving thread needs comes back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lowerThreadPriority } from './background-thread';
import { DocumentHolder, type DocumentRequest, type DocumentWorkerData } from './document-holder';

lowerThreadPriority();
const port = parentPort!;
const { delegationId, seed } = workerData as DocumentWorkerData;
const holder = new DocumentHolder(delegationId, seed);
port.on('message', (request: DocumentRequest) => {
  const reply = holder.answer(request);
  // Each update Yjs emits has a buffer of its own: handed over, not copied.
  port.postMessage(reply, [...new Set(reply.updates.map((u) => u.buffer as ArrayBuffer))]);
});
