import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openPostgres, type PostgresData } from '../../sync-server';
import { skipCluster, TestPostgres } from './services';

describe.skipIf(skipCluster)('PostgreSQL group commit', () => {
  let postgres: TestPostgres;
  let data: PostgresData;
  let check: PostgresData;

  beforeAll(async () => {
    postgres = await TestPostgres.start();
    const db = await postgres.createDatabase();
    data = await openPostgres(db);
    check = await openPostgres(db);
  });
  afterAll(async () => {
    await data?.close();
    await check?.close();
    await postgres?.destroy();
  });

  it('stores the appends of a turn in one statement, and the next turn’s while that one commits', async () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 60; i++) doc.getArray<number>('n').push([i]);
    const names = ['g/table', 'g/delegation/a', 'g/private/a'];
    const first = updates.slice(0, 30).map((u, i) => data.store.appendUpdate(names[i % 3]!, u));
    // Handed over in a later turn, while the first group is on its way: they form the second group.
    await new Promise((r) => setImmediate(r));
    const second = updates.slice(30).map((u, i) => data.store.appendUpdate(names[i % 3]!, u));
    await Promise.all([...first, ...second]);
    expect(data.store.stats).toEqual({ groups: 2, appends: 60 });
    // Resolved means committed: another connection reads every row.
    const counts = await Promise.all(names.map((n) => check.store.rowCount(n)));
    expect(counts).toEqual([20, 20, 20]);
    const all = new Y.Doc();
    for (const n of names) Y.applyUpdate(all, (await check.store.load(n))!);
    expect(all.getArray('n').toArray()).toEqual(Array.from({ length: 60 }, (_, i) => i));
  });
});
