import { parseArgs } from 'node:util';
import { openDataDir, openPostgres } from '../../sync-server';
import { CliError } from '../cli-error';
import type { Command } from '../command';

/** `penholder revoke`: withdraws an invitation; a running server (every node) closes its connections within 10 ms. */
export const revoke: Command = {
  summary: 'Revoke an invitation, by its id or its token',
  usage: [
    'penholder revoke (--data DIR | --postgres URL) (--id INVITATION_ID | --token TOKEN) [--json]',
    '',
    '  --json  print {"id", "revoked": true, "revokedAt", "role", "delegation", "negotiationId"}',
  ].join('\n'),
  async run(args) {
    const { values } = parseArgs({ args, options: { data: { type: 'string' }, postgres: { type: 'string' }, id: { type: 'string' }, token: { type: 'string' }, json: { type: 'boolean' } } });
    const postgres = values.postgres ?? process.env.PENHOLDER_POSTGRES;
    const dataDir = values.data ?? process.env.PENHOLDER_DATA;
    if (!dataDir && !postgres) throw new CliError('--data DIR is required (or set PENHOLDER_DATA), or --postgres URL.');
    if (!values.id === !values.token) throw new CliError('Give exactly one of --id INVITATION_ID or --token TOKEN.');
    const data = postgres ? await openPostgres(postgres) : openDataDir(dataDir!);
    try {
      const revoked = await data.invitations.revoke(values.id ? { id: values.id } : { token: values.token! });
      if (!revoked) throw new CliError(values.id ? `No invitation "${values.id}".` : 'No invitation has this token.');
      const result = { id: revoked.id, revoked: true, revokedAt: revoked.revokedAt, role: revoked.role, delegation: revoked.delegation, negotiationId: revoked.negotiationId };
      if (values.json) console.log(JSON.stringify(result, null, 2));
      else console.log(`Revoked invitation ${revoked.id} (${revoked.delegation?.name ?? 'co-facilitator'}, ${revoked.role}) at ${revoked.revokedAt}.`);
    } finally {
      await data.close();
    }
  },
};
