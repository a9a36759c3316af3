/** Why a command was refused, in words a user can act on. */
export class CommandRefused extends Error {
  constructor(
    message: string,
    /** A stable code for programs: "not-allowed", "agreed-paragraph", "needs-review", "not-found", "invalid". */
    readonly code: 'not-allowed' | 'agreed-paragraph' | 'needs-review' | 'not-found' | 'invalid',
  ) {
    super(message);
    this.name = 'CommandRefused';
  }
}
