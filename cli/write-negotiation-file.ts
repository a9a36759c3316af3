import { rename, writeFile, rm } from 'node:fs/promises';
import { CliError } from './cli-error';
import type { Negotiation } from '../shared/model/negotiation';
import { encodePenholderFile } from '../shared/model/penholder-file';

/**
 * Writes a `.penholder` file atomically: to a temporary file beside it, then renamed, so that a crash
 * never leaves a half-written negotiation behind, nor damages the one already there.
 */
export async function writeNegotiationFile(negotiation: Negotiation, path: string): Promise<void> {
  if (!path.endsWith('.penholder')) throw new CliError(`${path}: a negotiation file must end in .penholder`, 2);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, encodePenholderFile(negotiation), { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new CliError(`cannot write ${path}: ${(error as Error).message}`);
  }
}
