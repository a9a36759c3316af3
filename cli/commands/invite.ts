import { parseArgs } from 'node:util';
import { ID_PATTERN } from '../../shared/protocol/document-names';
import { editStoredTable, inviteDelegation, parseExpiry, parseRole, openDataDir, openPostgres, publishUpdates, Refusal } from '../../sync-server';
import { CliError } from '../cli-error';
import { joinLines, webJoinLink } from '../join-lines';
import type { Command } from '../command';

/** `penholder invite`: an invitation for a delegation, put on the roster when missing. */
export const invite: Command = {
  summary: 'Invite a delegation (or a co-facilitator, or an observer) to a negotiation',
  usage: [
    'penholder invite (--data DIR | --postgres URL [--redis URL]) --negotiation ID --delegation "Mexico" [--role cofacilitator|delegation|observer] [--expires ISO] [--server ws://HOST:PORT] [--json]',
    '',
    '  --postgres URL  the PostgreSQL database of a cluster of nodes, instead of a data directory',
    '  --redis URL     with --postgres: tell the running nodes, so that their clients see the roster change at once',
    '  --role     default delegation; for a co-facilitator, --delegation is their name as others see it',
    '             ("Ireland" shows as "Co-facilitator — Ireland"; it puts no delegation on the roster), or none',
    '  --expires  an ISO date after which the token no longer opens anything',
    '  --json     print {"token", "link", "webLink" (the web edition\'s join page; null without --server), "role", "delegation": {"id", "name"}, "documents": {"table", "delegation", "private"}, …}',
    '',
    'While a server runs on the same data directory, prefer its admin API (POST /api/negotiations/ID/invitations):',
    'connected clients then see the roster change at once.',
  ].join('\n'),
  async run(args) {
    const { values } = parseArgs({
      args,
      options: { data: { type: 'string' }, postgres: { type: 'string' }, redis: { type: 'string' }, negotiation: { type: 'string' }, delegation: { type: 'string' }, role: { type: 'string' }, expires: { type: 'string' }, server: { type: 'string' }, json: { type: 'boolean' } },
    });
    const postgres = values.postgres ?? process.env.PENHOLDER_POSTGRES;
    const dataDir = values.data ?? process.env.PENHOLDER_DATA;
    if (!dataDir && !postgres) throw new CliError('--data DIR is required (or set PENHOLDER_DATA), or --postgres URL.');
    if (!values.negotiation || !ID_PATTERN.test(values.negotiation)) throw new CliError('--negotiation ID is required (lowercase letters, digits and dashes).');
    const redis = values.redis ?? process.env.PENHOLDER_REDIS;
    if (values.redis && !postgres) throw new CliError('--redis URL goes with --postgres URL.');
    const data = postgres ? await openPostgres(postgres) : openDataDir(dataDir!);
    // With a cluster, what the roster change appended is also published to the running nodes.
    const appended: { name: string; update: Uint8Array }[] = [];
    const store = {
      load: (name: string) => data.store.load(name),
      appendUpdate: async (name: string, update: Uint8Array) => {
        await data.store.appendUpdate(name, update);
        appended.push({ name, update });
      },
      compact: (name: string) => data.store.compact(name),
      close: () => data.store.close(),
    };
    try {
      const issued = await inviteDelegation(
        { invitations: data.invitations, serverUrl: values.server ?? null, editTable: (id, edit) => editStoredTable(store, id, edit) },
        { negotiationId: values.negotiation, delegationName: values.delegation ?? null, role: parseRole(values.role ?? 'delegation'), expiresAt: parseExpiry(values.expires) },
      );
      if (postgres && redis) {
        await publishUpdates(redis, appended).catch((error: unknown) =>
          console.error(`The invitation is made, but Redis could not be told (${(error as Error).message}): nodes show the roster change when they next load the table.`),
        );
      }
      if (values.json) console.log(JSON.stringify({ ...issued, webLink: webJoinLink(values.server ?? null, issued.token) }, null, 2));
      else {
        console.log(`Invitation ${issued.id} for ${issued.delegation?.name ?? (issued.name ? `co-facilitator ${issued.name}` : 'a co-facilitator')} (${issued.role})${issued.expiresAt ? `, until ${issued.expiresAt}` : ''}:`);
        console.log(joinLines(issued.link, issued.token, values.server ?? null).join('\n'));
      }
    } catch (error) {
      if (error instanceof Refusal) throw new CliError(error.message);
      throw error;
    } finally {
      await data.close();
    }
  },
};
