import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { importText } from '../../shared/import/import-text';
import { createNegotiation } from '../../shared/model/create-negotiation';
import { documentName } from '../../shared/protocol/document-names';
import { negotiationFromImport } from '../../shared/model/from-import';
import type { Negotiation } from '../../shared/model/negotiation';
import { invitationLink, openDataDir, openPostgres } from '../../sync-server';
import { CliError } from '../cli-error';
import { joinLines, NO_SERVER_HINT, webJoinLink } from '../join-lines';
import { readSource } from '../read-source';
import type { Command } from '../command';

async function fromFile(file: string, title: string | undefined): Promise<Negotiation> {
  const { text, format } = await readSource(file);
  return negotiationFromImport(importText(text, { source: file, format }), title ? { title } : {});
}

/** `penholder negotiation create`: a new negotiation in a data directory, with its two co-facilitators' invitations. */
export const negotiationCreate: Command = {
  summary: 'Create a negotiation (optionally from an imported text) and invite its two co-facilitators',
  usage: [
    'penholder negotiation create (--data DIR | --postgres URL) --title "..." [--from FILE] [--cofacilitators "Ireland,Namibia"] [--server ws://HOST:PORT] [--json]',
    '',
    '  --postgres URL  the PostgreSQL database of a cluster of nodes, instead of a data directory',
    '  --from FILE   import a UN text (txt, PDF-extracted text, Markdown or .docx) as the zero draft',
    '  --cofacilitators A,B  the two co-facilitators\' names, as everyone sees them ("Co-facilitator — Ireland")',
    '  --server URL  the server address to put in the invitation links (ws://HOST:PORT or wss://…; without it the links name none)',
    '  --json        print {"id", "title", "invitations": [{"role", "name", "token", "link", "webLink", "id"}, …], "note"}:',
    '                webLink is the web edition\'s join page (null without --server); note says what the text output says',
  ].join('\n'),
  async run(args) {
    const { values } = parseArgs({ args, options: { data: { type: 'string' }, postgres: { type: 'string' }, title: { type: 'string' }, from: { type: 'string' }, server: { type: 'string' }, cofacilitators: { type: 'string' }, json: { type: 'boolean' } } });
    const postgres = values.postgres ?? process.env.PENHOLDER_POSTGRES;
    const dataDir = values.data ?? process.env.PENHOLDER_DATA;
    if (!dataDir && !postgres) throw new CliError('--data DIR is required (or set PENHOLDER_DATA), or --postgres URL.');
    const names = (values.cofacilitators ?? '').split(',').map((n) => n.trim()).filter(Boolean);
    if (names.length > 2) throw new CliError(`--cofacilitators names the two co-facilitators; got ${names.length} names.`);
    const title = values.title?.trim();
    if (!title && !values.from) throw new CliError('--title "..." is required (or --from FILE to take the title from an imported text).');
    const negotiation = values.from ? await fromFile(values.from, title) : createNegotiation({ title: title! });
    const data = postgres ? await openPostgres(postgres) : openDataDir(dataDir!);
    try {
      for (const [path, doc] of negotiation.documents()) {
        const update = Y.encodeStateAsUpdate(doc);
        if (update.length > 2) await data.store.appendUpdate(`${negotiation.id}/${path}`, update);
      }
      if (!(await data.store.load(documentName(negotiation.id, { kind: 'table' })))) throw new CliError('the negotiation could not be stored');
      const invitations = [];
      for (let n = 0; n < 2; n++) {
        const { invitation, token } = await data.invitations.create({ negotiationId: negotiation.id, role: 'cofacilitator', delegation: null, name: names[n] ?? null });
        const server = values.server ?? null;
        invitations.push({ role: invitation.role, name: invitation.name, token, link: invitationLink(server, token), webLink: webJoinLink(server, token), id: invitation.id });
      }
      const note = `The tokens are shown only now; the server keeps only their hashes.${values.server ? '' : ` (${NO_SERVER_HINT}.)`}`;
      const result = { id: negotiation.id, title: negotiation.table.meta().title, invitations, note };
      if (values.json) console.log(JSON.stringify(result, null, 2));
      else {
        console.log(`Negotiation ${result.id}: ${result.title}`);
        invitations.forEach((i, n) => console.log([`\nCo-facilitator ${i.name ? `— ${i.name}` : n + 1} (invitation ${i.id}):`, ...joinLines(i.link, i.token, values.server ?? null)].join('\n')));
        console.log('\nThe tokens are shown only now; the server keeps only their hashes.');
      }
    } finally {
      await data.close();
    }
  },
};
