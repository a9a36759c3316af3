import type { Command } from '../command';

/** Every command, by the words that invoke it. */
export const commands: Record<string, Command> = {};
