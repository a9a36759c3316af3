/** A request the server or the command line refuses, with a message for people and an HTTP status. */
export class Refusal extends Error {
  constructor(
    message: string,
    readonly status: 400 | 401 | 403 | 404 | 409 = 400,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}
