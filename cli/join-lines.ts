/** What the text output says when no server address was given, so that `--json` can say it too. */
export const NO_SERVER_HINT = 'no server address given: once `penholder serve` runs, open http://HOST:PORT/join?token=… in a browser, or add --server ws://HOST:PORT to put it in the link';

/** The web edition's join page for an invitation on a server (ws:// or wss:// address), or null when the address is unknown. */
export function webJoinLink(server: string | null, token: string): string | null {
  if (!server) return null;
  return `${server.replace(/^ws(s?):\/\//, 'http$1://').replace(/\/+$/, '')}/join?token=${encodeURIComponent(token)}`;
}

/**
 * How an invitation is handed over, as lines to print: the app's penholder:// link and, when the server's
 * address is known, the web edition's join page; when it is not, where to find it.
 */
export function joinLines(link: string, token: string, server: string | null): string[] {
  const web = webJoinLink(server, token);
  if (!web) return [`  ${link}`, `  token: ${token}`, `  (${NO_SERVER_HINT})`];
  return [`  ${link}`, `  in a browser: ${web}`, `  token: ${token}`];
}
