import { commands } from './commands/index';
import { CliError } from './cli-error';

const usage = (): string =>
  [
    'penholder: negotiate a text among many parties',
    '',
    'Usage: penholder <command> [options]',
    '',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(22)} ${c.summary}`),
    '',
    'Run `penholder <command> --help` for a command\'s options.',
  ].join('\n');

/** Runs the command line; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (!first || first === '--help' || first === '-h' || first === 'help') {
    console.log(usage());
    return first ? 0 : 2;
  }
  // Two-word commands ("negotiation create") are looked up before one-word ones.
  const two = rest[0] ? `${first} ${rest[0]}` : '';
  const name = two && commands[two] ? two : first;
  const command = commands[name];
  if (!command) {
    console.error(`penholder: unknown command "${first}".\n\n${usage()}`);
    return 2;
  }
  const args = name === two ? rest.slice(1) : rest;
  if (args.includes('--help') || args.includes('-h')) {
    console.log(`penholder ${name}: ${command.summary}\n\n${command.usage}`);
    return 0;
  }
  try {
    return (await command.run(args)) ?? 0;
  } catch (error) {
    if (error instanceof CliError) {
      console.error(`penholder ${name}: ${error.message}`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    console.error(`penholder ${name}: ${message}`);
    return 1;
  }
}
