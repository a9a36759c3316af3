import { CliError } from './cli-error';
import { writeAtomically } from '../main/files/file-service';
import type { Negotiation } from '../shared/model/negotiation';
import { encodePenholderFile } from '../shared/model/penholder-file';

/**
 * Writes a `.penholder` file atomically (a flushed temporary file renamed over the target), so that a
 * crash never leaves a half-written negotiation behind, nor damages the one already there.
 */
export async function writeNegotiationFile(negotiation: Negotiation, path: string): Promise<void> {
  if (!path.endsWith('.penholder')) throw new CliError(`${path}: a negotiation file must end in .penholder`, 2);
  try {
    await writeAtomically(path, encodePenholderFile(negotiation));
  } catch (error) {
    throw new CliError(`cannot write ${path}: ${(error as Error).message}`);
  }
}
