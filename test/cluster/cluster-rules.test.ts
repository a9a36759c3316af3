import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { editStoredTable, inviteDelegation, type RunningServer } from '../../sync-server';
import { waitFor, type ClusterClient } from './cluster-harness';
import { skipCluster } from './services';
import { useCluster } from './use-cluster';
import { cofac, sampleNegotiation } from '../model/fixture';
import { Negotiation } from '../../shared/model/negotiation';
import { reopen, setStatus } from '../../shared/model/facilitator-commands';
import { flatText } from '../../shared/text/rich-text';
import { textRuns } from '../../shared/text/y-rich-text';

/*
 * Each node checks a co-facilitator's change against its own copy of the table, which catches up with
 * what other nodes published only when it checks. A status set through one node binds the writers of
 * every other node at once, and lifting it frees them at once.
 */
describe.skipIf(skipCluster)('the rules on a table written through two nodes', () => {
  const cluster = useCluster();
  let nodes: RunningServer[] = [];
  const data = () => cluster.seeded.data;
  const facilitator = async (node: RunningServer, token: string): Promise<{ c: ClusterClient; n: Negotiation }> => {
    const c = cluster.client(node.wsUrl, 'sample/table', token);
    await c.synced();
    return { c, n: new Negotiation('sample', c.doc) };
  };
  const storedText = async (id: string): Promise<string> => {
    const n = new Negotiation('sample');
    Y.applyUpdate(n.table.doc, (await data().store.load('sample/table'))!);
    return flatText(n.table.paragraph(id)!.text);
  };

  beforeAll(async () => {
    await data().store.appendUpdate('sample/table', Y.encodeStateAsUpdate(sampleNegotiation().negotiation.table.doc));
    nodes = [await cluster.node(), await cluster.node()];
  });

  it('refuses words changed in a paragraph agreed through the other node, and lets them through once it is reopened there', { timeout: 60_000 }, async () => {
    const invite = async () =>
      (
        await inviteDelegation(
          { invitations: data().invitations, serverUrl: null, editTable: (id, edit) => editStoredTable(data().store, id, edit) },
          { negotiationId: 'sample', delegationName: null, role: 'cofacilitator', expiresAt: null },
        )
      ).token;
    const ireland = await facilitator(nodes[0]!, await invite());
    const namibia = await facilitator(nodes[1]!, await invite());
    // Typing through node 1 first, so that its copy of the table exists before the other node's decision.
    const run = () => textRuns(ireland.n.table.textFragment('p3'))[0]!.text;
    run().insert(run().length - 1, ' in New York');
    await waitFor(async () => (await storedText('p3')) === 'Decides to convene a high-level meeting in 2021 in New York;', 'the first words stored');

    setStatus(namibia.n, cofac, 'p3', { state: 'agreed' });
    await waitFor(() => ireland.n.table.paragraph('p3')!.status.state === 'agreed', 'the agreement to reach node 1');
    run().insert(0, 'Also ');
    await waitFor(() => ireland.c.denied.length > 0, 'permission-denied on node 1');
    expect(ireland.c.denied[0]).toContain('(agreed-paragraph)');
    expect(await storedText('p3')).toBe('Decides to convene a high-level meeting in 2021 in New York;');

    // Node 1's client keeps its refused words locally: a fresh one writes after the reopening.
    reopen(namibia.n, cofac, 'p3');
    const again = await facilitator(nodes[0]!, await invite());
    await waitFor(() => again.n.table.paragraph('p3')!.status.state === 'open', 'the reopening to reach node 1');
    const fresh = textRuns(again.n.table.textFragment('p3'))[0]!.text;
    fresh.insert(fresh.length - 1, ', at the highest level');
    await waitFor(async () => (await storedText('p3')) === 'Decides to convene a high-level meeting in 2021 in New York, at the highest level;', 'the words after the reopening stored');
    expect(again.c.denied).toEqual([]);
  });
});
