import type { Command } from '../command';
import { act } from './act';
import { invite } from './invite';
import { negotiationCreate } from './negotiation-create';
import { revoke } from './revoke';
import { serve } from './serve';
import { cleanCommand } from './clean';
import { compileCommand } from './compile';
import { importCommand } from './import';
import { start } from './start';

/** Every command, by the words that invoke it. */
export const commands: Record<string, Command> = {
  serve,
  'negotiation create': negotiationCreate,
  invite,
  revoke,
  import: importCommand,
  clean: cleanCommand,
  compile: compileCommand,
  start,
  act,
};
