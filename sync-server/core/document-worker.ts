/**
 * The thread that holds one large document (see DocumentThread): its Y structures live in this
 * thread's heap, are applied and collected here, and only what the serving thread needs comes back.
 *
 * PENHOLDER_DOCUMENT_FAULT injects a crash for the durability tests: `exit-in-apply:N` ends this
 * thread while it applies the Nth client update it was given.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lowerThreadPriority } from './background-thread';
import { DocumentHolder, type DocumentRequest, type DocumentWorkerData } from './document-holder';

lowerThreadPriority();
const port = parentPort!;
const { delegationId, seed } = workerData as DocumentWorkerData;
const holder = new DocumentHolder(delegationId, seed);
const fault = /^exit-in-apply:(\d+)$/.exec(process.env.PENHOLDER_DOCUMENT_FAULT ?? '');
let applies = 0;
port.on('message', (request: DocumentRequest) => {
  if (fault && request.op === 'apply' && ++applies === Number(fault[1])) process.exit(70);
  const reply = holder.answer(request);
  // Each update Yjs emits has a buffer of its own: handed over, not copied.
  port.postMessage(reply, [...new Set(reply.updates.map((u) => u.buffer as ArrayBuffer))]);
});
