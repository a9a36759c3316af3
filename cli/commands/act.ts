import { parseArgs } from 'node:util';
import { CommandRefused } from '../../shared/model/command-refused';
import { actCommands, type ActOptions } from '../act/act-commands';
import { LinkRefused } from '../act/document-link';
import { RemoteNegotiation } from '../act/remote-negotiation';
import { CliError } from '../cli-error';
import type { Command } from '../command';

/** `penholder act`: everything a person does in the app, from a terminal or a script, with the same rights. */
export const act: Command = {
  summary: 'Act in a negotiation on a server as an invitation\'s holder: show, propose, take positions, decide',
  usage: [
    'penholder act --link LINK [--json] COMMAND',
    '',
    'LINK is an invitation link: http://HOST:PORT/join?token=… or penholder://join?server=ws://HOST:PORT&token=…',
    '(or set PENHOLDER_LINK). Commands:',
    '  show [--clean|--compilation]',
    '  propose replace|insert|delete --paragraph LABEL --words "…" [--with "…"] [--on-behalf-of GROUP]',
    '                                 (insert: the new words go after --words)',
    '  propose new --after LABEL --text "…" [--on-behalf-of GROUP]',
    '  position support|oppose|reserve|pending ID',
    '  decide accept|not-retain ID',
    '  bracket|unbracket --paragraph LABEL --words "…"',
    '  status LABEL open|agreed|ad-ref [--pending "Mexico,Brazil" --until ISO]',
    '  revision issue [--note "…"]',
    '  silence open --until ISO [--keep-open] | silence break --paragraph LABEL --reason "…" | silence close',
    '  log [--verify]                   (every decision of the co-facilitators; --verify checks its hash chain)',
    '',
    'It waits until the server has stored what it wrote. Exit codes: 0 done, 1 failed, 2 bad usage,',
    '3 refused (the refusal\'s code and message on stderr).',
  ].join('\n'),
  async run(args) {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        options: {
          link: { type: 'string' },
          json: { type: 'boolean' },
          clean: { type: 'boolean' },
          compilation: { type: 'boolean' },
          paragraph: { type: 'string' },
          words: { type: 'string' },
          with: { type: 'string' },
          'on-behalf-of': { type: 'string' },
          after: { type: 'string' },
          text: { type: 'string' },
          pending: { type: 'string' },
          until: { type: 'string' },
          note: { type: 'string' },
          'keep-open': { type: 'boolean' },
          reason: { type: 'string' },
          verify: { type: 'boolean' },
        },
      });
    } catch (error) {
      throw new CliError((error as Error).message, 2);
    }
    const { values, positionals } = parsed;
    const link = values.link ?? process.env.PENHOLDER_LINK;
    if (!link) throw new CliError('--link LINK is required (an invitation link), or set PENHOLDER_LINK', 2);
    const [name, ...words] = positionals;
    const handler = name ? actCommands[name] : undefined;
    if (!handler) throw new CliError(name ? `unknown command "${name}"; see --help` : 'name a command (show, propose, position, decide, …); see --help', 2);
    const remote = await RemoteNegotiation.open(link);
    try {
      const result = handler(remote, words, values as ActOptions);
      if (result.wrote) await remote.settle();
      console.log(values.json ? JSON.stringify(result.json, null, 2) : result.line);
    } catch (error) {
      if (error instanceof CommandRefused) throw new CliError(`refused (${error.code}): ${error.message}`, 3);
      if (error instanceof LinkRefused) throw new CliError(`refused (${error.code}): ${error.message}`, 3);
      throw error;
    } finally {
      remote.close();
    }
  },
};
