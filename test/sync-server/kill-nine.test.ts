import type { ChildProcess } from 'node:child_process';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, makeDataDir, rawSocket, waitFor } from './harness';
import { updateFrame } from '../../shared/protocol/messages';
import { serve } from '../../testing/penholder-cli';

describe('kill -9 right after an echo', () => {
  let child: ChildProcess | null = null;
  afterEach(() => {
    child?.kill('SIGKILL');
  });

  it('loses nothing, ten times over', { timeout: 360_000 }, async () => {
    const made = await makeDataDir();
    const token = await made.invite('delegation', 'Mexico');
    const name = `${made.negotiationId}/delegation/mexico`;
    const writer = new Y.Doc();
    for (let round = 0; round < 10; round++) {
      const started = await serve(made.dir);
      child = started.child;
      const raw = await rawSocket(started.wsUrl, name, token);
      let update: Uint8Array | null = null;
      writer.once('update', (u: Uint8Array) => (update = u));
      writer.getArray<number>('rounds').push([round]);
      raw.ws.send(updateFrame(update!));
      // The echo: the server's merged update frame (sync, update) carrying our write.
      const expected = updateFrame(update!);
      await waitFor(() => raw.frames.some((f) => f.length === expected.length && f.every((b, i) => b === expected[i])), `echo of round ${round}`);
      child.kill('SIGKILL');
      await new Promise((r) => child!.once('exit', r));
      child = null;
    }
    const started = await serve(made.dir);
    child = started.child;
    const reader = connectClient(started.wsUrl, name, token);
    await reader.synced;
    expect(reader.doc.getArray('rounds').toArray()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    reader.destroy();
  });
});
