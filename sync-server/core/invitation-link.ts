/**
 * The link an invitee opens: `penholder://join?server=<ws url or empty>&token=…`. The server is empty
 * when the inviter does not know the address clients will reach it at.
 */
export function invitationLink(serverUrl: string | null, token: string): string {
  return `penholder://join?server=${encodeURIComponent(serverUrl ?? '')}&token=${encodeURIComponent(token)}`;
}
