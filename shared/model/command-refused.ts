import type { OpenItem } from './open-item';

/**
 * Stable codes for programs (the renderer, `penholder act`, the sync server's refusals):
 * - `not-allowed`: the actor's role may not do this;
 * - `agreed-paragraph`: the paragraph is agreed (or agreed ad ref); reopen it explicitly first;
 * - `not-clean`: the paragraph holds brackets, alternatives, open proposals or a pending ad ref, so it cannot be agreed;
 * - `text-not-clean`: silence cannot open on a text with open items, unless they are confirmed to stay open (see `openItems`);
 * - `under-silence`: the text is under silence and cannot change;
 * - `before-deadline`: silence passes only at its deadline;
 * - `not-a-delegation`: only delegations on the roster (not observers, not co-facilitators) can be awaited for ad ref;
 * - `unlogged`: a decision not written to the decision log, or a change of the log other than appending to it;
 * - `needs-review`: the quoted words changed since the proposal was written;
 * - `not-found`, `invalid`: no such thing; a value that makes no sense.
 */
export type RefusalCode =
  | 'not-allowed'
  | 'agreed-paragraph'
  | 'not-clean'
  | 'text-not-clean'
  | 'under-silence'
  | 'before-deadline'
  | 'not-a-delegation'
  | 'unlogged'
  | 'needs-review'
  | 'not-found'
  | 'invalid';

/** Why a command was refused, in words a user can act on. */
export class CommandRefused extends Error {
  constructor(
    message: string,
    /** A stable code for programs (see RefusalCode). */
    readonly code: RefusalCode,
    /** For `not-clean` and `text-not-clean`: what is open, by label. */
    readonly openItems: OpenItem[] = [],
  ) {
    super(message);
    this.name = 'CommandRefused';
  }
}
