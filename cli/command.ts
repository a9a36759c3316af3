/** One `penholder` command. */
export interface Command {
  /** One line for the command list. */
  summary: string;
  /** The options, printed by `--help`. */
  usage: string;
  /** Runs the command with its own arguments; returns the exit code (0 when omitted). */
  run(args: string[]): Promise<number | void>;
}
