import { describe, expect, it } from 'vitest';
import { waitFor } from './cluster-harness';
import { skipCluster } from './services';
import { useCluster } from './use-cluster';

/** How long each of node 2's own writes takes to commit. */
const SLOW_COMMIT_MS = 5_000;

/*
 * What another node published is durable already: a node sends it to its clients at once, whatever its
 * own clients' writes are waiting for meanwhile (here, a commit that takes 5 s on node 2).
 */
describe.skipIf(skipCluster)('another node’s update on a node whose own commit is slow', () => {
  const cluster = useCluster();

  it('reaches that node’s clients without waiting for its commit in progress', { timeout: 60_000 }, async () => {
    const nodes = [await cluster.node(), await cluster.node({ slowAppendMs: SLOW_COMMIT_MS })];
    const { seeded } = cluster;
    const { token } = await seeded.invite('delegation', 'Chile');
    const name = `${seeded.negotiationId}/delegation/chile`;
    const [onFast, onSlow] = [cluster.client(nodes[0]!.wsUrl, name, token), cluster.client(nodes[1]!.wsUrl, name, token)];
    await Promise.all([onFast.synced(), onSlow.synced()]);
    // Node 2's client writes: node 2 starts its slow commit.
    onSlow.doc.getArray<string>('log').push(['through node 2']);
    const written = performance.now();
    // Node 1's client writes meanwhile; node 1 commits it and publishes it.
    onFast.doc.getArray<string>('log').push(['through node 1']);
    await waitFor(() => onSlow.doc.getArray<string>('log').toArray().includes('through node 1') && onFast.doc.getArray<string>('log').length >= 1, 'node 1’s write on node 2’s client', 30_000);
    const arrived = performance.now() - written;
    // Node 2's own write is still committing: it has not reached node 1's client.
    expect(onFast.doc.getArray<string>('log').toArray()).toEqual(['through node 1']);
    expect(arrived).toBeLessThan(SLOW_COMMIT_MS);
    await waitFor(() => onFast.doc.getArray<string>('log').length === 2, 'node 2’s write, once committed, on node 1’s client', 30_000);
  });
});
