import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, makeDataDir, waitFor, type TestClient } from './harness';
import { serve } from '../../testing/penholder-cli';

/**
 * Crashes injected inside the storage thread's group commit (PENHOLDER_STORAGE_FAULT, read by the
 * thread): a writer types without pause while a reader records what was fanned out to it. Whatever
 * the reader saw must be stored; nothing is lost once the writer is back.
 */
describe('a crash inside a group commit', () => {
  let child: ChildProcess | null = null;
  const clients: TestClient[] = [];
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
    child?.kill('SIGKILL');
    child = null;
  });

  /** Pushes one number every few milliseconds until stopped. */
  const type = (client: TestClient) => {
    let next = 0;
    const timer = setInterval(() => client.doc.getArray<number>('n').push([next++]), 3);
    return { stop: () => clearInterval(timer), count: () => next };
  };
  const stored = async (dir: string, name: string, token: string): Promise<number[]> => {
    const started = await serve(dir);
    child = started.child;
    const check = connectClient(started.wsUrl, name, token);
    clients.push(check);
    await check.synced;
    return check.doc.getArray<number>('n').toArray();
  };

  it('kill -9 of the process: every update fanned out before the kill is stored', { timeout: 240_000 }, async () => {
    const made = await makeDataDir();
    const token = await made.invite('delegation', 'Mexico');
    const name = `${made.negotiationId}/delegation/mexico`;
    const started = await serve(made.dir, { PENHOLDER_STORAGE_FAULT: 'kill-in-commit:40' });
    child = started.child;
    const exited = new Promise((r) => started.child.once('exit', r));
    const writer = connectClient(started.wsUrl, name, token, { maxBackoffTime: 60_000 });
    const reader = connectClient(started.wsUrl, name, token, { maxBackoffTime: 60_000 });
    clients.push(writer, reader);
    await Promise.all([writer.synced, reader.synced]);
    const typing = type(writer);
    await exited;
    typing.stop();
    const seen = reader.doc.getArray<number>('n').toArray();
    expect(seen.length).toBeGreaterThan(0);
    // The group being committed was never confirmed: the writer holds more than anyone was shown.
    expect(typing.count()).toBeGreaterThan(seen.length);
    writer.provider.disconnect();
    reader.provider.disconnect();
    const after = await stored(made.dir, name, token);
    expect(after.slice(0, seen.length)).toEqual(seen);
  });

  it('the storage thread dies: its group is refused, the server serves on, and the writer’s resend is stored', { timeout: 240_000 }, async () => {
    const made = await makeDataDir();
    const token = await made.invite('delegation', 'Mexico');
    const name = `${made.negotiationId}/delegation/mexico`;
    const started = await serve(made.dir, { PENHOLDER_STORAGE_FAULT: 'exit-in-commit:40' });
    child = started.child;
    const writer = connectClient(started.wsUrl, name, token, { maxBackoffTime: 200 });
    const reader = connectClient(started.wsUrl, name, token, { maxBackoffTime: 200 });
    clients.push(writer, reader);
    await Promise.all([writer.synced, reader.synced]);
    const typing = type(writer);
    // The failed group closes the document's clients with 1011, and only then.
    await waitFor(() => reader.closes.some((c) => c.code === 1011), 'the 1011 close of the failed group', 30_000);
    typing.stop();
    const total = typing.count();
    // The stock clients reconnect to the same process: the writer's sync step 2 resends what was lost.
    await waitFor(() => reader.doc.getArray('n').length === total, `the reader to hold all ${total} numbers again`, 30_000);
    expect(started.child.exitCode).toBeNull();
    writer.provider.disconnect();
    reader.provider.disconnect();
    child.kill('SIGTERM');
    await new Promise((r) => started.child.once('exit', r));
    expect(await stored(made.dir, name, token)).toEqual(Array.from({ length: total }, (_, i) => i));
  });
});
